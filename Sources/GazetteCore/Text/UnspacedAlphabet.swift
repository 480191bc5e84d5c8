/// Alphabets written without spaces between words (Thai, Lao, Myanmar, Khmer): a run of their
/// letters holds several words that nothing marks, so its words are estimated from its length,
/// as each CJK ideograph is counted a word. 9,000 Thai characters counted one word ("1 min";
/// found by QA).
enum UnspacedAlphabet {
    /// Characters (letters with their vowel and tone marks) of a word, on average.
    static let charactersPerWord = 5

    /// Whether the UTF-8 scalar led by `lead` then `second` is one of these scripts': Thai and
    /// Lao U+0E00–U+0EFF, Myanmar U+1000–U+107F, Khmer U+1780–U+17FF (each three bytes).
    static func contains(lead: UInt8, second: UInt8) -> Bool {
        switch lead {
        case 0xE0: return second >= 0xB8 && second <= 0xBB
        case 0xE1: return second == 0x80 || second == 0x81 || second == 0x9E || second == 0x9F
        default: return false
        }
    }

    /// The words a run of `characters` of these scripts is counted as: one for each
    /// ``charactersPerWord``, rounded, at least one.
    static func words(inRun characters: Int) -> Int {
        guard characters > 0 else { return 0 }
        return max(1, (characters + charactersPerWord / 2) / charactersPerWord)
    }
}
