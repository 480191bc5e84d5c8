/// Everything a reader can ask for, whatever key or click asked for it.
public enum Command: Hashable, Sendable {
    /// `j`/`k`: next or previous headline; in a focused article, scroll a line.
    case down, up
    /// Open the selected story and focus the article pane (marks it read).
    case open
    /// From the article back to the list; from the list, quit.
    case back
    /// Quit at once.
    case quit
    /// `Space`: page down in the article; at its end, open the next unread story.
    case spaceForward
    /// `b`: page up in the article.
    case pageBack
    /// Page down or up in whichever pane has focus.
    case pageDown, pageUp
    /// First or last headline, or top or bottom of a focused article.
    case first, last
    /// Next or previous story, opened.
    case nextStory, previousStory
    /// Next or previous unread story, opened.
    case nextUnread, previousUnread
    /// Toggle read or unread of the selected story.
    case toggleRead
    /// Mark every story in the current view read.
    case markAllRead
    /// Undo the last change of reading state.
    case undo
    /// Flag or unflag the selected story.
    case toggleFlag
    /// All stories, unread only, flagged only.
    case cycleView
    /// A digit of a story number to jump to (`Enter` jumps, `Esc` cancels).
    case digit(Int)
    /// Article pane full screen and back.
    case zoom
    /// The help screen.
    case help
    /// Cancel a pending number, close help, or leave the article.
    case cancel
    /// Select the headline on this list row (mouse), or open it.
    case selectRow(Int)
    case openRow(Int)
    /// Scroll the list's rows or the article by lines (mouse wheel); the selection and focus stay.
    case scrollList(Int)
    case scrollArticle(Int)
    /// Delete the last digit of a pending number.
    case deleteDigit
    /// `/`: open the search prompt.
    case search
    /// A key typed into the open search prompt.
    case edit(Key)
    /// Scroll the article to the next or previous line holding a search match.
    case nextMatch, previousMatch
    /// `o`: open the story's link in the browser; after a number N, its link [N].
    case openLink
    /// `R`: read the files again, keeping the reading state.
    case reload
    /// A key that asks for nothing: the reader says so.
    case unbound(Key)
}
