/// What a search found reading one story: whether it matched, and whether it could read the
/// story's text as it was indexed.
///
/// A story whose file changed on disk since it was indexed (written over in place, cut short)
/// has other bytes, or none, where its text was: a search matches its title alone, which is
/// held in memory, and never the bytes now there (another story's text, found by QA).
public enum SearchedText: Equatable, Sendable {
    /// The story's text, as it was indexed, was searched.
    case text(matched: Bool)
    /// The story's text is no longer where it was indexed: only its title was searched.
    case titleOnly(matched: Bool)

    /// Whether the story matched.
    public var matched: Bool {
        switch self {
        case .text(let matched), .titleOnly(let matched): return matched
        }
    }

    /// Whether the story's text could not be read as it was indexed (its file changed on disk).
    public var changedOnDisk: Bool {
        if case .titleOnly = self { return true }
        return false
    }
}
