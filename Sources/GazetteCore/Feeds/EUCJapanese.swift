/// The EUC-JP decoder. Foundation on Linux has no EUC-JP converter (`String(bytes:encoding:)`
/// is nil for any bytes, even ASCII), so the C library's iconv reads it: as eucJP-ms where iconv
/// knows it (JIS X 0208 with NEC's row 13 of circled numbers and signs, half-width katakana and
/// JIS X 0212), else as plain EUC-JP.
enum EUCJapanese {
    /// The text of `bytes`, or nil when they are not EUC-JP (or iconv cannot read it). A few
    /// bytes iconv refuses each read as U+FFFD, as browsers read them (one bad byte made the
    /// whole file Cyrillic; found by QA); more than one in a hundred, and it is no EUC-JP.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        IconvText.decode(bytes, from: ["EUC-JP-MS", "EUC-JP"], allowedRefusals: max(8, bytes.count / 100))
    }
}
