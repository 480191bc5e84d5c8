/// While the files read again (`R`) are indexed, the reader over them as they were stays on
/// screen, and keys act there: the list showed story 1 (and its text) until indexing reached
/// the story the reader was on, then jumped back to it (found by QA). The reader over the
/// files read again follows it meanwhile (``follow(_:afterKeys:)``), and takes its place
/// (``takeOver(from:)``) once it shows the same story (``isLookingForTheStoryLeft``), or once
/// indexing ends without it (the rules for a story gone then apply).
extension Reader {
    /// What a reader over files read again last took from the reader on screen.
    struct FollowedReader {
        /// A view as ``keepView(of:)`` takes it: the filter, the search, and how many stories
        /// the view keeps that no longer match it (they only grow while it stays).
        struct View: Equatable {
            var filter: ViewFilter
            var query: String?
            var kept: Int

            init(of reader: Reader) {
                filter = reader.filter
                query = reader.query?.text
                kept = reader.keptInView.count
            }
        }

        var view: View?
        /// The story selected there (``keepPlace(of:)``).
        var story: ArticleID?
        /// The tracker's ``ReadingTracker/changesTaken`` when this reader counted its unread
        /// stories: keys there may change the marks of stories it has.
        var changesTaken = 0
    }

    /// Whether this reader is still looking for the story to show (the one selected before
    /// `R`, or the one left last time) while its view fills: it shows another meanwhile.
    public var isLookingForTheStoryLeft: Bool {
        (pendingInitial != nil || pendingNearest != nil) && viewIsFilling
    }

    /// Takes again from `other`, the reader over the files as they were (on screen while this
    /// one fills), its view and search, and the story selected there, when they changed since
    /// this reader took them. A search being typed is taken once its prompt closes.
    /// `afterKeys`: keys acted there since the last call (the stories they read in the unread
    /// view, or unflagged in the flagged one, stay in it: looked for then only).
    public func follow(_ other: Reader, afterKeys: Bool) {
        guard other.prompt == nil else { return }
        if afterKeys { other.keepStoriesShown() }
        if followed.view != FollowedReader.View(of: other) {
            keepView(of: other)
            keepPlace(of: other)
        } else if followed.story != other.selectedEntry?.summary.id {
            keepPlace(of: other)
        }
    }

    /// Whether `other` may give way to this reader now: no search is being typed there, help is
    /// not shown and no story number is half typed (this reader would drop them). While this
    /// one looks for its story, only when `other` looks for a story too (its first indexing
    /// still looked for the story left last time): it shows no place of the user's, and this
    /// one's list fills in meanwhile.
    public func mayTakeOver(from other: Reader) -> Bool {
        (!isLookingForTheStoryLeft || other.isLookingForTheStoryLeft) && other.prompt == nil
            && !other.showingHelp && other.pendingNumber.isEmpty
    }

    /// Shows how far the files read again are indexed on this reader's status line while it
    /// stays on screen (see ``reloadProgress``); `replacingMessage`: in the place of what the
    /// status line says (what `R` said).
    public func showReloadProgress(_ progress: BackgroundIndexer.Progress, replacingMessage: Bool = false) {
        if replacingMessage { status = nil }
        reloadProgress = progress
    }
}
