/// Which tags of phrasing elements in a title are markup and which are named in its prose. A
/// start tag with its end tag after it (`<b>x</b>`), an end tag with its start tag before it,
/// and a tag with attributes (`<a href="…">`, `<br/>`) are markup; so is a void element's tag
/// (`<br>`, `<img>`, `<wbr>`) that touches a word or stands in a title holding other markup.
/// Any other tag is a name the title speaks of: "The <code> element explained", "Why the <br>
/// tag is void" (their words were dropped as tags; found by QA).
struct HTMLTitleLoneTags {
    /// For each lowercased name, where its first start tag is, and where its last end tag is.
    private var firstStart: [String: Int] = [:]
    private var lastEnd: [String: Int] = [:]
    /// Whether the title holds a tag that is markup by its pair or its attributes.
    private var holdsMarkup = false

    /// The tags of `bytes` (a title), read once.
    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let tag = Self.tag(in: bytes, at: index) else {
                index += 1
                continue
            }
            if tag.isEnd {
                lastEnd[tag.name] = index
            } else if firstStart[tag.name] == nil {
                firstStart[tag.name] = index
            }
            if tag.hasAttributes, HTMLTitleMarkup.phrasingElements.contains(tag.name) { holdsMarkup = true }
            index = tag.nameEnd
        }
        for (name, start) in firstStart where (lastEnd[name] ?? -1) > start && Self.isMarkupName(name) {
            holdsMarkup = true
        }
    }

    /// Whether the phrasing element's tag from `start` (its "<") to `end` (after its ">") is
    /// markup.
    func isMarkup(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard let tag = Self.tag(in: bytes, at: start) else { return true }
        if tag.hasAttributes { return true }
        if tag.isEnd {
            if let first = firstStart[tag.name], first < start { return true }
        } else if let last = lastEnd[tag.name], last > start {
            return true
        }
        guard Self.voidElements.contains(tag.name) else { return false }
        let touchesWord =
            (start > 0 && Self.isWordByte(bytes[start - 1]))
            || (end < bytes.count && Self.isWordByte(bytes[end]))
        return holdsMarkup || touchesWord
    }

    /// Whether tags of `name` may be markup in a title.
    private static func isMarkupName(_ name: String) -> Bool {
        HTMLTitleMarkup.phrasingElements.contains(name) || HTMLTitleMarkup.pairedElements.contains(name)
    }

    /// Elements without an end tag.
    private static let voidElements: Set<String> = ["br", "img", "wbr"]

    /// A letter, digit, or a byte of a character beyond ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || FeedItemDraft.isLetter(byte) || FeedItemDraft.isDigit(byte)
    }

    /// The tag whose "<" is at `start`: its lowercased name, whether it is an end tag, whether
    /// anything but white space follows its name before its ">" (attributes, a "/"), and where
    /// its name ends. Nil when no name follows the "<".
    private static func tag(in bytes: [UInt8], at start: Int)
        -> (name: String, isEnd: Bool, hasAttributes: Bool, nameEnd: Int)?
    {
        var index = start + 1
        let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, index - nameStart <= 10,
            FeedItemDraft.isLetter(bytes[index]) || FeedItemDraft.isDigit(bytes[index])
        {
            index += 1
        }
        guard index > nameStart else { return nil }
        let nameEnd = index
        while index < bytes.count, HTMLByte.isSpace(bytes[index]) { index += 1 }
        let hasAttributes = index < bytes.count && bytes[index] != UInt8(ascii: ">")
        let name = String(decoding: bytes[nameStart..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
        return (name, isEnd, hasAttributes, nameEnd)
    }
}
