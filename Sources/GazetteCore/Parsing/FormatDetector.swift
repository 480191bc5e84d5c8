import Foundation

/// Tells what kind of news file some bytes are, from their content (never the name).
public enum FormatDetector {
    /// How many leading bytes are looked at.
    public static let sniffLength = 8192

    /// The detected format, or why the bytes are not a news file.
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> Result<SourceFormat, NotNewsReason> {
        let length = min(bytes.count, sniffLength)
        guard length > 0 else { return .failure(.empty) }
        if let feed = FeedParser.detect(bytes) { return .success(feed) }
        var controls = 0
        var nuls = 0
        var first: UInt8?
        var firstIndex = 0
        var start = 0
        if length >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // UTF-32's mark begins as UTF-16's little-endian one.
        if UTF32Text.byteOrder(of: bytes) != nil { return .failure(.unsupported("UTF-32 text")) }
        if UTF16Text.hasByteOrderMark(bytes) { return .failure(.unsupported("UTF-16 text")) }
        var notUTF8 = 0
        // NULs that pad the end of a file (a download cut short, a file written in advance)
        // are no sign of a binary file: the text before them is read (found by QA). A head of
        // only NULs is one.
        // The text is judged alone: random bytes padded so were taken for text (found by QA).
        var paddedLength = length
        if let padding = paddingStart(bytes), padding > start, padding < length { paddedLength = padding }
        var index = start
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<length])
        while index < length {
            let byte = bytes[index]
            if byte == 0 && index < paddedLength { nuls += 1 }
            if index < paddedLength && byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09
                && byte != 0x0C && byte != 0x1B
            {
                controls += 1
            }
            if first == nil, byte > 0x20 {
                first = byte
                firstIndex = index
            }
            if byte >= 0x80 {
                let sequence = FeedTextDecoder.sequenceLength(head, at: index)
                if sequence == 0 {
                    notUTF8 += 1
                } else {
                    index += sequence
                    continue
                }
            }
            index += 1
        }
        // A stray NUL or escape sequence is damage in a text file; many are a binary file, and
        // so are a few with many bytes that are not UTF-8 (random bytes have both; text in an
        // 8-bit encoding has no controls).
        if let archive = compression(bytes) { return .failure(.unsupported(archive)) }
        if nuls > paddedLength / 100 + 2 || controls * 10 > paddedLength
            || (controls * 40 > paddedLength && notUTF8 * 4 > paddedLength)
            || hasBinaryMagic(bytes)
        {
            // UTF-16 without a byte-order mark has a NUL beside every Latin letter: looked for
            // only here, off the path of every other file.
            if UTF16Text.isBigEndian(head) != nil { return .failure(.unsupported("UTF-16 text")) }
            return .failure(.binary)
        }
        switch first {
        case UInt8(ascii: "<") where isMarkup(head, at: firstIndex):
            if isOPML(head) { return .failure(.feedList(.opml)) }
            return .failure(.unsupported("XML or HTML, but no RSS, RDF or Atom feed"))
        case UInt8(ascii: "{") where isJSON(head, at: firstIndex),
            UInt8(ascii: "[") where isJSONArray(bytes, head: head, at: firstIndex):
            return .failure(.unsupported("JSON, but not a JSON Feed"))
        case nil where bytes.count <= sniffLength:
            return .failure(.blank)
        default:
            if FeedAddressLines.isList(head, from: start, complete: bytes.count <= sniffLength) {
                return .failure(.feedList(.addresses))
            }
            return .success(.plainTextDump)
        }
    }

    /// Whether the markup in `head` has an `<opml>` root: a subscription list, whose feeds are
    /// only named (it was called XML without a feed; found by QA).
    private static func isOPML(_ head: UnsafeRawBufferPointer) -> Bool {
        guard let root = XMLProlog.length(of: head, limit: head.count), root + 5 < head.count else {
            return false
        }
        let name: [UInt8] = [0x3C, 0x6F, 0x70, 0x6D, 0x6C]  // <opml
        guard name.indices.allSatisfy({ head[root + $0] == name[$0] }) else { return false }
        let next = head[root + name.count]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next <= 0x20
    }

    /// Whether the text from `start` (a `<`) is XML or HTML rather than a dump whose first
    /// title begins with one (`<Update> Storm hits coast`): a declaration, comment or processing
    /// instruction, or a first line that ends a tag.
    private static func isMarkup(_ head: UnsafeRawBufferPointer, at start: Int) -> Bool {
        if start + 1 < head.count,
            head[start + 1] == UInt8(ascii: "?") || head[start + 1] == UInt8(ascii: "!")
        {
            return true
        }
        var end = start
        while end < head.count, head[end] != 0x0A, head[end] != 0x0D { end += 1 }
        while end > start, head[end - 1] == 0x20 || head[end - 1] == 0x09 { end -= 1 }
        // A first line cut by the end of the head is judged by what was seen of it.
        return end == head.count || head[end - 1] == UInt8(ascii: ">")
    }

    /// Whether the text from `start` (a `{`) opens a JSON object rather than a dump's first
    /// title (`{Update} Storm hits coast`): a quoted name or `}` comes next.
    private static func isJSON(_ head: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var index = start + 1
        while index < head.count, head[index] <= 0x20 { index += 1 }
        return index == head.count || head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "}")
    }

    /// Whether the bytes from `start` (a `[`) are a JSON array rather than a dump whose first
    /// title begins with one (`[Update] Storm hits coast`): one of arrays or objects, or JSON
    /// throughout (it was read as a story titled `[1,2,3]`; found by QA).
    private static func isJSONArray(
        _ bytes: UnsafeRawBufferPointer, head: UnsafeRawBufferPointer, at start: Int
    )
        -> Bool
    {
        var index = start + 1
        while index < head.count, head[index] <= 0x20 { index += 1 }
        if index < head.count, head[index] == UInt8(ascii: "[") || head[index] == UInt8(ascii: "{") {
            return true
        }
        // Parsed only when it ends as an array does, and in place: a big dump whose first title
        // begins with `[` is not copied.
        var end = bytes.count
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard end > start + 1, bytes[end - 1] == UInt8(ascii: "]"), let base = bytes.baseAddress else {
            return false
        }
        let text = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: end, deallocator: .none)
        return (try? JSONSerialization.jsonObject(with: text, options: [.fragmentsAllowed])) != nil
    }

    /// What a compressed file or archive is, to be unpacked before it is read; nil for others.
    private static func compression(_ bytes: UnsafeRawBufferPointer) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { begins(bytes, with: magic) }
        if starts([0x1F, 0x8B]) { return "it is compressed with gzip: gunzip it first" }
        // "BZh", a block size digit, then a block's "1AY&SY" (a title may begin "BZh").
        if starts([0x42, 0x5A, 0x68]), bytes.count >= 10, (0x31...0x39).contains(bytes[3]),
            starts([0x42, 0x5A, 0x68, bytes[3], 0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
        {
            return "it is compressed with bzip2: bunzip2 it first"
        }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "it is compressed with xz: unxz it first" }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return "it is compressed with zstd: unzstd it first" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "it is a ZIP archive: unzip it first" }
        return nil
    }

    /// Where the NULs that end the bytes start (line breaks and spaces after them aside), if
    /// they end with NULs; a word at a time from the end.
    private static func paddingStart(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var end = bytes.count
        while end > 0,
            bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20
                || bytes[end - 1] == 0x09
        {
            end -= 1
        }
        guard end > 0, bytes[end - 1] == 0 else { return nil }
        var index = end
        while index >= 8 && bytes.loadUnaligned(fromByteOffset: index - 8, as: UInt64.self) == 0 {
            index -= 8
        }
        while index > 0 && bytes[index - 1] == 0 { index -= 1 }
        return index
    }

    /// Signatures of common binary formats (ELF, PNG, JPEG, GIF, PDF, SQLite; compressed files
    /// are told by ``compression(_:)`` first), as bytes: made from strings' UTF-8 views, they
    /// cost the first file opened run-time type lookups.
    private static let magics: [[UInt8]] = [
        [0x7F, 0x45, 0x4C, 0x46], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF],
        [0x47, 0x49, 0x46, 0x38],  // GIF8
        [0x25, 0x50, 0x44, 0x46],  // %PDF
        // SQLite format 3
        [0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6F, 0x72, 0x6D, 0x61, 0x74, 0x20, 0x33],
    ]

    private static func hasBinaryMagic(_ bytes: UnsafeRawBufferPointer) -> Bool {
        magics.contains { begins(bytes, with: $0) }
    }

    /// Whether `bytes` start with `magic`.
    private static func begins(_ bytes: UnsafeRawBufferPointer, with magic: [UInt8]) -> Bool {
        magic.count <= bytes.count && magic.indices.allSatisfy { bytes[$0] == magic[$0] }
    }

    /// Why some bytes are not news.
    public enum NotNewsReason: Error, Equatable, Sendable {
        case empty
        case blank
        case binary
        case unsupported(String)
        /// A list of feeds, not the feeds themselves.
        case feedList(FeedList)

        public var text: String {
            switch self {
            case .feedList(let list): return list.text + ", not news"
            case .empty: return "it is empty"
            case .blank: return "it holds only blank lines"
            case .binary: return "it looks like a binary file"
            case .unsupported(let what): return what
            }
        }
    }
}
