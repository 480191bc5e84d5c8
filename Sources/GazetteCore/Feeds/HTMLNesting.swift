/// How deep a piece of HTML's elements nest, told from its tags without parsing it.
///
/// libxml2's HTML parser looks an end tag up through every element open, so HTML nested tens
/// of thousands deep (a hostile `<div><p>` repeated, whose repair writes as many end tags)
/// took it quadratic time: 26 s for 2.2 MB (found by QA). HTML deeper than ``limit`` is read
/// flat instead (``HTMLTagStripper``), as HTML libxml2 gives up on is.
enum HTMLNesting {
    /// Start tags that may stay open, at most, before the HTML is read flat.
    static let limit = 4096

    /// Whether, somewhere in `html`, more than `limit` start tags are open: start tags counted
    /// up, end tags down, void elements (`<br>`, `<img>`) and self-closed tags not at all.
    static func exceeds(_ html: String, limit: Int = HTMLNesting.limit) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            // The shortest start tag, `<a>`, takes three bytes.
            guard bytes.count > limit * 3 else { return false }
            var depth = 0
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
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
                while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
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
