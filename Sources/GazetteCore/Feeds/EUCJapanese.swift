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
    /// The text of `bytes`, or nil when they are not EUC-JP (or iconv cannot read it).
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let converter = ["EUC-JP-MS", "EUC-JP"].lazy.compactMap(open).first else { return nil }
        defer { iconv_close(converter) }
        // A character of two or three bytes takes three in UTF-8, ASCII one: at most 1.5 times.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        let isText = output.withUnsafeMutableBytes { outputBytes -> Bool in
            guard let inputStart = bytes.baseAddress, let outputStart = outputBytes.baseAddress else {
                return true
            }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                mutating: inputStart.assumingMemoryBound(to: CChar.self))
            var inputLeft = bytes.count
            var outputNext: UnsafeMutablePointer<CChar>? = outputStart.assumingMemoryBound(to: CChar.self)
            var outputLeft = outputBytes.count
            let result = iconv(converter, &input, &inputLeft, &outputNext, &outputLeft)
            written = outputBytes.count - outputLeft
            return result != -1 && inputLeft == 0
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
