/// How much a load's note tells was lost, to list the worst first: a file skipped because its
/// reading lost its only story (lost whole), then stories lost in a file open (a part lost),
/// then other files skipped (nothing lost: not news, empty). A file lost whole was told after a
/// file that kept part of its stories (found by QA).
public enum LoadNoteHarm: Int, Comparable {
    case fileLost
    case storiesLost
    case fileSkipped

    /// The harm `note` tells of: a "skipped…" note (or the status line's message of skipped
    /// files) is a file lost when its file holds no articles for a reason that tells of text
    /// lost (``FeedParser/tellsOfLostText(_:)``); any other note is of stories lost in a file.
    public init(of note: String) {
        let skipped = ["skipped:", "skipped '", "skipped a file"].contains { note.hasPrefix($0) }
        guard skipped || note.contains(" files skipped; ") else {
            self = .storiesLost
            return
        }
        let marker = " holds no articles: "
        guard let found = note.range(of: marker),
            FeedParser.tellsOfLostText(String(note[found.upperBound...]))
        else {
            self = .fileSkipped
            return
        }
        self = .fileLost
    }

    /// `notes` worst first, in their order within each harm.
    public static func ordered(_ notes: [String]) -> [String] {
        let ranked = notes.map { LoadNoteHarm(of: $0) }
        return notes.indices.sorted { (ranked[$0], $0) < (ranked[$1], $1) }.map { notes[$0] }
    }

    public static func < (lhs: LoadNoteHarm, rhs: LoadNoteHarm) -> Bool { lhs.rawValue < rhs.rawValue }
}
