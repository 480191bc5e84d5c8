import Foundation

/// Text in an older encoding than UTF-8 (windows-1251, windows-1252, Shift_JIS...), read as
/// UTF-8: a dump saved so is then read as any other, its encoding guessed as an undeclared
/// feed's is (``FeedTextDecoder``).
enum LegacyEncodedText {
    /// How many bytes of a file are looked at: the look is bounded, so a big UTF-8 dump opens
    /// as fast as before.
    static let headLength = 64 * 1024

    /// The fewest bytes that are not UTF-8 the head must hold, unless most of them are Latin
    /// letters inside words: fewer are stray bytes in UTF-8 text, shown as U+FFFD.
    static let fewestInvalidBytes = 8

    /// Whether the head of `bytes` is clearly not UTF-8: bytes that are not UTF-8, more than
    /// twice as many as its multibyte UTF-8 characters, and at least ``fewestInvalidBytes`` of
    /// them or, with no multibyte character, most of them Latin letters beside an ASCII
    /// letter ("caf\u{E9}", "Z\u{FC}rich": English text with a few accents showed U+FFFD) or
    /// windows-1252 signs among ASCII ("\u{A3}5", "\u{93}Yes\u{94}": a lone pound sign too).
    /// Text in an 8-bit encoding makes such characters only by chance (Cyrillic, Greek, Hebrew,
    /// Arabic: almost none; Thai and the two-byte CJK encodings, the most, about one for three
    /// bad bytes); UTF-8 text with stray bytes has more characters than bad bytes, and its
    /// stray bytes stand anywhere.
    static func isLegacy(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, headLength)])
        var index = 0
        var invalid = 0
        var multibyte = 0
        var inPlace = 0
        let count = head.count
        while index < count {
            if index + 8 <= count,
                head.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = FeedTextDecoder.sequenceLength(head, at: index)
            if length == 0 {
                invalid += 1
                let before: UInt8 = index > 0 ? head[index - 1] : 0x20
                let after: UInt8 = index + 1 < count ? head[index + 1] : 0x20
                if isLatinLetter(head[index]), FeedItemDraft.isLetter(before) || FeedItemDraft.isLetter(after)
                {
                    inPlace += 1
                } else if isSign(head[index]), before < 0x80, after < 0x80 {
                    inPlace += 1
                }
                index += 1
            } else {
                if length > 1 { multibyte += 1 }
                index += length
            }
        }
        // A word of two CJK characters can make one UTF-8 character of its two bad bytes.
        if invalid > multibyte, isWordsOfAnotherScript(head, wholeFile: head.count == bytes.count) {
            return true
        }
        guard invalid > 2 * multibyte else { return false }
        if invalid >= fewestInvalidBytes { return true }
        // A few accents: no UTF-8 character further on either (a megabyte, as a feed's look).
        let look = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, FeedTextDecoder.sniffLength)])
        return multibyte == 0 && inPlace * 2 > invalid
            && FeedTextDecoder.holdsOnlySingleByteText(look, isWhole: look.count == bytes.count)
    }

    /// Whether `head`, a whole file, holds no ASCII letter and is guessed to be in a script's
    /// 8-bit or two-byte encoding: a word or a title ("中国", "Технологии" in cp866), too few
    /// bytes to tell by count, whose bytes happened to make a UTF-8 character or a title read as
    /// UTF-8, showed as U+FFFD. UTF-8 text with stray bytes has letters around them.
    private static func isWordsOfAnotherScript(_ head: UnsafeRawBufferPointer, wholeFile: Bool) -> Bool {
        guard wholeFile, !head.contains(where: FeedItemDraft.isLetter) else { return false }
        let name = FeedTextDecoder.guessed(head).name
        return !LatinEncodingGuess.candidates.contains { $0.name == name }
    }

    /// Where the head guessed from ends: after the last line break in the first megabyte, so
    /// that no character of two bytes is cut in half (a Big5, GBK or EUC-KR dump over a
    /// megabyte was guessed from a head ending inside a character, which no two-byte encoding
    /// reads, and showed as Arabic or Latin letters; found by QA); the megabyte itself when it
    /// holds no line break.
    static func headEnd(of bytes: UnsafeRawBufferPointer) -> Int {
        let end = min(bytes.count, FeedTextDecoder.sniffLength)
        guard end < bytes.count else { return end }
        var cut = end
        while cut > 0 && bytes[cut - 1] != 0x0A { cut -= 1 }
        return cut > 0 ? cut : end
    }

    /// Whether the start of `bytes` (a megabyte) holds bytes that are not UTF-8.
    static func isNotUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let look = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, FeedTextDecoder.sniffLength)])
        return !FeedTextDecoder.utf8Check(look, isWhole: look.count == bytes.count).isValid
    }

    /// A sign English text writes in windows-1252: € £ © ° … ‘ ’ “ ” – —.
    private static func isSign(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80, 0xA3, 0xA9, 0xB0, 0x85, 0x91...0x94, 0x96, 0x97: return true
        default: return false
        }
    }

    /// A letter in windows-1252 (Š Œ Ž š œ ž Ÿ, À to ÿ but × and ÷), windows-1250, ISO-8859-2
    /// or windows-1254 (ł ą ż ş: a Polish title with a few such letters showed U+FFFD).
    private static func isLatinLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 && LatinEncodingGuess.isLetterInSome[Int(byte) - 0x80]
    }

    /// The whole of `bytes` as UTF-8, read in the encoding guessed for their head (a megabyte is
    /// plenty to tell): an 8-bit encoding byte by byte through a table, others by Foundation. The
    /// whole file guessed and decoded as one string took 3 s and 320 MB for 46 MB of
    /// windows-1251, the screen blank meanwhile (found by QA).
    static func utf8(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<headEnd(of: bytes)])
        let name = FeedTextDecoder.guessed(head).name
        if let table = table(for: name) { return transcode(bytes, through: table) }
        if bytes.count > head.count, let encoding = FeedTextDecoder.encoding(named: name.lowercased()),
            let text = FeedTextDecoder.decode(bytes, as: encoding.value)
        {
            return Array(text.utf8)
        }
        guard case .decoded(let text) = FeedTextDecoder.guessed(bytes).kind else { return Array(bytes) }
        return Array(text.utf8)
    }

    /// The UTF-8 of each byte from 0x80 in the 8-bit encoding `name`, if it is one.
    static func table(for name: String) -> [[UInt8]]? {
        let high: (UInt32) -> UInt32
        switch name {
        case "windows-1252": high = { HTMLEntityTable.windows1252($0) ?? $0 }
        case "windows-874": high = Windows874.character
        default:
            guard let encoding = FeedTextDecoder.encoding(named: name.lowercased())?.value,
                [
                    "windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1255",
                    "windows-1256",
                    "ISO-8859-2", "KOI8-R", "IBM866",
                ].contains(name)
            else { return nil }
            high = { byte in
                String(bytes: [UInt8(byte)], encoding: encoding)?.unicodeScalars.first?.value ?? 0xFFFD
            }
        }
        return (0x80...0xFF).map { byte in
            var bytes: [UInt8] = []
            FeedTextDecoder.appendScalar(high(UInt32(byte)), to: &bytes)
            return bytes
        }
    }

    /// `bytes` with each byte from 0x80 replaced by its UTF-8 from `table` (three bytes at most).
    private static func transcode(_ bytes: UnsafeRawBufferPointer, through table: [[UInt8]]) -> [UInt8] {
        // Four bytes an entry, the first its length: no array touched per byte.
        var flat = [UInt8](repeating: 0, count: 128 * 4)
        for (index, entry) in table.enumerated() {
            flat[index * 4] = UInt8(entry.count)
            for (offset, byte) in entry.prefix(3).enumerated() { flat[index * 4 + 1 + offset] = byte }
        }
        return flat.withUnsafeBufferPointer { flat in
            [UInt8](unsafeUninitializedCapacity: bytes.count * 3) { output, count in
                var written = 0
                for byte in bytes {
                    if byte < 0x80 {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    let entry = (Int(byte) - 0x80) * 4
                    let length = Int(flat[entry])
                    for offset in 0..<length { output[written + offset] = flat[entry + 1 + offset] }
                    written += length
                }
                count = written
            }
        }
    }
}
