import Foundation

/// Which two-byte encoding of Chinese, Japanese or Korean undeclared bytes look like, if any.
///
/// GBK, EUC-JP and EUC-KR write each character as a lead byte from 0x81 and a trail byte, which
/// in GB2312's, EUC-JP's and EUC-KR's characters is from 0xA1 too: every run of high bytes has
/// an even length, and many of them are 0xA1...0xBF (punctuation, kana, the most used rows).
/// Cyrillic words in windows-1251 have any length, and their letters are 0xC0...0xFF; Latin
/// letters in windows-1252 stand alone among ASCII. Among the two-byte encodings, Japanese is
/// told by its kana (rows 0xA4 and 0xA5) and Korean by its Hangul (rows 0xB0...0xC8 only).
///
/// A pair's first byte from 0x81 to 0xA0, from 0xA6 to 0xAF or from 0xD8 starts a rare
/// character or none in GB2312, JIS X 0208 and KS X 1001 (GBK's additions, Greek, Cyrillic, box
/// drawing, the second level of hanzi and kanji, Hanja). Russian in cp866 writes most of its
/// letters there (а 0xA0, и...п 0xA8...0xAF, р...я 0xE0...0xEF) and was read as Chinese when its
/// words had even lengths: more than half the pairs starting so are no two-byte text.
/// Thai in windows-874 pairs up too (a title and a line of 120 bytes were read as Chinese), and
/// writes its vowels below, vowels before and tone marks from 0xD8 and ง จ ช from 0xA6: more
/// than one pair in 20 starting so, in text that keeps Thai's order (``ThaiGuess``), is Thai.
/// (Of Thai news of 16 pairs or more, one in 200 has fewer; of Chinese, Japanese and Korean
/// news that keeps Thai's order, none has any.)
///
/// Big5 (Traditional Chinese) pairs up as GBK does, but about two trail bytes in five are ASCII
/// (0x40...0x7E), and GBK reads its pairs as other characters: it is told by which decoding
/// is made of common characters (``CJKCommonCharacters``); it was read as windows-1252 or
/// Arabic.
enum DoubleByteGuess {
    /// The encodings to try, most likely first; empty when the bytes do not look two-byte, or
    /// when they keep Thai's order (`keepsThaiOrder`) and have Thai's marks where characters start.
    static func candidates(
        _ bytes: UnsafeRawBufferPointer, keepsThaiOrder: Bool = false
    ) -> [(value: String.Encoding, name: String)] {
        var high = 0
        var fromA1ToBF = 0
        var characters = 0
        var asciiTrails = 0
        var kana = 0
        var hangul = 0
        var rare = 0
        // Whether every pair is one Big5 may write (trail 0x40...0x7E or 0xA1...0xFE).
        var big5Shaped = true
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0x81, lead <= 0xFE, index + 1 < count else { return [] }
            let trail = bytes[index + 1]
            // GB18030's four-byte characters (emoji, rare ideographs): lead, digit, lead, digit.
            if (0x30...0x39).contains(trail), index + 3 < count, (0x81...0xFE).contains(bytes[index + 2]),
                (0x30...0x39).contains(bytes[index + 3])
            {
                characters += 1
                high += 2
                big5Shaped = false
                index += 4
                continue
            }
            guard (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail) else { return [] }
            characters += 1
            high += trail >= 0x80 ? 2 : 1
            if (0x7F...0xA0).contains(trail) { big5Shaped = false }
            if trail < 0x80 { asciiTrails += 1 }
            if (0xA1...0xBF).contains(lead) { fromA1ToBF += 1 }
            if (0xA1...0xBF).contains(trail) { fromA1ToBF += 1 }
            if (lead == 0xA4 || lead == 0xA5) && trail >= 0xA1 { kana += 1 }
            if (0xB0...0xC8).contains(lead) && trail >= 0xA1 { hangul += 1 }
            if lead <= 0xA0 || (0xA6...0xAF).contains(lead) || lead >= 0xD8 { rare += 1 }
            index += 2
        }
        let chinese = (FeedTextDecoder.gb18030, "GB18030")
        if big5Shaped, characters >= 16,
            readsAsBig5(
                bytes, japanese: kana * 8 >= characters, korean: hangul * 10 >= characters * 9)
        {
            return [(FeedTextDecoder.big5, "Big5"), chinese]
        }
        // A few Cyrillic words can all be of even length, with і, ї or є among their letters
        // ("Київ цієї"), but not many: of random Ukrainian texts of 3 to 40 words, one in 300
        // was taken for Chinese with eight characters at least, one in 5,000 with sixteen.
        if characters < 16 {
            return mostlyCommonReading(
                bytes, big5: big5Shaped, asciiTrails: asciiTrails > 0, keepsThaiOrder: keepsThaiOrder)
        }
        guard asciiTrails * 8 <= characters, fromA1ToBF * 5 >= high else { return [] }
        if rare * 2 > characters || keepsThaiOrder && rare * 20 > characters { return [] }
        if kana * 8 >= characters { return [(FeedTextDecoder.eucJP, "EUC-JP"), chinese] }
        if hangul * 10 >= characters * 9 { return [(FeedTextDecoder.eucKR, "EUC-KR"), chinese] }
        return [chinese]
    }

    /// The fewest characters a short text (a title) must have to be read by its common characters,
    /// unless all its characters are common (a title or a word of two: "中国", "한국").
    static let fewestShortCharacters = 3

    /// For a text of a few pairs, too few to tell by their bytes, the encoding whose reading has
    /// the most common characters, when at least three are and half of them at least (all of
    /// them when the bytes keep Thai's order); kana count for EUC-JP, CJK punctuation for none.
    /// A pair whose trail is ASCII is Big5's or Shift_JIS's only: a Latin letter before one
    /// (`hör`) read as a rare GBK character. Two characters, both common, are enough; in two
    /// readings they are (a pair of bytes is valid in several encodings), the first of GBK, Big5,
    /// EUC-KR, EUC-JP and Shift_JIS wins, GBK being the encoding most such files are in. Measured on generated titles of 4 to 12 characters: about 7 in 10
    /// read right (none did), and no Cyrillic, Greek, Hebrew, Arabic, Thai or Latin one read
    /// as Chinese, Japanese or Korean.
    static func mostlyCommonReading(
        _ bytes: UnsafeRawBufferPointer, big5: Bool, asciiTrails: Bool, keepsThaiOrder: Bool
    ) -> [(value: String.Encoding, name: String)] {
        let readings: [(String.Encoding, String, Set<Unicode.Scalar>)] = [
            (FeedTextDecoder.gb18030, "GB18030", CJKCommonCharacters.chinese),
            (FeedTextDecoder.big5, "Big5", CJKCommonCharacters.chinese),
            (FeedTextDecoder.eucKR, "EUC-KR", CJKCommonCharacters.korean),
            (FeedTextDecoder.eucJP, "EUC-JP", CJKCommonCharacters.japanese),
            (.shiftJIS, "Shift_JIS", CJKCommonCharacters.japanese),
        ]
        var best: (value: String.Encoding, name: String)?
        var bestCommon = 0
        for (encoding, name, set) in readings
        where encoding == FeedTextDecoder.big5 ? big5 : encoding == .shiftJIS || !asciiTrails {
            guard let text = FeedTextDecoder.decode(bytes, as: encoding) else { continue }
            var common = 0
            var all = 0
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                let value = scalar.value
                if (0x3000...0x303F).contains(value) || (0xFF00...0xFFEF).contains(value) { continue }
                all += 1
                let isKana = (0x3041...0x30FF).contains(value)
                let japanese = encoding == FeedTextDecoder.eucJP || encoding == .shiftJIS
                if set.contains(scalar) || isKana && japanese { common += 1 }
            }
            let enough = keepsThaiOrder ? common == all : common * 2 >= all
            let many = common >= fewestShortCharacters || common == 2 && all == 2
            if many, enough, common > bestCommon {
                best = (encoding, name)
                bestCommon = common
            }
        }
        return best.map { [$0] } ?? []
    }

    /// How many bytes the decodings compared are read from.
    static let comparedLength = 64 * 1024

    /// Whether `bytes` read as Big5 are mostly common Chinese characters, more of them than
    /// read as GBK, or (when their pairs look so) as Japanese in EUC-JP or Korean in EUC-KR.
    static func readsAsBig5(_ bytes: UnsafeRawBufferPointer, japanese: Bool, korean: Bool) -> Bool {
        let head = headOfWholeCharacters(bytes)
        guard let big5 = FeedTextDecoder.decode(head, as: FeedTextDecoder.big5) else { return false }
        let (common, all) = CJKCommonCharacters.count(in: big5, common: CJKCommonCharacters.chinese)
        guard common * 2 >= all else { return false }
        func rival(_ encoding: String.Encoding, _ set: Set<Unicode.Scalar>, kana: Bool = false) -> Int {
            guard let text = FeedTextDecoder.decode(head, as: encoding) else { return 0 }
            var found = CJKCommonCharacters.count(in: text, common: set).common
            if kana { found += text.unicodeScalars.count { (0x3041...0x30FF).contains($0.value) } }
            return found
        }
        if common <= rival(FeedTextDecoder.gb18030, CJKCommonCharacters.chinese) { return false }
        if japanese, common <= rival(FeedTextDecoder.eucJP, CJKCommonCharacters.japanese, kana: true) {
            return false
        }
        if korean, common <= rival(FeedTextDecoder.eucKR, CJKCommonCharacters.korean) { return false }
        return true
    }

    /// The first ``comparedLength`` bytes or so, ending after a line feed or space: no character
    /// is cut.
    private static func headOfWholeCharacters(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard bytes.count > comparedLength else { return bytes }
        var end = comparedLength
        while end > 0, bytes[end - 1] != 0x0A, bytes[end - 1] != 0x20 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[0..<(end > 0 ? end : bytes.count)])
    }
}
