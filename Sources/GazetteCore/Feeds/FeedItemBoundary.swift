#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a big XML feed can be cut so that its two parts parse on two threads: just before
/// an item's start tag that follows the end tag of the item before it, outside any CDATA
/// section or comment. Only UTF-8 feeds are cut (others are decoded whole first).
///
/// The part after the cut is parsed behind the file's own start (up to its first item), so
/// it sees the same root element, namespaces and entity declarations.
enum FeedItemBoundary {
    /// How far past the asked offset a cut is looked for.
    static let searchWindow = 8 << 20
    /// How far past a candidate the end of a CDATA section or comment around it is looked for.
    static let markupWindow = 1 << 20

    /// The start tag and end tag of an item in `format`; nil for formats that are not cut.
    static func tags(for format: SourceFormat) -> (start: [UInt8], end: [UInt8])? {
        switch format {
        case .rss, .rdf: return (Array("<item".utf8), Array("</item>".utf8))
        case .atom: return (Array("<entry".utf8), Array("</entry>".utf8))
        case .plainTextDump, .jsonFeed: return nil
        }
    }

    /// The offset of the first item's start tag, where the part before items ends (within
    /// ``searchWindow``).
    ///
    /// Read forwards from the file's start, stepping over comments and CDATA sections whole:
    /// exact, and it reads only the few KiB before the first item (looking ahead of each
    /// candidate for the end of a section around it, as ``nextCut(in:format:after:)`` must,
    /// scanned up to ``markupWindow`` past it on the way to a feed's first screen).
    static func firstItem(in bytes: UnsafeRawBufferPointer, format: SourceFormat) -> Int? {
        guard let (start, _) = tags(for: format), let base = bytes.baseAddress else { return nil }
        let limit = min(bytes.count, searchWindow)
        var index = 0
        while index < limit {
            guard let hit = memchr(base + index, Int32(UInt8(ascii: "<")), limit - index) else { return nil }
            let open = base.distance(to: UnsafeRawPointer(hit))
            if startsWith(Self.commentOpen, in: bytes, at: open) {
                guard let close = find(Self.commentClose, in: bytes, from: open + 4, to: limit) else {
                    return nil
                }
                index = close + Self.commentClose.count
            } else if startsWith(Self.cdataOpen, in: bytes, at: open) {
                guard let close = find(Self.cdataClose, in: bytes, from: open + 9, to: limit) else {
                    return nil
                }
                index = close + Self.cdataClose.count
            } else if startsWith(start, in: bytes, at: open), isTagStart(bytes, open + start.count) {
                return open
            } else {
                index = open + 1
            }
        }
        return nil
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)

    /// Whether `bytes` hold `prefix` at `index`.
    private static func startsWith(_ prefix: [UInt8], in bytes: UnsafeRawBufferPointer, at index: Int) -> Bool
    {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    /// The first cut at or after `offset`, within ``searchWindow``; nil when there is none
    /// or the feed is not UTF-8.
    static func cut(in bytes: UnsafeRawBufferPointer, format: SourceFormat, after offset: Int) -> Int? {
        guard let first = firstCuttableItem(in: bytes, format: format), offset > first else { return nil }
        return nextCut(in: bytes, format: format, after: offset)
    }

    /// The offset of the first item of a feed that can be cut (UTF-8, and the part before
    /// its first item reads cleanly on its own); nil for any other.
    static func firstCuttableItem(in bytes: UnsafeRawBufferPointer, format: SourceFormat) -> Int? {
        guard tags(for: format) != nil, isUTF8(bytes), let first = firstItem(in: bytes, format: format),
            FeedParser.headerReadsCleanly(bytes, format: format, end: first)
        else { return nil }
        return first
    }

    /// The first cut at or after `offset` (past the first item) of a feed that
    /// ``firstCuttableItem(in:format:)`` accepted, within ``searchWindow``.
    static func nextCut(in bytes: UnsafeRawBufferPointer, format: SourceFormat, after offset: Int) -> Int? {
        guard let (start, end) = tags(for: format) else { return nil }
        let limit = min(bytes.count, offset + searchWindow)
        var from = offset
        while let candidate = find(start, in: bytes, from: from, to: limit) {
            if isTagStart(bytes, candidate + start.count), follows(end, in: bytes, before: candidate),
                outsideMarkup(bytes, candidate)
            {
                return candidate
            }
            from = candidate + 1
        }
        return nil
    }

    // MARK: Checks

    /// Whether the text looks like UTF-8 from its first 64 KiB. (A file the decoder later
    /// reads in another encoding is still parsed right: see `FeedParser.parse(_:part:onItem:)`.)
    private static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, 1 << 16)])
        if case .utf8 = FeedTextDecoder.plan(for: head).kind { return true }
        return false
    }

    /// A name ends at `index`: the tag is `<item` itself, not `<itemize`.
    private static func isTagStart(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "/")
    }

    /// Whether the last thing before `index`, white space aside, is `tag`.
    private static func follows(_ tag: [UInt8], in bytes: UnsafeRawBufferPointer, before index: Int) -> Bool {
        var end = index
        while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        guard end >= tag.count else { return false }
        return (0..<tag.count).allSatisfy { bytes[end - tag.count + $0] == tag[$0] }
    }

    /// Whether `index` is outside CDATA sections and comments: the next closing marker of
    /// each within ``markupWindow``, if any, comes after an opening one. (A section longer
    /// than that around an item's tags is taken for none: the search stays short, on the
    /// path to the first screen.)
    private static func outsideMarkup(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
        let limit = min(bytes.count, index + markupWindow)
        for (open, close) in [(cdataOpen, cdataClose), (commentOpen, commentClose)] {
            guard let closing = find(close, in: bytes, from: index, to: limit) else { continue }
            if find(open, in: bytes, from: index, to: closing) == nil { return false }
        }
        return true
    }

    /// The first offset of `needle` in `bytes[from..<to]`: `memchr` for the needle's rarest
    /// byte in XML text (`!`, `]`, `[` before others), then `memcmp` at each hit.
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty, from >= 0, to <= bytes.count else { return nil }
        let anchor =
            needle.firstIndex(of: UInt8(ascii: "!")) ?? needle.firstIndex(of: UInt8(ascii: "]"))
            ?? needle.firstIndex(of: UInt8(ascii: "[")) ?? 0
        let byte = Int32(needle[anchor])
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let wanted = pattern.baseAddress else { return nil }
            // Where the anchor byte may be: the needle must fit around it.
            var position = from + anchor
            let last = to - needle.count + anchor
            while position <= last {
                guard let hit = memchr(base + position, byte, last - position + 1) else { return nil }
                let start = base.distance(to: UnsafeRawPointer(hit)) - anchor
                if memcmp(base + start, wanted, needle.count) == 0 { return start }
                position = start + anchor + 1
            }
            return nil
        }
    }
}
