/// Markup declarations in a feed's HTML that libxml2 showed as text, read as XML and the
/// HTML5 spec read them. A CDATA section (`<![CDATA[…]]>`, left in the text by a generator
/// that escaped its CDATA once too often or wrapped it in another) is its inner text, as XML
/// and feedparser read it: its markers showed as `![CDATA[` and `]]>` paragraphs (found by QA).
/// Any other declaration but a doctype (Word's `<![if !supportLists]>` and `<![endif]>`) is a
/// bogus comment to the next ">", as the HTML5 spec and browsers read it, and shows nothing:
/// the markers showed around a list item pasted from Word (found by QA). Comments, and the text
/// of scripts and styles, are read over as they are.
enum HTMLMarkupDeclaration {
    /// `html` with each CDATA section written as its inner text and each other declaration
    /// but a doctype left out; `html` itself when it holds none.
    static func read(_ html: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            var scanner = Scanner()
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            var found = false
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
                guard let declaration = scanner.declaration(at: open, in: bytes) else {
                    index = open + 1
                    continue
                }
                if !found { output.reserveCapacity(bytes.count) }
                found = true
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<open]))
                if let inner = declaration.inner {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[inner]))
                }
                copied = declaration.end
                index = declaration.end
            }
            guard found else { return html }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `html` holds a declaration ``read(_:)`` writes otherwise.
    static func mayHold(_ html: String) -> Bool {
        var source = html
        return source.withUTF8 { bytes in
            var scanner = Scanner()
            var index = 0
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
                if scanner.declaration(at: open, in: bytes) != nil { return true }
                index = open + 1
            }
            return false
        }
    }

    /// A title wholly wrapped in one CDATA section's markers (`<![CDATA[Title]]>`, white space
    /// around them), without them; any other title as it is: one that speaks of CDATA
    /// ("Use <![CDATA[ in XML") keeps its words.
    static func unwrappedTitle(_ title: String) -> String {
        guard title.utf8.contains(UInt8(ascii: "<")) else { return title }
        let bytes = Array(title.utf8)
        guard let first = bytes.firstIndex(where: { !HTMLByte.isSpace($0) }),
            let last = bytes.lastIndex(where: { !HTMLByte.isSpace($0) }),
            bytes[first...].starts(with: cdataStart), last + 1 - first >= cdataStart.count + cdataEnd.count,
            let end = ByteSearch.firstIndex(of: cdataEnd, in: bytes, from: first + cdataStart.count),
            end + cdataEnd.count == last + 1
        else { return title }
        return String(decoding: bytes[(first + cdataStart.count)..<end], as: UTF8.self)
    }

    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    /// Finds the declarations ``read(_:)`` writes otherwise, shown each "<" of a text in order:
    /// it reads over comments and the text of scripts and styles, whose "<"s it is shown
    /// still (another rule may want them).
    struct Scanner {
        /// Where declarations are looked for again (after a comment or a script's text).
        private var resume = 0
        private var lastEnd = LastSectionEnd()
        private var lastGreater = LastGreater()

        /// The declaration whose "<" is at `open`, read otherwise: the index after it, and the
        /// range of its inner text that stays (nil for none); nil when none starts there. The
        /// "<"s are given in order, and none before the end of a declaration found.
        mutating func declaration(at open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
            end: Int, inner: Range<Int>?
        )? {
            guard open >= resume, open + 1 < bytes.count else { return nil }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "!") {
                if startsWith(bytes, at: open, "<!--") {
                    // A comment, to its end (none: the rest is the comment's).
                    resume = find(commentEnd, in: bytes, from: open + 4).map { $0 + 3 } ?? Int.max
                    return nil
                }
                let isCDATA = startsWith(bytes, at: open, "<![CDATA[")
                if isCDATA, open + cdataStart.count <= lastEnd.known(bytes),
                    let close = find(cdataEnd, in: bytes, from: open + cdataStart.count)
                {
                    return (close + cdataEnd.count, (open + cdataStart.count)..<close)
                }
                // Any other declaration (`<![if !supportLists]>`, `<![endif]>`, `<!ELEMENT …>`)
                // is a bogus comment to the next ">", as the HTML5 spec reads it; a doctype is
                // libxml2's to drop, and one never ended, or a section never closed, is text.
                if !isCDATA, !startsDoctype(bytes, at: open), open < lastGreater.known(bytes),
                    let close = ByteSearch.next(UInt8(ascii: ">"), in: bytes, from: open + 2)
                {
                    return (close + 1, nil)
                }
            } else if next | 0x20 == UInt8(ascii: "s"), let name = rawTextElement(at: open, in: bytes) {
                // A script's or style's text is its own ("//<![CDATA[" in a script), to its end tag.
                resume = findEndTag(name, in: bytes, from: open + name.count + 1) ?? Int.max
            }
            return nil
        }
    }

    private static let commentEnd = Array("-->".utf8)

    /// The raw-text element (lowercase) whose start tag starts at the "<" at `open`, if any.
    private static func rawTextElement(at open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        rawTextElements.first { startsTag(bytes, at: open, $0) }
    }

    /// Whether `<!doctype` (in any case) starts at `index`.
    private static func startsDoctype(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 9 <= bytes.count
            && zip(bytes[(index + 2)..<(index + 9)], "doctype".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// Where the text's last ">" is, found when first needed: a declaration never ended is known
    /// so at once (each look for its end read the rest of the text).
    private struct LastGreater {
        private var index: Int?

        mutating func known(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if let index { return index }
            let found = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
            index = found
            return found
        }
    }

    /// Elements whose text is read raw, declarations and all.
    private static let rawTextElements = [Array("script".utf8), Array("style".utf8)]

    /// Whether the bytes at `index` are `text` (ASCII).
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: String) -> Bool
    {
        bytes[index...].starts(with: text.utf8)
    }

    /// Whether a start tag of `name` (lowercase) starts at the "<" at `index`, in any case.
    private static func startsTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ name: [UInt8]) -> Bool
    {
        let end = index + 1 + name.count
        guard end < bytes.count else { return false }
        for offset in 0..<name.count where bytes[index + 1 + offset] | 0x20 != name[offset] { return false }
        let after = bytes[end]
        return HTMLByte.isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
    }

    /// Where the end tag of `name` starts, from `start` on, in any case.
    private static func findEndTag(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> Int?
    {
        let tag = Array("</".utf8) + name
        var index = start
        while let found = find(Array("</".utf8), in: bytes, from: index) {
            if found + tag.count <= bytes.count,
                zip(bytes[found..<(found + tag.count)], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                return found
            }
            index = found + 2
        }
        return nil
    }

    /// Where the text's last "]]>" is, found when first needed: a section's end is looked for
    /// only before it (each look for the end of a section never closed read the rest of the text).
    private struct LastSectionEnd {
        private var index: Int?

        mutating func known(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if let index { return index }
            var found = bytes.count - cdataEnd.count
            while found >= 0,
                bytes[found] != UInt8(ascii: "]")
                    || !bytes[found..<(found + cdataEnd.count)].elementsEqual(cdataEnd)
            {
                found -= 1
            }
            index = found
            return found
        }
    }

    /// Where `needle` first starts in `bytes` from `start` on.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int?
    {
        guard let first = needle.first, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
