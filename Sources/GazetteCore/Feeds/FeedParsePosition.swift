/// How far into a feed's file the parser has been handed text, in bytes of the file: the
/// indexer's progress through a feed (its items carry no byte offsets of their own).
public final class FeedParsePosition {
    /// Bytes of the file read so far.
    public internal(set) var bytes = 0
    /// Where in the file the text the parser works on now starts (UTF-8 feeds): an item
    /// delivered now ends after it, so the item after it starts after it too.
    public internal(set) var chunkStart = 0

    public init() {}
}
