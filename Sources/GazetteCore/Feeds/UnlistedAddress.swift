/// An address a story does not list among its links, since no browser is handed it (`o`
/// refuses it): script to run (`javascript:`, `vbscript:`), data given inline (`data:`), a
/// browser's own page (`about:`), a file on the reader's machine (`file:`). A body's links and
/// players are left out so, and a feed's enclosures and pictures (they were listed, and `o`
/// refused them).
enum UnlistedAddress {
    /// The schemes of such addresses, lowercased.
    static let schemes: Set<String> = ["javascript", "vbscript", "data", "about", "file"]

    /// Whether `address` is one: its scheme, read as a browser reads it (white space and
    /// controls before it, tabs and line breaks inside it left out; any case), is one of
    /// ``schemes``.
    static func matches(_ address: String) -> Bool {
        // At most ten letters: a small string, held without memory of its own.
        var scheme = ""
        for byte in address.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return schemes.contains(scheme)
            case 0x09, 0x0A, 0x0D:
                continue
            case 0x00...0x20 where scheme.isEmpty:
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            default:
                // No scheme of ours holds any other byte, and none is longer than ten letters.
                return false
            }
            if scheme.utf8.count > 10 { return false }
        }
        return false
    }
}
