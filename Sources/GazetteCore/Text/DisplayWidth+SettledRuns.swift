extension DisplayWidth {
    /// The width of a scalar from U+0300 on when it lies in a run of scalars whose width the
    /// general rule (``propertyWidth(_:)``) settles alike, without looking up its properties;
    /// nil outside those runs. The runs cover the scripts news text is mostly written in
    /// beyond Latin: combining diacritics, Greek, Cyrillic, Armenian, Hebrew, Arabic,
    /// Vietnamese, general punctuation (quotes, dashes), currency signs, CJK symbols, kana,
    /// ideographs, Hangul syllables and fullwidth forms. A test compares every scalar of the
    /// runs with the general rule, so a Unicode update that moves one is caught.
    static func settledWidth(of value: UInt32) -> Int? {
        var low = 0
        var high = settledRuns.count / 3 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < settledRuns[3 * middle] {
                high = middle - 1
            } else if value > settledRuns[3 * middle + 1] {
                low = middle + 1
            } else {
                return Int(settledRuns[3 * middle + 2])
            }
        }
        return nil
    }

    /// First scalar, last scalar and width of each run, sorted (plain numbers, as the wide
    /// table: no range type to instantiate on the first screen's path). Made from the general
    /// rule over the blocks named.
    private static let settledRuns: [UInt32] = [
        0x0300, 0x036F, 0,  // combining diacritical marks
        0x0370, 0x0482, 1,  // Greek, Cyrillic
        0x0483, 0x0489, 0,  // Cyrillic combining marks
        0x048A, 0x0590, 1,  // Cyrillic, Cyrillic supplement, Armenian
        0x0591, 0x05BD, 0,  // Hebrew points
        0x05BE, 0x05BE, 1,
        0x05BF, 0x05BF, 0,
        0x05C0, 0x05C0, 1,
        0x05C1, 0x05C2, 0,
        0x05C3, 0x05C3, 1,
        0x05C4, 0x05C5, 0,
        0x05C6, 0x05C6, 1,
        0x05C7, 0x05C7, 0,
        0x05C8, 0x05FF, 1,  // Hebrew letters
        0x0600, 0x0605, 0,  // Arabic number signs (format)
        0x0606, 0x060F, 1,
        0x0610, 0x061A, 0,
        0x061B, 0x061B, 1,
        0x061C, 0x061C, 0,  // Arabic letter mark
        0x061D, 0x064A, 1,  // Arabic letters
        0x064B, 0x065F, 0,  // harakat
        0x0660, 0x066F, 1,
        0x0670, 0x0670, 0,
        0x0671, 0x06D5, 1,
        0x06D6, 0x06DD, 0,
        0x06DE, 0x06DE, 1,
        0x06DF, 0x06E4, 0,
        0x06E5, 0x06E6, 1,
        0x06E7, 0x06E8, 0,
        0x06E9, 0x06E9, 1,
        0x06EA, 0x06ED, 0,
        0x06EE, 0x06FF, 1,
        0x1E00, 0x200A, 1,  // Latin extended additional, Greek extended, spaces
        0x200B, 0x200F, 0,  // zero-width space, joiners, direction marks
        0x2010, 0x2027, 1,  // dashes, quotes, bullets, ellipsis
        0x2028, 0x202E, 0,  // line and paragraph separators, embeddings
        0x202F, 0x205F, 1,
        0x2060, 0x2064, 0,  // word joiner, invisible operators
        0x2065, 0x2065, 1,
        0x2066, 0x206F, 0,  // isolates, deprecated format characters
        0x20A0, 0x20CF, 1,  // currency signs
        0x3000, 0x3029, 2,  // CJK symbols and punctuation
        0x302A, 0x302D, 0,  // ideographic tone marks
        0x302E, 0x303E, 2,
        0x303F, 0x3040, 1,
        0x3041, 0x3098, 2,  // hiragana
        0x3099, 0x309A, 0,  // kana voicing marks
        0x309B, 0x30FF, 2,  // katakana
        0x3400, 0x4DBF, 2,  // CJK extension A
        0x4E00, 0x9FFF, 2,  // CJK unified ideographs
        0xAC00, 0xD7A3, 2,  // Hangul syllables
        0xFF00, 0xFF60, 2,  // fullwidth forms
    ]

    /// Whether a scalar may have Emoji_Presentation: none below U+231A (⌚) nor from U+2C00 to
    /// U+1EFFF has it, which a test checks over every scalar.
    @inline(__always)
    static func mayBeEmojiPresentation(_ value: UInt32) -> Bool {
        (value >= 0x231A && value < 0x2C00) || value >= 0x1F000
    }
}
