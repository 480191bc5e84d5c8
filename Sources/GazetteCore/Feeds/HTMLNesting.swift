/// How deep a piece of HTML's elements nest, told from its tags without parsing it.
///
/// libxml2's HTML parser looks an end tag up through every element open, so HTML nested tens
/// of thousands deep (a hostile `<div><p>` repeated, whose repair writes as many end tags)
/// took it quadratic time: 26 s for 2.2 MB (found by QA). HTML deeper than ``limit`` is read
/// flat instead (``HTMLTagStripper``), as HTML libxml2 gives up on is. So is HTML with a tag of
/// more than ``attributeLimit`` attributes: libxml2 compares each with every one before it
/// (100,000 on one `<p>` took 11 s; found by QA).
enum HTMLNesting {
    /// Start tags that may stay open, at most, before the HTML is read flat.
    static let limit = 4096
    /// Attributes one tag may have, at most, before the HTML is read flat.
    static let attributeLimit = 1024

    /// Whether, somewhere in `html`, more than `limit` start tags are open (start tags counted
    /// up, end tags down, void elements (`<br>`, `<img>`) and self-closed tags not at all), or a
    /// tag has more than `attributeLimit` attributes (words, up to its first `>`).
    static func exceeds(_ html: String, limit: Int = HTMLNesting.limit) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            // The shortest start tag, `<a>`, takes three bytes; the shortest attribute two.
            guard bytes.count > min(limit * 3, attributeLimit * 2) else { return false }
            var depth = 0
            var index = 0
            // Each "<" found with memchr: the bytes between are no tag.
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index),
                open + 1 < bytes.count
            {
                index = open
                let next = bytes[index + 1]
                if next == UInt8(ascii: "/") {
                    depth -= 1
                    index += 2
                    continue
                }
                guard (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                let isVoid = XMLOpenElements.isVoid(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                var close = end
                // Words, quoted values' too: no tag of a real page comes near the limit, and a
                // `>` in a value cannot hide the attributes after it.
                var words = 0
                var afterSpace = false
                while close < bytes.count {
                    let byte = bytes[close]
                    if byte == UInt8(ascii: ">") { break }
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                        afterSpace = true
                    } else {
                        if afterSpace { words += 1 }
                        afterSpace = false
                    }
                    close += 1
                }
                if words > attributeLimit { return true }
                let closesItself = close > end && bytes[close - 1] == UInt8(ascii: "/")
                if !isVoid && !closesItself {
                    depth += 1
                    if depth > limit { return true }
                }
                index = close
            }
            return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":")
    }
}
