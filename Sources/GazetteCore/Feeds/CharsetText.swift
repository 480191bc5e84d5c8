/// Bytes read as text in a charset named as a MIME type's `charset` parameter or an XML
/// declaration names it (`windows-1252`, `Shift_JIS`, `utf-8`; any case): each byte that is
/// not text in it reads as U+FFFD, none is dropped or passed on raw. A byte-order mark at the
/// start says the charset, whatever the name. The single-byte and Japanese charsets read as
/// a feed's text is read (``FeedTextDecoder``: ISO-8859-1 as windows-1252).
enum CharsetText {
    /// The text of `bytes` in `charset`; nil when the name is no charset known.
    static func decode(_ bytes: [UInt8], charset: String) -> String? {
        bytes.withUnsafeBytes { buffer in
            if let marked = byteOrderMarked(buffer) { return marked }
            let name = charset.lowercased()
            switch name {
            case "utf-8", "utf8", "unicode-1-1-utf-8":
                var output: [UInt8] = []
                output.reserveCapacity(buffer.count)
                FeedTextDecoder.repairUTF8(buffer, into: &output)
                return String(decoding: output, as: UTF8.self)
            case "utf-16", "utf-16be", "unicode", "unicodefffe":
                return utf16(buffer, from: 0, littleEndian: false)
            case "utf-16le":
                return utf16(buffer, from: 0, littleEndian: true)
            default:
                break
            }
            guard let encoding = FeedTextDecoder.encoding(named: name) else {
                return IconvText.decode(buffer, from: [charset], allowedRefusals: .max)
            }
            return FeedTextDecoder.decode(buffer, as: encoding.value)
                ?? IconvText.decode(buffer, from: [encoding.name], allowedRefusals: .max)
                // A charset iconv does not know either: its ASCII, and U+FFFD for each other byte.
                ?? FeedTextDecoder.decodeSingleByte(buffer) { _ in 0xFFFD }
        }
    }

    /// The text of bytes that start with a UTF-8 or UTF-16 byte-order mark; nil without one.
    private static func byteOrderMarked(_ bytes: UnsafeRawBufferPointer) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            var output: [UInt8] = []
            FeedTextDecoder.repairUTF8(UnsafeRawBufferPointer(rebasing: bytes[3...]), into: &output)
            return String(decoding: output, as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes, from: 2, littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, from: 2, littleEndian: false) }
        return nil
    }

    /// UTF-16 text: a lone surrogate, and an odd byte at the end, read as U+FFFD.
    private static func utf16(_ bytes: UnsafeRawBufferPointer, from start: Int, littleEndian: Bool) -> String
    {
        let text = FeedTextDecoder.decodeUTF16(bytes, from: start, littleEndian: littleEndian)
        return (bytes.count - start) % 2 == 0 ? text : text + "\u{FFFD}"
    }
}
