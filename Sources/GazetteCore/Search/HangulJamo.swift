/// Hangul written as conjoining jamo, composed into the syllables they spell, as Unicode's
/// canonical composition does (text in NFD, from some Mac and web sources, spells every
/// syllable this way).
enum HangulJamo {
    private static let syllableBase: UInt32 = 0xAC00
    private static let leadingBase: UInt32 = 0x1100
    private static let vowelBase: UInt32 = 0x1161
    private static let trailingBase: UInt32 = 0x11A7
    private static let vowels: UInt32 = 21
    private static let trailings: UInt32 = 28

    /// Whether `value` is a leading consonant jamo that starts a syllable.
    static func isLeading(_ value: UInt32) -> Bool {
        (0x1100...0x1112).contains(value)
    }

    /// Whether `value` is a precomposed Hangul syllable.
    static func isSyllable(_ value: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(value)
    }

    /// The syllable of a leading consonant and a vowel, if they make one.
    static func syllable(leading: UInt32, vowel: UInt32) -> Unicode.Scalar? {
        guard isLeading(leading), (vowelBase..<vowelBase + vowels).contains(vowel) else { return nil }
        let index = ((leading - leadingBase) * vowels + (vowel - vowelBase)) * trailings
        return Unicode.Scalar(syllableBase + index)
    }

    /// A syllable without a trailing consonant, given `trailing`, if they make one.
    static func syllable(_ syllable: UInt32, trailing: UInt32) -> Unicode.Scalar? {
        guard isSyllable(syllable), (syllable - syllableBase) % trailings == 0,
            (trailingBase + 1..<trailingBase + trailings).contains(trailing)
        else { return nil }
        return Unicode.Scalar(syllable + trailing - trailingBase)
    }
}
