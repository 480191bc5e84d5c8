/// A message for the status line, with a short form for a screen too narrow for it.
///
/// The short form says the message's essential part whole in at most
/// ``StatusMessage/shortWidth`` columns (a cut at 40 columns left "(] goe…"; found by QA).
public struct StatusMessage: Equatable, Sendable {
    /// What the message says on a screen wide enough.
    public let text: String
    /// What it says when `text` does not fit; nil when `text` is short already.
    public let short: String?
    /// A note naming a file, "gone: a.txt", told after the short form where there is room for
    /// it; nil when none.
    public let shortNote: String?

    /// The room the status line of a 40-column screen has (a space before, one column after).
    public static let shortWidth = 38

    /// A message with a short form, and a note after it where there is room.
    public init(_ text: String, short: String? = nil, shortNote: String? = nil) {
        self.text = text
        self.short = short
        self.shortNote = shortNote
    }

    /// The text to show in `room` columns: the whole message when it fits (but for a file's
    /// name at its end, which the status line cuts first), else its short form, then its note
    /// whole or cut at its end, when its label and a few letters of the name fit.
    public func fitting(_ room: Int) -> String {
        guard let short, DisplayWidth.of(Self.withoutName(text)) > room else { return text }
        guard let shortNote else { return short }
        let left = room - DisplayWidth.of(short) - 2
        let label =
            shortNote.range(of: ": ").map { DisplayWidth.of(String(shortNote[..<$0.upperBound])) } ?? 0
        guard left >= min(DisplayWidth.of(shortNote), label + 4) else { return short }
        return short + "; " + TextTruncation.truncate(shortNote, width: left)
    }

    /// `text` without a file's name at its end, " ('state.sqlite')".
    public static func withoutName(_ text: String) -> String {
        guard text.hasSuffix("')"), let open = text.range(of: " ('", options: .backwards) else { return text }
        return String(text[..<open.lowerBound])
    }

    /// The message after `prefix`, in both forms ("cancelled: …").
    public func wrapped(_ prefix: String) -> StatusMessage {
        StatusMessage(prefix + text, short: short.map { prefix + $0 }, shortNote: shortNote)
    }

    private static func count(_ number: Int) -> String { GroupedCount.text(number) }

    // MARK: The reader's messages longer than 38 columns.

    /// A key waits for the story left last time to be indexed.
    public static let goingBack = StatusMessage(
        "a moment: going back to the story you left (indexing)", short: "a moment: going back to your story")

    /// `A` waits for the view to fill.
    public static let markAllWaiting = StatusMessage(
        "A marks every story of the view read when done", short: "A: all read when done")

    /// `A` asks before marking read the unread stories of several sources.
    public static func markAllQuestion(stories: Int, sources: Int) -> StatusMessage {
        StatusMessage(
            "mark \(count(stories)) stories of \(count(sources)) sources read? (y/n)",
            short: "mark \(count(stories)) read (\(count(sources)) sources)? y/n")
    }

    /// `G` waits for the view to fill.
    public static let lastWaiting = StatusMessage(
        "G goes to the last story when done", short: "G: last story when done")

    /// A number waits for its story to be indexed.
    public static func storyWaiting(_ number: Int) -> StatusMessage {
        StatusMessage(
            "goes to story \(count(number)) when it comes", short: "story \(count(number)) when it comes")
    }

    /// `n` waits for an unread story to be indexed.
    public static let nextUnreadWaiting = StatusMessage(
        "n goes to the next unread story when it comes", short: "n: next unread when found")

    /// Digits typed in an open story: a story or a line.
    public static func numberInArticle(_ digits: String) -> StatusMessage {
        StatusMessage(
            "\(digits): Enter opens story \(digits), G goes to line \(digits)",
            short: "\(digits): Enter: story \(digits), G: line \(digits)")
    }

    /// A number typed before a key that takes none.
    public static func numberDropped(_ dropped: String) -> StatusMessage {
        StatusMessage(
            "\(dropped) dropped: the key takes no number (? lists those that do)",
            short: "\(dropped) dropped: the key takes no number")
    }

    /// A key that does nothing here, named, after the number typed before it if any.
    public static func doesNothing(_ key: String, dropped: String?) -> StatusMessage {
        let said = (dropped.map { "\($0) dropped; " } ?? "") + "\(key) does nothing here"
        return StatusMessage(said + ": ? lists the keys", short: said)
    }

    /// A move in a list that is empty while it still fills (`searching`, else indexing).
    public static func emptyForNow(searching: Bool) -> StatusMessage {
        let filling = searching ? "the search" : "indexing"
        return StatusMessage(
            "the list is empty for now (\(filling) goes on)", short: "empty for now (\(filling) goes on)")
    }

    /// A move past the end of a list that still fills (`searching`, else indexing).
    public static func endsForNow(searching: Bool) -> StatusMessage {
        let filling = searching ? "the search" : "indexing"
        return StatusMessage(
            "the list ends there for now (\(filling) goes on)", short: "no more for now (\(filling) goes on)")
    }

    /// A move in a search that found nothing.
    public static let noMatch = StatusMessage(
        "no story matches the search (Esc ends it)", short: "no match (Esc ends the search)")

    /// A move in an empty view.
    public static let emptyView = StatusMessage(
        "no stories in this view (L changes the view)", short: "no stories in this view (press L)")

    /// The matching lines of a story opened during a search.
    public static func matchingLines(_ matches: Int) -> StatusMessage {
        StatusMessage(
            "\(count(matches)) matching lines in this story (] goes to the next)",
            short: "\(count(matches)) matching lines (]: next)")
    }

    /// A counted move that stopped at the end of a list still filling.
    public static func movedForNow(_ moved: Int, of lines: Int, filling: String) -> StatusMessage {
        let said = "moved \(count(moved)) of \(count(lines))"
        return StatusMessage(
            said + ": the list ends there for now (\(filling))", short: said + ": no more for now")
    }

    /// A story number beyond the stories indexed yet.
    public static func notInListYet(_ number: Int, filling: String) -> StatusMessage {
        StatusMessage(
            "story \(count(number)) is not in the list yet: try again when \(filling) ends",
            short: "story \(count(number)) is not in the list yet")
    }

    /// A story number the view (named by `label`) hides.
    public static func notInView(_ number: Int, label: String) -> StatusMessage {
        StatusMessage(
            "story \(count(number)) is not in this view (\(label); L changes the view)",
            short: "story \(count(number)) is not in this view")
    }

    /// A story number the search hides.
    public static func notMatching(_ number: Int) -> StatusMessage {
        StatusMessage(
            "story \(count(number)) does not match the search (Esc in the list ends it)",
            short: "story \(count(number)) does not match the search")
    }

    /// A change of view (`label`), and what waited for the old one (`cancelled`).
    public static func view(_ label: String, empty: Bool, cancelled: StatusMessage?) -> StatusMessage {
        let said = "view: \(label)" + (empty ? " — no stories" : "")
        guard let cancelled else { return StatusMessage(said) }
        return StatusMessage(said + " (cancelled: \(cancelled.text))", short: said)
    }

    /// The changes of `count` stories kept waiting behind `reason` (a lock, a file gone).
    public static func changesWaiting(_ count: Int, behind reason: StateStoreError) -> StatusMessage {
        if case .removed = reason {
            return StatusMessage(
                StateStoreError.waiting(count, behind: reason),
                short: "gone: \(StoriesChanges.text(count)) kept")
        }
        if case .full = reason {
            return StatusMessage(
                StateStoreError.waiting(count, behind: reason),
                short: "no room: " + StoriesChanges.text(count, "wait"))
        }
        return StatusMessage(
            StateStoreError.waiting(count, behind: reason),
            short: "locked: " + StoriesChanges.text(count, "wait"))
    }

    /// The changes of `saved` stories that waited for a lock (or, `after` a full disk, for
    /// room) were written.
    public static func savedLate(_ saved: Int, after reason: StateStoreError? = nil) -> StatusMessage {
        let changes = StoriesChanges.text(saved)
        if case .full = reason {
            return StatusMessage("there is room again: \(changes) saved", short: "\(changes) saved")
        }
        return StatusMessage("the state file is free again: \(changes) saved", short: "\(changes) saved")
    }

    /// A change not saved for `reason`.
    public static func notSaved(_ reason: StateStoreError) -> StatusMessage {
        StatusMessage(reason.shortReason, short: reason.narrowReason)
    }

    /// The reader opened while another program kept the state file at `path` locked.
    public static func openedWhileLocked(path: String) -> StatusMessage {
        StatusMessage(
            StateStoreError.openedWhileLocked(path: path), short: "state file locked: saved when free")
    }

    /// The reader opened while the state file at `path` could not be made or grow (a full disk,
    /// `ulimit -f`): its changes wait for room.
    public static func openedWithoutRoom(path: String) -> StatusMessage {
        StatusMessage(
            StateStoreError.openedWithoutRoom(path: path), short: "disk or file full: make room to save")
    }

    /// `R` over standard input alone.
    /// Text pasted outside the search prompt: not taken as keys.
    public static let pasteIgnored = StatusMessage(
        "pasted text ignored: it is not keys (/ searches for it)", short: "paste ignored (/ searches)")

    public static let standardInputNotReloaded = StatusMessage(
        "nothing to reload: standard input cannot be read again", short: "nothing to reload (standard input)")

    /// No match after the last one shown, the last ones on screen.
    public static let lastMatchesOnScreen = StatusMessage(
        "no more matches below (the last ones are on screen)", short: "no more matches below")

    /// No match in the lines shown after this one; more may be in the paragraphs left out.
    public static let matchesLeftOut = StatusMessage(
        ArticleLayout.matchesLeftOutText, short: "no more matches shown (gazette show)")

    /// The story matches only in the paragraphs left out.
    public static let onlyMatchesLeftOut = StatusMessage(
        ArticleLayout.onlyMatchesLeftOutText, short: "matches only past the lines shown")

    /// Keys typed before a search's first story wait for it.
    public static let keysWaitForSearch = StatusMessage(
        "a moment: keys wait for the search's first story", short: "a moment: keys wait for the search")

    /// `b` at the top of the story shown under the list.
    public static let topOfStoryUnderList = StatusMessage(
        "already at the top of the story (PgUp pages the list)", short: "already at the top of the story")

    /// A search found files changed on disk since they were opened (their names, `names`):
    /// it searched the titles of their stories whose text is no longer where it was.
    public static func searchedByTitle(changed names: [String]) -> StatusMessage {
        let which = names.count == 1 ? names[0] : "\(count(names.count)) files"
        let them = names.count == 1 ? "it" : "them"
        return StatusMessage(
            "\(which) changed on disk: some stories searched by title only; R reads \(them) again",
            short: "changed on disk: R reads \(them) again")
    }

    /// `Enter` on the story open already, read.
    public static let storyOpen = StatusMessage(
        "the story is open: Space pages on, q goes back to the list",
        short: "story open: Space pages, q goes back")
}
