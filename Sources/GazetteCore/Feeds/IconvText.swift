#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text in an encoding that the C library's iconv reads (Foundation on Linux lacks some, and
/// fails on a whole text for one bad byte), each byte iconv refuses read as U+FFFD, as
/// browsers read them.
enum IconvText {
    /// The text of `bytes` in the first encoding of `names` that iconv knows; nil when it knows
    /// none of them, or refuses more than `allowedRefusals` bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer, from names: [String], allowedRefusals: Int) -> String?
    {
        guard let converter = names.lazy.compactMap(open).first else { return nil }
        defer { iconv_close(converter) }
        guard let inputStart = bytes.baseAddress, !bytes.isEmpty else { return "" }
        // No byte of input takes more than three of UTF-8 (a refused byte, U+FFFD, takes three).
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var written = 0
        let isText = output.withUnsafeMutableBytes { outputBytes -> Bool in
            guard let outputStart = outputBytes.baseAddress else { return false }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                mutating: inputStart.assumingMemoryBound(to: CChar.self))
            var inputLeft = bytes.count
            var outputNext: UnsafeMutablePointer<CChar>? = outputStart.assumingMemoryBound(to: CChar.self)
            var outputLeft = outputBytes.count
            var refused = 0
            while inputLeft > 0 {
                if iconv(converter, &input, &inputLeft, &outputNext, &outputLeft) != -1 { break }
                // A byte it cannot read (EILSEQ), or a character cut short at the end (EINVAL).
                guard errno == EILSEQ || errno == EINVAL, refused < allowedRefusals, outputLeft >= 3 else {
                    return false
                }
                refused += 1
                for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                    outputNext?.pointee = CChar(bitPattern: byte)
                    outputNext = outputNext?.advanced(by: 1)
                }
                outputLeft -= 3
                input = input?.advanced(by: 1)
                inputLeft -= 1
            }
            written = outputBytes.count - outputLeft
            return true
        }
        guard isText else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }

    /// An iconv converter from `name` to UTF-8, when iconv knows `name`.
    private static func open(_ name: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", name)
        return converter == iconv_t(bitPattern: -1) ? nil : converter
    }
}
