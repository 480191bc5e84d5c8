/// The names of the elements open at a point of an XML text, innermost last, as
/// `XMLSanitizer` reads it: what an end tag closes, and which start tags are HTML's void
/// elements.
///
/// Markup is repaired only inside a feed's text elements (`title`, `description`,
/// `content:encoded`, Atom's `content` and `summary`…), where raw HTML goes: damage to the
/// feed's own structure is left to the parser, which breaks there and is read on from the
/// next item (`FeedBreakRecovery`).
struct XMLOpenElements {
    /// What to do with an end tag.
    enum EndTag: Equatable {
        /// It ends an element inside the text element it is in, or the text element itself:
        /// the elements still open inside that one are closed first (0 when none).
        case closes(Int)
        /// It names no element open in the text element it is in, nor outside it, or a void
        /// element: left out.
        case drop
        /// It is not inside a text element, or names an element outside it: written as it
        /// is, for the parser to judge (and take as the end of the innermost element).
        case keep
    }

    /// The names one after another, and where each ends in `bytes`. A start tag's name is
    /// appended as it is read (it may come in two chunks) and counted once its tag opens an
    /// element.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The level (index in `ends`) of the outermost open text element; -1 when none is open.
    private var textLevel = -1

    /// How far below the innermost element an end tag is looked for. libxml2 refuses deeper
    /// documents, so a search past it would only cost time on input made of stray end tags.
    static let searchDepth = 256

    /// Whether a feed's text element (`description`, `title`…) is open: what comes is HTML.
    var isInsideTextElement: Bool { textLevel >= 0 }

    /// Whether the name appended since the innermost open element is that of a feed element
    /// that holds nothing (`enclosure`, Atom's `link` and out-of-line `content`, Media RSS's
    /// `content`, `thumbnail` and `player`), whatever its prefix.
    var pendingNameIsEmptyFeedElement: Bool {
        var name = bytes[(ends.last ?? 0)...]
        if let colon = name.lastIndex(of: UInt8(ascii: ":")) { name = name[(colon + 1)...] }
        return ["enclosure", "link", "content", "thumbnail", "player"].contains {
            name.elementsEqual($0.utf8)
        }
    }

    /// Adds to the name of the start tag being read.
    mutating func appendName(_ name: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: name)
    }

    /// The start tag whose name was appended opens an element.
    mutating func open() {
        let start = ends.last ?? 0
        ends.append(bytes.count)
        if textLevel < 0 && XMLOpenElements.isTextElement(bytes[start...]) { textLevel = ends.count - 1 }
    }

    /// The start tag whose name was appended opens none (it closed itself, or is void).
    mutating func dropName() {
        bytes.removeSubrange((ends.last ?? 0)...)
    }

    /// Whether the name appended since the innermost open element is a void one.
    var pendingNameIsVoid: Bool {
        XMLOpenElements.isVoid(bytes[(ends.last ?? 0)...])
    }

    /// What the end tag named `name` does.
    func endTag(_ name: [UInt8]) -> EndTag {
        guard let top = ends.last else { return .keep }
        // Well-formed text ends the innermost element: the one case to be quick.
        let topStart = ends.count >= 2 ? ends[ends.count - 2] : 0
        if top - topStart == name.count && bytes[topStart..<top].elementsEqual(name) { return .closes(0) }
        // A void element is never open: its end tag (`<br></br>`) ends nothing.
        if XMLOpenElements.isVoid(name) { return .drop }
        guard textLevel >= 0 else { return .keep }
        var level = ends.count - 2
        var end = topStart
        while level >= 0 && ends.count - 1 - level < XMLOpenElements.searchDepth {
            let start = level > 0 ? ends[level - 1] : 0
            if end - start == name.count && bytes[start..<end].elementsEqual(name) {
                return level >= textLevel ? .closes(ends.count - 1 - level) : .keep
            }
            end = start
            level -= 1
        }
        guard level >= 0 else { return .drop }
        // The search stopped short: the text element's own end tag still closes everything
        // left open in it (with 256 or more open, it was dropped, and every item after it went
        // into the description; found by QA), and any other is the parser's to judge.
        let textStart = textLevel > 0 ? ends[textLevel - 1] : 0
        let textEnd = ends[textLevel]
        if textEnd - textStart == name.count && bytes[textStart..<textEnd].elementsEqual(name) {
            return .closes(ends.count - 1 - textLevel)
        }
        return .keep
    }

    /// Closes the innermost `count` elements, writing an end tag for each, innermost first.
    mutating func close(_ count: Int, writingTo output: inout [UInt8]) {
        for _ in 0..<count {
            guard let end = ends.last else { return }
            let start = ends.count >= 2 ? ends[ends.count - 2] : 0
            output.append(contentsOf: "</".utf8)
            output.append(contentsOf: bytes[start..<end])
            output.append(UInt8(ascii: ">"))
            removeInnermost()
        }
    }

    /// Forgets the innermost element (its end tag was written).
    mutating func removeInnermost() {
        guard ends.popLast() != nil else { return }
        bytes.removeSubrange((ends.last ?? 0)...)
        if textLevel >= ends.count { textLevel = -1 }
    }

    /// Whether `name`, whatever its prefix, is that of a feed element whose content is text or
    /// HTML.
    static func isTextElement(_ name: ArraySlice<UInt8>) -> Bool {
        var local = name
        if let colon = name.lastIndex(of: UInt8(ascii: ":")) { local = name[(colon + 1)...] }
        guard local.count >= 5 && local.count <= 11 else { return false }
        return local.elementsEqual("title".utf8) || local.elementsEqual("description".utf8)
            || local.elementsEqual("encoded".utf8) || local.elementsEqual("content".utf8)
            || local.elementsEqual("summary".utf8) || local.elementsEqual("subtitle".utf8)
    }

    /// Whether `name` is an HTML void element that is no feed element: one that has no end tag
    /// in HTML (`br`, `img`, `hr`, `wbr`…). `link`, `source` and `meta` are left out: RSS and
    /// Atom have elements of those names with content.
    static func isVoid(_ name: some Collection<UInt8>) -> Bool {
        guard name.count >= 2 && name.count <= 8 else { return false }
        var lowered: UInt64 = 0
        for byte in name {
            guard byte < 0x80 else { return false }
            lowered = lowered << 8 | UInt64(byte | 0x20)
        }
        return voidNames.contains(lowered)
    }

    /// The void names packed as `isVoid` packs a name (a scan of these is cheaper than a
    /// hash, and there is no set to build).
    private static let voidNames: [UInt64] = [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
        "keygen", "param", "track", "wbr",
    ].map { name in name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
}
