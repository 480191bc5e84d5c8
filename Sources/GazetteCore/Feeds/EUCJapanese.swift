#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The EUC-JP decoder. Foundation on Linux has no EUC-JP converter (`String(bytes:encoding:)`
/// is nil for any bytes, even ASCII), so the C library's iconv reads it: as eucJP-ms where iconv
/// knows it (JIS X 0208 with NEC's row 13 of circled numbers and signs, half-width katakana and
/// JIS X 0212), else as plain EUC-JP.
enum EUCJapanese {
    /// The text of `bytes`, or nil when they are not EUC-JP (or iconv cannot read it). A few
    /// bytes iconv refuses each read as U+FFFD, as browsers read them (one bad byte made the
    /// whole file Cyrillic; found by QA); more than one in a hundred, and it is no EUC-JP.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let converter = ["EUC-JP-MS", "EUC-JP"].lazy.compactMap(open).first else { return nil }
        defer { iconv_close(converter) }
        guard let inputStart = bytes.baseAddress, !bytes.isEmpty else { return "" }
        // A character of two or three bytes takes three in UTF-8, ASCII one, a refused byte
        // three: at most three times.
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var written = 0
        let allowed = max(8, bytes.count / 100)
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
                guard errno == EILSEQ || errno == EINVAL, refused < allowed, outputLeft >= 3 else {
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
