/// How far into a feed's file the parser has been handed text, in bytes of the file: the
/// indexer's progress through a feed (its items carry no byte offsets of their own).
public final class FeedParsePosition {
    /// Bytes of the file read so far.
    public internal(set) var bytes = 0

    public init() {}
}
