/// Words put back together with one space between them.
///
/// By hand, not with `joined(separator:)`: the standard library's generic join looks protocol
/// conformances up at run time the first time it runs, a scan of every conformance of this
/// big static binary (0.5 ms of a feed's first item; see DECISIONS.md).
enum WordJoin {
    /// The words of `text` split where `isSeparator` says, with one space between them.
    static func collapsed(_ text: String, separatedBy isSeparator: (Character) -> Bool) -> String {
        var result = ""
        for word in text.split(whereSeparator: isSeparator) {
            if !result.isEmpty { result += " " }
            result += String(word)
        }
        return result
    }

    /// Names listed with a comma and a space between them.
    static func list(_ names: [String]) -> String {
        var result = ""
        for name in names {
            if !result.isEmpty { result += ", " }
            result += name
        }
        return result
    }

    /// The words of `text` split where `Character.isWhitespace` says, with one space between
    /// them. ASCII text (most titles) is split byte by byte, which decides the same: its only
    /// white space is space, tab, line feed, vertical tab, form feed and carriage return.
    static func collapsedAtWhitespace(_ text: String) -> String {
        var text = text
        let ascii: String? = text.withUTF8 { bytes in
            var words = [UInt8]()
            words.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if let last = words.last, last != 0x20 { words.append(0x20) }
                } else {
                    words.append(byte)
                }
            }
            if words.last == 0x20 { words.removeLast() }
            return String(decoding: words, as: UTF8.self)
        }
        return ascii ?? collapsed(text) { $0.isWhitespace }
    }
}
