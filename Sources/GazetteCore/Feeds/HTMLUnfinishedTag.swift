/// A "<" in HTML whose start tag never ends (`if x<y then z`, `a<b</p>`): no tag reaches its
/// `>` before the next "<" or the text's end, and it has no attribute given a value (as a
/// summary cut in `<a href="…` has). Browsers read it as a tag all the same, and the words
/// after it were lost from a story's text; here it is text (found by QA).
enum HTMLUnfinishedTag {
    /// `html` with the "<" of each start tag that never ends written `&lt;`; `html` itself when
    /// there is none.
    static func escaped(_ html: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            // Where each quoted value closes, found on (a value whose quote is never closed is
            // looked for to the end once: each such search was quadratic in such text).
            var quotes = ClosingQuotes(count: bytes.count)
            // Whether a tag has ended before the "<" looked at: the text is HTML.
            var sawTag = false
            guard let first = firstUnfinished(in: bytes, from: 0, quotes: &quotes, sawTag: &sawTag)
            else {
                return html
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var copied = 0
            var next: Int? = first
            while let found = next {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found]))
                output.append(contentsOf: "&lt;".utf8)
                copied = found + 1
                next = firstUnfinished(in: bytes, from: copied, quotes: &quotes, sawTag: &sawTag)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Where quoted values close: the next quote of a kind, by `memchr`; past the place from
    /// which a kind was once found in none, none is looked for again (nor beyond it).
    struct ClosingQuotes {
        /// From where on no double or single quote is, as far as is known.
        private var noDouble: Int
        private var noSingle: Int

        init(count: Int) {
            noDouble = count
            noSingle = count
        }

        /// Where the first `quote` (a double or single quote) at or after `index` in `bytes` is;
        /// nil when there is none.
        mutating func next(_ quote: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
            let none = quote == UInt8(ascii: "\"") ? noDouble : noSingle
            guard index < none else { return nil }
            if let found = ByteSearch.next(
                quote, in: UnsafeBufferPointer(rebasing: bytes[..<none]), from: index)
            {
                return found
            }
            if quote == UInt8(ascii: "\"") { noDouble = index } else { noSingle = index }
            return nil
        }
    }

    /// Where the first "<" from `start` on starts a tag that never ends; `sawTag` is set once
    /// a tag has ended.
    private static func firstUnfinished(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quotes: inout ClosingQuotes,
        sawTag: inout Bool
    ) -> Int? {
        var index = start
        // Each "<" found with memchr: the bytes between start no tag.
        while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
            index = open
            guard index + 1 < bytes.count, FeedItemDraft.isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            let (end, isTag) = tagEnd(in: bytes, from: index + 1, quotes: &quotes)
            // A tag that a summary's cut left unfinished (`<a href="https://…`, `</p><p`,
            // `<strong`, `<a hr`) is left to the parser, which gives its link or image or
            // nothing, as before (found by QA).
            guard end != nil || isTag || isCutTag(in: bytes, at: index, afterTags: sawTag) else {
                return index
            }
            if end != nil { sawTag = true }
            index = end ?? index + 1
        }
        return nil
    }

    /// Whether the "<" at `start` begins the last tag of the text, of an HTML element, with at
    /// most one word after its name: a tag the text was cut in, not text that reads on. In
    /// HTML (`afterTags`: a tag has ended before it), a tag cut in its name (`<stron` at the
    /// text's very end, the start of an element's name) is one too: it showed as "<stron".
    private static func isCutTag(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, afterTags: Bool) -> Bool
    {
        var index = start + 1
        while index < bytes.count, FeedItemDraft.isLetter(bytes[index]) || FeedItemDraft.isDigit(bytes[index])
        {
            index += 1
        }
        // A name's letters are looked at only as long as the longest name.
        guard index - start - 1 <= longestName else { return false }
        let name = String(decoding: bytes[(start + 1)..<index].map { $0 | 0x20 }, as: UTF8.self)
        // At the text's end, the start of an element's name is a cut tag: after other tags, or
        // of three letters or more after a space in text with none ("Some text <stron": a
        // summary cut at its first tag showed the fragment; found by QA). "x<stro" stays text.
        let afterSpace = start == 0 || HTMLByte.isSpace(bytes[start - 1])
        if index == bytes.count && (afterTags || (afterSpace && name.utf8.count >= 3))
            && namePrefixes.contains(name)
        {
            return true
        }
        guard names.contains(name) else { return false }
        var words = 0
        var inWord = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { return false }
            if HTMLByte.isSpace(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > 1 { return false }
            }
            index += 1
        }
        return true
    }

    /// The names of HTML elements a cut tag may name.
    private static let names = Set(HTMLElementKind.names).union(HTMLTitleMarkup.phrasingElements)

    /// Every start of a name of `names` (`s`, `st`, … `strong`), all in lowercase letters.
    private static let namePrefixes = Set(
        names.flatMap { name in (1...name.count).map { String(name.prefix($0)) } }
            .filter { $0.allSatisfy(\.isLetter) })

    /// The length of the longest of `names`.
    private static let longestName = names.map(\.utf8.count).max() ?? 0

    /// The index after the `>` that ends the tag whose name starts at `start`, past quoted
    /// attribute values, or nil when a "<" or the text's end comes first; and whether it has
    /// an attribute given a value (`href=`).
    private static func tagEnd(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quotes: inout ClosingQuotes
    ) -> (end: Int?, isTag: Bool) {
        var index = start
        var afterEquals = false
        var hasAttribute = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: ">"):
                return (index, true)
            case UInt8(ascii: "<"):
                return (nil, hasAttribute)
            case UInt8(ascii: "="):
                let before = bytes[index - 2]
                if FeedItemDraft.isLetter(before) || FeedItemDraft.isDigit(before)
                    || before == UInt8(ascii: "-")
                {
                    hasAttribute = true
                }
                afterEquals = true
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard afterEquals else { break }
                // A quoted value, to its closing quote ("<" and ">" are its own); a quote never
                // closed is read over as a character of the tag.
                if let close = quotes.next(byte, in: bytes, from: index) { index = close + 1 }
            default:
                if HTMLByte.isSpace(byte) && afterEquals { continue }
            }
            afterEquals = false
        }
        return (nil, hasAttribute)
    }
}
