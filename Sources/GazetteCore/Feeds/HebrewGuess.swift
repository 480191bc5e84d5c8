/// Whether undeclared bytes whose high bytes come in words are Hebrew in windows-1255 rather
/// than Cyrillic in windows-1251: both write their letters from 0xE0, and small Cyrillic letters
/// with few capitals were taken for Hebrew.
///
/// Hebrew writes five letters in one form at the end of a word (ך ם ן ף ץ: 0xEA, 0xED, 0xEF,
/// 0xF3, 0xF5) and in another elsewhere (כ מ נ פ צ: 0xEB, 0xEE, 0xF0, 0xF4, 0xF6), where
/// windows-1251 has к н п у х and л о р ф ц, which stand anywhere in a word. Hebrew's points
/// (0xC0...0xD2) follow a letter, where Cyrillic capitals start words; 0xD9...0xDF, 0xFB, 0xFC,
/// 0xFF and some C1 bytes are no character in windows-1255, and Cyrillic's letters below 0xC0
/// (і ї є ґ ј љ њ ў...) are signs there, which do not touch letters. Short text may break none
/// of these, so the letters count too: each byte from 0xE0 weighs how much more often Hebrew
/// writes its letter than Cyrillic writes its small letter (י ש ת ר, 0xE9 0xF9 0xFA 0xF8, far
/// more than й щ ъ ш; ט ס ף, 0xE8 0xF1 0xF3, far less than и с у); every Cyrillic word has a
/// vowel, while many Hebrew words read in windows-1251 have none. (Counting only nine letters
/// took "ספורט" for "сфеши", and "влада" for Hebrew.)
enum HebrewGuess {
    /// Whether the high bytes of `bytes` read as Hebrew: at most one in 20 of its letters out of
    /// place, and its letters' weights and words without a Cyrillic vowel lean to Hebrew.
    static func isHebrew(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var letters = 0
        var misfits = 0
        // Tenths of the natural log of how much likelier Hebrew is than Cyrillic.
        var weight = 0
        var vowellessWords = 0
        // The last letter, until a byte that is no point tells whether it ended its word.
        var pending: UInt8?
        var wordLength = 0
        var wordHasVowel = false
        let count = bytes.count
        for index in 0...count {
            let byte = index < count ? bytes[index] : 0x20
            if let letter = pending, !isPoint(byte) {
                if finalForms.contains(letter) && isLetter(byte) { misfits += 1 }
                if otherForms.contains(letter) && !isLetter(byte) && !joinsWord(byte) { misfits += 1 }
                pending = nil
            }
            let before = index > 0 ? bytes[index - 1] : 0x20
            if isLetter(byte) {
                letters += 1
                pending = byte
                weight += Int(letterWeights[Int(byte - 0xE0)])
            } else if isPoint(byte) {
                if !isLetter(before) && !isPoint(before) { misfits += 1 }
            } else if isUnused(byte) {
                misfits += 1
            } else if isCyrillicBelowC0(byte) {
                let after = index + 1 < count ? bytes[index + 1] : 0x20
                if before >= 0xC0 || after >= 0xC0 { misfits += 1 }
            }
            // The same bytes as Cyrillic words.
            if byte >= 0xC0 || isCyrillicBelowC0(byte) {
                wordLength += 1
                if isCyrillicVowel(byte) { wordHasVowel = true }
            } else {
                if wordLength >= 2 && !wordHasVowel { vowellessWords += 1 }
                wordLength = 0
                wordHasVowel = false
            }
        }
        return misfits * 20 < letters && weight + 20 * vowellessWords >= 0
    }

    /// For each letter from א (0xE0) to ת (0xFA): ten times the natural log of its frequency in
    /// Hebrew news over that of the Cyrillic small letter at its byte (а б в ... ш щ ъ) in
    /// Russian, Ukrainian and Bulgarian news (ъ as Bulgarian writes it).
    private static let letterWeights: [Int8] = [
        -2, 11, -13, 4, 11, 2, 1, 3, -18, 22, -18, -8, 8, -10, -8, -7, -5, -13, -7, -22, 16, -16, 7, 3, 21,
        24, 29,
    ]

    private static let finalForms: Set<UInt8> = [0xEA, 0xED, 0xEF, 0xF3, 0xF5]
    private static let otherForms: Set<UInt8> = [0xEB, 0xEE, 0xF0, 0xF4, 0xF6]

    /// A Hebrew letter, alef to tav.
    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0xE0 && byte <= 0xFA }

    /// A Hebrew point (vowel points, dagesh, shin and sin dots), written after its letter.
    private static func isPoint(_ byte: UInt8) -> Bool {
        (byte >= 0xC0 && byte <= 0xCD) || byte == 0xCF || byte == 0xD1 || byte == 0xD2
    }

    /// What may follow a letter's other form in its word: a hyphen or maqaf before a number
    /// ("מ-100"), the geresh or gershayim of an abbreviation (מנכ״ל, מנכ"ל, מנכ&quot;ל), a digit.
    private static func joinsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "&"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), 0x92, 0x94, 0xCE, 0xD7, 0xD8:
            return true
        default:
            return false
        }
    }

    /// A byte that is no character in windows-1255.
    private static func isUnused(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x81, 0x8A, 0x8C...0x90, 0x9A, 0x9C...0x9F, 0xD9...0xDF, 0xFB, 0xFC, 0xFF: return true
        default: return false
        }
    }

    /// A Cyrillic letter of windows-1251 below 0xC0 that is a sign in windows-1255 (the ones
    /// that are no character there are ``isUnused(_:)``).
    private static func isCyrillicBelowC0(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80, 0x81, 0x83, 0x8A, 0x8C...0x90, 0x9A, 0x9C...0x9F, 0xA1...0xA3, 0xA5, 0xA8, 0xAA, 0xAF,
            0xB2...0xB4, 0xB8, 0xBA, 0xBC...0xBF:
            return true
        default:
            return false
        }
    }

    /// A Cyrillic vowel in windows-1251, capital or small: а е и о у ы э ю я, і ї є ё.
    private static func isCyrillicVowel(_ byte: UInt8) -> Bool {
        switch byte | (byte >= 0xC0 ? 0x20 : 0) {
        case 0xE0, 0xE5, 0xE8, 0xEE, 0xF3, 0xFB, 0xFD, 0xFE, 0xFF, 0xB2, 0xB3, 0xAA, 0xBA, 0xAF, 0xBF, 0xA8,
            0xB8:
            return true
        default:
            return false
        }
    }
}
