@testable import GazetteCore

extension XMLSanitizer {
    /// `text` sanitized in chunks cut at `cuts` (offsets in bytes), then what `finish()` gives
    /// when `finishing` (what the sanitizer held back at the file's end).
    static func sanitized(_ text: String, cuts: [Int] = [], finishing: Bool) -> String {
        var sanitizer = XMLSanitizer()
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            bytes[start..<end].withUnsafeBytes { sanitizer.process($0, into: &output) }
            start = end
        }
        if finishing { output += sanitizer.finish() }
        return String(decoding: output, as: UTF8.self)
    }
}

extension XMLHyperlinkMark {
    /// The mark of an OSC 8 hyperlink to `address`, as the sanitizer writes it in text.
    static func text(_ address: String) -> String {
        var output: [UInt8] = []
        write(Array(address.utf8), inCDATA: false, into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
