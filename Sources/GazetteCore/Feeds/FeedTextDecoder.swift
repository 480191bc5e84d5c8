import Foundation

/// Turns a feed's bytes into UTF-8 text, whatever encoding they are in.
///
/// The encoding is taken from, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); the
/// `encoding` of the XML declaration, unless the bytes say otherwise (a file that declares
/// windows-1252 but holds valid multibyte UTF-8 is UTF-8); valid UTF-8; and last a guess
/// between Shift_JIS, EUC-JP, EUC-KR, GB18030 (GBK), Big5, windows-874, windows-1255, windows-1251,
/// KOI8-R, IBM866, windows-1253, windows-1256 and windows-1252 from the byte patterns.
/// ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do, and C1 controls in UTF-8
/// text (U+0080...U+009F) get their windows-1252 meaning (U+0092 is U+2019).
public enum FeedTextDecoder {
    /// How much of a file the UTF-8 check looks at before choosing an encoding.
    static let sniffLength = 1 << 20

    /// The decoded text of a whole file, with the XML declaration's encoding rewritten to UTF-8.
    public struct Decoded: Sendable, Equatable {
        public var text: String
        /// The encoding the bytes were read in, by its usual name (`UTF-8`, `windows-1251`...).
        public var encoding: String
        /// Set when the declared encoding was not used, and why.
        public var warning: String?
    }

    /// Decodes a whole file at once (the feed parser streams UTF-8 instead; see `plan`).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Decoded {
        let plan = plan(for: bytes)
        var text: String
        switch plan.kind {
        case .utf8:
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            repairUTF8(UnsafeRawBufferPointer(rebasing: bytes[plan.start...]), into: &output)
            text = String(decoding: output, as: UTF8.self)
        case .decoded(let decoded):
            text = decoded
        }
        text = rewritingDeclaredEncoding(text)
        return Decoded(text: text, encoding: plan.name, warning: plan.warning)
    }

    // MARK: - Choosing the encoding

    /// What to do with a file's bytes.
    struct Plan {
        enum Kind {
            /// The bytes from `start` on are UTF-8 (to be checked and repaired chunk by chunk).
            case utf8
            /// The whole text, already decoded from another encoding.
            case decoded(String)
        }
        var kind: Kind
        /// Bytes to skip (a byte-order mark).
        var start: Int
        var name: String
        var warning: String?
    }

    /// Chooses the encoding of `bytes`; text in other encodings than UTF-8 is decoded at once.
    static func plan(for bytes: UnsafeRawBufferPointer) -> Plan {
        let count = bytes.count
        func starts(with prefix: [UInt8]) -> Bool {
            count >= prefix.count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] }
        }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return Plan(kind: .utf8, start: 3, name: "UTF-8") }
        if starts(with: [0xFF, 0xFE, 0, 0]) || starts(with: [0, 0, 0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            return Plan(
                kind: .decoded(decodeUTF32(bytes, from: 4, littleEndian: little)), start: 4,
                name: little ? "UTF-32LE" : "UTF-32BE")
        }
        if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            return Plan(
                kind: .decoded(decodeUTF16(bytes, from: 2, littleEndian: little)), start: 2,
                name: little ? "UTF-16LE" : "UTF-16BE")
        }
        // UTF-16 without a mark: "<?" or "<r" as 16-bit units.
        if count >= 4, bytes[0] == 0x3C, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            return Plan(
                kind: .decoded(decodeUTF16(bytes, from: 0, littleEndian: true)), start: 0, name: "UTF-16LE")
        }
        if count >= 4, bytes[0] == 0, bytes[1] == 0x3C, bytes[2] == 0, bytes[3] != 0 {
            return Plan(
                kind: .decoded(decodeUTF16(bytes, from: 0, littleEndian: false)), start: 0, name: "UTF-16BE")
        }
        let head = UnsafeRawBufferPointer(rebasing: bytes[0..<min(count, sniffLength)])
        guard let declared = declaredEncoding(bytes) else {
            // Undeclared text is UTF-8 (XML's and JSON's default) when it is, or when its
            // multibyte characters are at least as many as its bad bytes: a stray byte in
            // UTF-8 text becomes U+FFFD, not a reason to read the whole file as windows-1251.
            if utf8Check(head, isWhole: count <= sniffLength).isValid || isMostlyUTF8(head) {
                return Plan(kind: .utf8, start: 0, name: "UTF-8")
            }
            return guessed(bytes)
        }
        let name = declared.lowercased()
        if name == "utf-8" || name == "utf8" {
            // Declared UTF-8 is read as UTF-8 (repaired chunk by chunk), unless its start has bytes
            // that are not UTF-8 and not one multibyte character: the mirror of a declared
            // ISO-8859-1 that holds UTF-8 (every accent showed as U+FFFD; found by QA). A few bad
            // bytes among UTF-8 characters are U+FFFD. The look stops at the first such character.
            guard holdsOnlySingleByteText(head) else { return Plan(kind: .utf8, start: 0, name: "UTF-8") }
            var plan = guessed(bytes)
            plan.warning = "the file declares \(declared) but holds \(plan.name); read as \(plan.name)"
            return plan
        }
        let check = utf8Check(head, isWhole: count <= sniffLength)
        if check.isValid && check.hasMultibyte {
            return Plan(
                kind: .utf8, start: 0, name: "UTF-8",
                warning: "the file declares \(declared) but holds UTF-8; read as UTF-8")
        }
        if name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name == "unicode" {
            // The declaration was readable as ASCII, so the bytes are not UTF-16 or UTF-32.
            if check.isValid { return Plan(kind: .utf8, start: 0, name: "UTF-8") }
            return guessed(bytes)
        }
        guard let encoding = encoding(named: name) else {
            if check.isValid {
                return Plan(
                    kind: .utf8, start: 0, name: "UTF-8",
                    warning: "unknown encoding \(declared); read as UTF-8")
            }
            var plan = guessed(bytes)
            plan.warning = "unknown encoding \(declared); read as \(plan.name)"
            return plan
        }
        if let text = decode(bytes, as: encoding.value) {
            return Plan(kind: .decoded(text), start: 0, name: encoding.name)
        }
        if check.isValid {
            return Plan(
                kind: .utf8, start: 0, name: "UTF-8",
                warning: "the file declares \(declared) but is not; read as UTF-8")
        }
        // A few bytes that are not in the declared encoding (a character cut where a title was
        // cut by bytes) read as U+FFFD, as in UTF-8 text: the whole Shift_JIS, GBK, Big5 or
        // EUC-KR feed was read as windows-1256 mojibake for one (found by QA).
        if let text = IconvText.decode(
            bytes, from: iconvNames(of: encoding.name), allowedRefusals: max(8, bytes.count / 1000))
        {
            return Plan(kind: .decoded(text), start: 0, name: encoding.name)
        }
        var plan = guessed(bytes)
        plan.warning = "the file declares \(declared) but is not; read as \(plan.name)"
        return plan
    }

    /// The names iconv knows an encoding by, its Windows superset first (a feed that says
    /// Shift_JIS is most often written by Windows' code page 932).
    static func iconvNames(of name: String) -> [String] {
        switch name {
        case "Shift_JIS": return ["CP932", "SHIFT_JIS"]
        case "Big5": return ["BIG5-HKSCS", "BIG5"]
        case "EUC-KR": return ["CP949", "EUC-KR"]
        case "EUC-JP": return ["EUC-JP-MS", "EUC-JP"]
        default: return [name]
        }
    }

    /// The `encoding` of an XML declaration near the start, when there is one.
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = Array(bytes.prefix(2048))
        let marker = Array("<?xml".utf8)
        guard let start = ByteSearch.firstIndex(of: marker, in: head) else { return nil }
        let after = start + marker.count
        guard after < head.count,
            head[after] == 0x20 || head[after] == 0x09 || head[after] == 0x0A
                || head[after] == 0x0D
        else { return nil }
        let end = ByteSearch.firstIndex(of: Array("?>".utf8), in: head, from: after) ?? head.count
        // Byte by byte: String's firstRange(of:) would load the string-processing runtime on
        // the way to a feed's first screen.
        let declaration = Array(head[after..<end])
        guard let found = ByteSearch.firstIndex(of: Array("encoding".utf8), in: declaration) else {
            return nil
        }
        var index = found + 8
        while index < declaration.count,
            declaration[index] == 0x20 || declaration[index] == 0x3D || declaration[index] == 0x09
        {
            index += 1
        }
        guard index < declaration.count, declaration[index] == 0x22 || declaration[index] == 0x27 else {
            return nil
        }
        let quote = declaration[index]
        let valueEnd = declaration[(index + 1)...].firstIndex(of: quote) ?? declaration.count
        let value = String(decoding: declaration[(index + 1)..<valueEnd], as: UTF8.self)
        let trimmed = FeedItemDraft.trimmed(value)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The Foundation encoding for an IANA charset name (lowercased).
    static func encoding(named name: String) -> (value: String.Encoding, name: String)? {
        func cf(_ value: UInt) -> String.Encoding { String.Encoding(rawValue: 0x8000_0000 | value) }
        switch name {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
            "cp1252",
            "x-cp1252", "iso_8859-1", "iso-ir-100", "cp819", "ibm819":
            return (.windowsCP1252, "windows-1252")
        case "windows-1250", "cp1250": return (.windowsCP1250, "windows-1250")
        case "windows-1251", "cp1251", "x-cp1251": return (.windowsCP1251, "windows-1251")
        case "windows-1253", "cp1253": return (.windowsCP1253, "windows-1253")
        case "windows-1254", "cp1254": return (.windowsCP1254, "windows-1254")
        case "windows-1255", "cp1255": return (cf(0x0505), "windows-1255")
        case "windows-1256", "cp1256": return (cf(0x0506), "windows-1256")
        case "windows-1257", "cp1257": return (cf(0x0507), "windows-1257")
        case "windows-1258", "cp1258": return (cf(0x0508), "windows-1258")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932":
            return (.shiftJIS, "Shift_JIS")
        case "euc-jp", "x-euc-jp", "eucjp", "eucjp-ms", "eucjp-win", "cseucpkdfmtjapanese":
            return (eucJP, "EUC-JP")
        case "iso-2022-jp": return (.iso2022JP, "ISO-2022-JP")
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "csgb2312", "chinese":
            return (gb18030, "GB18030")
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5": return (big5, "Big5")
        case "euc-kr", "ks_c_5601-1987", "cp949", "windows-949": return (eucKR, "EUC-KR")
        case "koi8-r", "koi8r": return (cf(0x0A02), "KOI8-R")
        case "koi8-u": return (cf(0x0A08), "KOI8-U")
        case "ibm866", "cp866", "866", "csibm866", "x-cp866": return (ibm866, "IBM866")
        case "iso-8859-2", "latin2": return (.isoLatin2, "ISO-8859-2")
        case "macintosh", "mac", "csmacintosh", "x-mac-roman", "macroman": return (.macOSRoman, "macintosh")
        case "windows-874", "cp874", "x-cp874", "dos-874", "ibm874", "tis-620", "tis620", "iso-8859-11",
            "iso8859-11", "iso_8859-11", "iso885911":
            return (windows874, "windows-874")
        default:
            break
        }
        // ISO-8859-n by number.
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-"] where name.hasPrefix(prefix) {
            let numbers: [Int: UInt] = [
                3: 0x0203, 4: 0x0204, 5: 0x0205, 6: 0x0206, 7: 0x0207, 8: 0x0208, 9: 0x0209, 10: 0x020A,
                13: 0x020D, 14: 0x020E, 15: 0x020F, 16: 0x0210,
            ]
            if let number = Int(name.dropFirst(prefix.count).prefix { $0.isNumber }),
                let value = numbers[number]
            {
                return (cf(value), "ISO-8859-\(number)")
            }
        }
        return nil
    }

    /// A guess for bytes that are not UTF-8 and say nothing of their encoding.
    static func guessed(_ bytes: UnsafeRawBufferPointer) -> Plan {
        var high = 0
        var nextToASCIILetter = 0
        var nextToHigh = 0
        let count = bytes.count
        for index in 0..<count where bytes[index] >= 0x80 {
            high += 1
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = index + 1 < count ? bytes[index + 1] : 0x20
            if FeedItemDraft.isLetter(before) || FeedItemDraft.isLetter(after) { nextToASCIILetter += 1 }
            if before >= 0x80 || after >= 0x80 { nextToHigh += 1 }
        }
        if ShiftJISGuess.isShiftJIS(bytes), let text = String(bytes: bytes, encoding: .shiftJIS) {
            return Plan(kind: .decoded(text), start: 0, name: "Shift_JIS")
        }
        // Whole words of high bytes: a non-Latin script.
        // (A few lone high bytes, "ü" or "£ 5", are Latin: a word has several letters.)
        let inWords = high > 0 && nextToASCIILetter * 3 < high && nextToHigh * 2 >= high
        // Thai keeps its letters' order (it was read as Cyrillic; found by QA).
        let thai = inWords && ThaiGuess.isThai(bytes)
        // Chinese, Japanese or Korean in a two-byte encoding (GBK, EUC-JP, EUC-KR) was read as
        // Cyrillic: its high bytes are in runs too (found by QA). Thai of a title and a line
        // can pair up too, and was read as Chinese.
        for candidate in DoubleByteGuess.candidates(bytes, keepsThaiOrder: thai) {
            if let text = decode(bytes, as: candidate.value) {
                return Plan(kind: .decoded(text), start: 0, name: candidate.name)
            }
        }
        if inWords {
            if thai, let text = decode(bytes, as: windows874) {
                return Plan(kind: .decoded(text), start: 0, name: "windows-874")
            }
            // Else Cyrillic (windows-1251, KOI8-R or IBM866), Greek or Arabic by how their
            // letters fall (all were read as windows-1251); Hebrew, which keeps its letters'
            // forms and points in place, unless another reads better (small Cyrillic letters
            // were read as Hebrew).
            let script = EightBitScriptGuess.best(bytes, hebrew: HebrewGuess.isHebrew(bytes))
            for choice in [(script.encoding, script.name), (.windowsCP1251, "windows-1251")] {
                if let text = decode(bytes, as: choice.0) {
                    return Plan(kind: .decoded(text), start: 0, name: choice.1)
                }
            }
        }
        // Latin letters: windows-1252 unless Central European or Turkish reads better.
        let latin = LatinEncodingGuess.best(bytes)
        if latin.encoding != .windowsCP1252, let text = decode(bytes, as: latin.encoding) {
            return Plan(kind: .decoded(text), start: 0, name: latin.name)
        }
        return Plan(kind: .decoded(Windows1252.decode(bytes)), start: 0, name: "windows-1252")
    }

    /// EUC-JP, which ``EUCJapanese`` decodes (Foundation on Linux cannot).
    static let eucJP = String.Encoding(rawValue: 0x8000_0920)
    /// windows-874 (Thai), which ``Windows874`` decodes as browsers do.
    static let windows874 = String.Encoding(rawValue: 0x8000_041D)
    /// GB18030, which reads GB2312 and GBK too.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Big5 (Traditional Chinese).
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)
    /// EUC-KR.
    static let eucKR = String.Encoding(rawValue: 0x8000_0940)
    /// IBM866 (cp866, DOS Cyrillic).
    static let ibm866 = String.Encoding(rawValue: 0x8000_041B)

    /// The text of `bytes` in `encoding`, or nil when they are not text in it. windows-1252
    /// is decoded as browsers do (``Windows1252``): any bytes are text in it.
    static func decode(_ bytes: UnsafeRawBufferPointer, as encoding: String.Encoding) -> String? {
        if encoding == .windowsCP1252 { return Windows1252.decode(bytes) }
        if encoding == .macOSRoman { return MacRoman.decode(bytes) }
        if encoding == eucJP { return EUCJapanese.decode(bytes) }
        if encoding == windows874 { return Windows874.decode(bytes) }
        return String(bytes: bytes, encoding: encoding)
    }

    // MARK: - UTF-8

    /// Whether the bytes are valid UTF-8 (a sequence cut by the end of a partial look counts
    /// as valid), and whether any character takes more than one byte.
    static func utf8Check(_ bytes: UnsafeRawBufferPointer, isWhole: Bool) -> (
        isValid: Bool, hasMultibyte: Bool
    ) {
        var index = 0
        let count = bytes.count
        var multibyte = false
        while index < count {
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                // A sequence cut by the end of the look, or of a truncated file.
                if isCutAtEnd(bytes, at: index) && (!isWhole || index > 0) { break }
                return (false, multibyte)
            }
            if length > 1 { multibyte = true }
            index += length
        }
        return (true, multibyte)
    }

    /// Whether the bytes hold multibyte UTF-8 characters, and no more bytes that are not UTF-8
    /// than such characters.
    static func isMostlyUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var multibyte = 0
        var invalid = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                invalid += 1
                index += 1
            } else {
                multibyte += 1
                index += length
            }
        }
        return multibyte > 0 && invalid <= multibyte
    }

    /// Whether the bytes hold a byte that is not UTF-8 and no multibyte UTF-8 character (a
    /// sequence cut by the end of a partial look is neither; at the end of the whole file
    /// (`isWhole`) it is a byte that is not UTF-8: "caf\u{E9}" ends so, and showed as "caf\u{FFFD}"
    /// where "caf\u{E9}" and a line feed read as "café"): text in a single-byte encoding.
    static func holdsOnlySingleByteText(_ bytes: UnsafeRawBufferPointer, isWhole: Bool = false) -> Bool {
        var invalid = false
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length > 1 { return false }
            if length == 0 {
                if !isWhole && isCutAtEnd(bytes, at: index) { break }
                invalid = true
            }
            index += 1
        }
        return invalid
    }

    /// Whether the bytes from `index` to their end are the start of a UTF-8 sequence that the
    /// end cuts short.
    private static func isCutAtEnd(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        bytes.count - index < 4 && bytes[index] >= 0xC2 && bytes[index] <= 0xF4
            && (index + 1..<bytes.count).allSatisfy { UTF8.isContinuation(bytes[$0]) }
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is not valid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int) -> Bool {
            index + offset < count && UTF8.isContinuation(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 { return 0 }
            if lead == 0xED && second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Appends UTF-8 `bytes` to `output`, with invalid sequences as U+FFFD and C1 controls in
    /// their windows-1252 meaning.
    static func repairUTF8(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let count = bytes.count
        var index = 0
        var runStart = 0
        func flush(_ end: Int) {
            if end > runStart {
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<end]))
            }
        }
        while index < count {
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 1 {
                index += 1
            } else if length == 2 && bytes[index] == 0xC2 && bytes[index + 1] <= 0x9F {
                flush(index)
                let value = UInt32(bytes[index + 1])
                appendScalar(HTMLEntityTable.windows1252(value) ?? 0xFFFD, to: &output)
                index += 2
                runStart = index
            } else if length == 0 {
                flush(index)
                appendScalar(0xFFFD, to: &output)
                index += 1
                while index < count, UTF8.isContinuation(bytes[index]) { index += 1 }
                runStart = index
            } else {
                index += length
            }
        }
        flush(count)
    }

    /// The text of `bytes` in a single-byte encoding: ASCII as it is, and each byte from 0x80
    /// the character `high` gives for it.
    static func decodeSingleByte(_ bytes: UnsafeRawBufferPointer, high: (UInt32) -> UInt32) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                appendScalar(high(UInt32(byte)), to: &output)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 form of the scalar `value`, or of U+FFFD when it is none (a surrogate,
    /// past U+10FFFF). Encoded here byte by byte: going through `UTF8.encode` made an array
    /// for each of the references of an entity-escaped body (a quarter of its sanitizing).
    static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0xD800, 0xE000..<0x1_0000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x1_0000...0x10_FFFF:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            // U+FFFD
            output.append(0xEF)
            output.append(0xBF)
            output.append(0xBD)
        }
    }

    // MARK: - UTF-16 and UTF-32

    static func decodeUTF16(_ bytes: UnsafeRawBufferPointer, from start: Int, littleEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func decodeUTF32(_ bytes: UnsafeRawBufferPointer, from start: Int, littleEndian: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var index = start
        while index + 3 < bytes.count {
            let value = (0..<4).reduce(UInt32(0)) { result, offset in
                let byte = UInt32(bytes[index + (littleEndian ? 3 - offset : offset)])
                return result << 8 | byte
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return String(scalars)
    }

    // MARK: - The XML declaration

    /// The text with the XML declaration's `encoding` set to UTF-8 (the text is UTF-8 now).
    static func rewritingDeclaredEncoding(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // The standard library's search, which stops at the declaration: Foundation's
        // `range(of:)` would first copy the whole text to UTF-16.
        let head = text.prefix(4096)
        guard let start = head.firstRange(of: "<?xml"),
            text.distance(from: text.startIndex, to: start.lowerBound) < 2048,
            let end = head[start.upperBound...].firstRange(of: "?>"),
            let encoding = head[start.upperBound..<end.lowerBound].firstRange(of: "encoding")
        else { return text }
        var valueStart = encoding.upperBound
        while valueStart < end.lowerBound, text[valueStart] != "\"" && text[valueStart] != "'" {
            valueStart = text.index(after: valueStart)
        }
        guard valueStart < end.lowerBound else { return text }
        let quote = text[valueStart]
        let afterQuote = text.index(after: valueStart)
        guard let close = text[afterQuote..<end.lowerBound].firstIndex(of: quote) else { return text }
        text.replaceSubrange(afterQuote..<close, with: "UTF-8")
        return text
    }
}
