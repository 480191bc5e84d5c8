/// The markup a title may hold: the tags of inline phrasing elements (`<b>`, `<em>`, `<code>`,
/// `<a href="…">`, `<br>`…) dress its words; anything else that reads as a tag (`<div>`, the
/// `<String>` of `Vec<String>`, `<!DOCTYPE>`) is what the title is about, and is text.
enum HTMLTitleMarkup {
    /// `html` with each "<" that starts no phrasing element's start or end tag written `&lt;`,
    /// so that an HTML reading keeps it as text. With `loneTagsAsText`, a phrasing element's tag
    /// named in prose is text too (``HTMLTitleLoneTags``): "The <code> element explained".
    static func escapingOtherTags(_ html: String, loneTagsAsText: Bool = false) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
        let bytes = Array(html.utf8)
        let lone = loneTagsAsText ? HTMLTitleLoneTags(bytes) : nil
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 12)
        var index = 0
        // Once no comment's end follows, none is looked for again (each look read the rest of
        // the title: a title of thousands of "<!--" took seconds; found by QA).
        var commentsEnd = true
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            // A comment is markup, shown as nothing (it showed as written; found by QA).
            if commentsEnd, bytes[index...].starts(with: "<!--".utf8),
                let close = ByteSearch.firstIndex(of: Array("-->".utf8), in: bytes, from: index + 4)
                    ?? {
                        commentsEnd = false
                        return nil
                    }()
            {
                output.append(contentsOf: bytes[index..<close + 3])
                index = close + 3
            } else if let end = phrasingTagEnd(in: bytes, at: index),
                lone?.isMarkup(bytes, from: index, to: end) ?? true
            {
                output.append(contentsOf: bytes[index..<end])
                index = end
            } else {
                output.append(contentsOf: "&lt;".utf8)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The index after the start or end tag of a phrasing element that starts at the "<" at
    /// `start`, or nil when none does (another element, a declaration, a tag that never ends).
    private static func phrasingTagEnd(in bytes: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, index - nameStart <= longestName,
            FeedItemDraft.isLetter(bytes[index]) || FeedItemDraft.isDigit(bytes[index])
        {
            index += 1
        }
        guard index > nameStart, index < bytes.count else { return nil }
        let next = bytes[index]
        guard HTMLByte.isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
            return nil
        }
        let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        // A block element's tags are markup too where they come in pairs (`<p>…</p>`, `<h1>…</h1>`
        // in an Atom title of type html, shown as written; found by QA); a lone `<div>` is
        // what the title is about.
        guard
            phrasingElements.contains(name)
                || (pairedElements.contains(name) && hasPair(name, isEnd, bytes, start))
        else { return nil }
        // To its ">", past quoted attribute values (a quote that opens no value, as in
        // `href=x/">`, is part of the value it ends).
        var quote: UInt8?
        var afterEquals = false
        // A tag of a title is short: one that runs on is text (a title of thousands of
        // unfinished tags was read to its end from each; found by QA).
        let limit = min(bytes.count, index + longestTag)
        while index < limit {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if afterEquals && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            if !HTMLByte.isSpace(byte) { afterEquals = quote == nil && byte == UInt8(ascii: "=") }
        }
        return nil
    }

    /// The longest tag, in bytes, taken for markup in a title.
    static let longestTag = 256

    /// HTML's phrasing elements that dress words in a line of text.
    static let phrasingElements = HTMLElementKind.phrasing.union(["a", "br", "data", "img", "nobr", "wbr"])

    /// Block elements a title given as HTML may be wrapped in, and elements left out whole.
    static let pairedElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote", "pre", "li",
        // Dropped with what they hold (a script's code showed in the title; found by QA).
        "script", "style", "noscript", "template",
    ]

    /// Whether a start tag of `name` at `start` has its end tag after it, or an end tag its
    /// start tag before it.
    private static func hasPair(_ name: String, _ isEnd: Bool, _ bytes: [UInt8], _ start: Int) -> Bool {
        // Looked for in a title of a headline's length only (each look reads the whole title).
        guard bytes.count <= 4096 else { return false }
        let lowered = bytes.map { FeedItemDraft.isLetter($0) ? $0 | 0x20 : $0 }
        if isEnd {
            let open = Array("<\(name)".utf8)
            var index = 0
            while let found = ByteSearch.firstIndex(of: open, in: lowered, from: index), found < start {
                let after = found + open.count
                if after < lowered.count,
                    HTMLByte.isSpace(lowered[after]) || lowered[after] == UInt8(ascii: ">")
                {
                    return true
                }
                index = found + 1
            }
            return false
        }
        return ByteSearch.firstIndex(of: Array("</\(name)".utf8), in: lowered, from: start + 1) != nil
    }

    /// The length of the longest name in `phrasingElements` and `pairedElements`.
    private static let longestName = 10
}
