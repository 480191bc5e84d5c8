/// Whether undeclared bytes are Thai in windows-874 (TIS-620), which was read as Cyrillic in
/// windows-1251: both write whole words of bytes from 0xA1.
///
/// Thai's high bytes keep to its writing's order: consonants are 0xA1...0xCE; the vowel signs
/// above and below (0xD1, 0xD4...0xDA) follow a consonant, tone marks and the other signs
/// (0xE7...0xEE) a consonant or such a vowel sign, the vowels after (0xD0, 0xD2, 0xD3) a
/// consonant or a sign; the vowels written before (0xE0...0xE4) come before a consonant; digits
/// (0xF0...0xF9) stand apart from letters; 0xDB...0xDE and 0xFC...0xFF are no Thai character.
/// Cyrillic in windows-1251 is mostly small letters (0xE0...0xFF) one after another, which
/// breaks that order at nearly every letter; its capitals alone (0xC0...0xDF) can keep it, but
/// hold no byte from 0xE0 to 0xEE, which Thai's marks and vowels before are. A Cyrillic word
/// of five letters can keep the order ("Києві": a capital, then і ї є among small letters
/// that fall on Thai's marks), but none of thousands of phrases of news of eight or more did. Korean and Chinese are read by
/// ``DoubleByteGuess`` first; those too short for it are pairs whose first bytes are their
/// common characters' (0xB0...0xD7), which Thai's are not when one is a consonant from 0xA1 or a
/// vowel or mark from 0xD8 (a short Thai headline of even runs was read in another script).
enum ThaiGuess {
    /// Whether the high bytes of `bytes` keep Thai's order: at least 8 of them (a short title),
    /// half of them consonants, one from 0xE0 to 0xEE, and at most one in 50 out of order.
    static func isThai(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var high = 0
        var consonants = 0
        var marks = 0
        var misfits = 0
        var runLength = 0
        var pairsLikeCJK = true
        let count = bytes.count
        for index in 0..<count {
            let byte = bytes[index]
            guard byte >= 0x80 else {
                if runLength % 2 == 1 { pairsLikeCJK = false }
                runLength = 0
                continue
            }
            if runLength % 2 == 0 && !(0xB0...0xD7).contains(byte) { pairsLikeCJK = false }
            runLength += 1
            high += 1
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = index + 1 < count ? bytes[index + 1] : 0x20
            switch byte {
            case 0xA1...0xCE:
                consonants += 1
            case 0xD1, 0xD4...0xDA:
                if !isConsonant(before) { misfits += 1 }
            case 0xE7...0xEE:
                marks += 1
                if !isConsonant(before) && !isVowelSign(before) { misfits += 1 }
            case 0xD0, 0xD2, 0xD3:
                if !isConsonant(before) && !isVowelSign(before) && !(0xE7...0xEE).contains(before) {
                    misfits += 1
                }
            case 0xE0...0xE4:
                marks += 1
                if !isConsonant(after) { misfits += 1 }
            case 0xF0...0xFB:
                if (0xA1...0xEE).contains(before) || (0xA1...0xEE).contains(after) { misfits += 1 }
            case 0xA0:
                // A no-break space between words, not inside one: а in cp866 (DOS Cyrillic).
                if (0xA1...0xEE).contains(before) && (0xA1...0xEE).contains(after) { misfits += 1 }
            case 0xCF, 0xDF, 0xE5, 0xE6, 0x80, 0x85, 0x91...0x97:
                // ฯ ฿ ๅ ๆ, and windows-874's euro sign, ellipsis, quotes, dashes and no-break space.
                break
            default:
                misfits += 1
            }
        }
        if runLength % 2 == 1 { pairsLikeCJK = false }
        return high >= 8 && consonants * 2 >= high && marks > 0 && misfits * 50 <= high && !pairsLikeCJK
    }

    private static func isConsonant(_ byte: UInt8) -> Bool { (0xA1...0xCE).contains(byte) }

    /// A vowel sign above or below a consonant.
    private static func isVowelSign(_ byte: UInt8) -> Bool { byte == 0xD1 || (0xD4...0xDA).contains(byte) }
}
