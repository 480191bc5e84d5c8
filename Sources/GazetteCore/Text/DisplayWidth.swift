/// How many terminal columns text takes, measured grapheme cluster by grapheme cluster.
///
/// East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms, U+3000) and emoji
/// presentation (emoji-presentation scalars, anything with VS-16 on an emoji base, flags) take
/// 2 columns; a ZWJ sequence takes those of the pictures it joins. Controls, format characters
/// (ZWSP, ZWJ, ZWNJ, U+2060, BOM, soft hyphen) and clusters made only of nonspacing marks take 0. Nonspacing marks attached to a
/// base add nothing; spacing marks (Indic vowel signs such as U+093E, Thai sara am) add a
/// column each, as terminals give them one (see ``cells(of:)``).
/// Pure Swift: no `wcwidth`, no locale.
public enum DisplayWidth {
    /// Terminal columns of one grapheme cluster: 0, 1 or 2, or more for a cluster of several
    /// spacing scalars (Devanagari "न्दी" takes 3).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard iterator.next() != nil else { return scalarWidth(first) }
        return clusterWidth(first: first, scalars: scalars)
    }

    /// Whether every scalar of `text` is a grapheme of its own taking one column, tabs and
    /// line feeds aside (ASCII, Latin, Greek, Cyrillic, general punctuation): then its
    /// graphemes are its scalars and need no segmenting.
    public static func isOneColumnText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { TextWrapper.isOneColumnText($0) }
    }

    /// Whether a scalar is a grapheme of its own, one column wide, wherever it stands beside
    /// another such scalar: printable ASCII and the scalars ``isOneColumnText(_:)`` takes.
    public static func isOneColumnScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x80 ? value >= 0x20 && value < 0x7F : TextWrapper.isOneColumnScalar(value)
    }

    /// Terminal columns of a string, summed grapheme by grapheme. (Inlinable, so that other
    /// modules get it specialised: the generic version looks up conformances at run time.)
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var printableASCII = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            printableASCII = false
            break
        }
        if printableASCII { return text.utf8.count }
        var total = 0
        for character in text {
            total += of(character)
        }
        return total
    }

    /// Columns of a scalar standing alone: 0 for controls, marks and format characters, 2 for
    /// wide and emoji-presentation scalars, 1 otherwise.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and C1 controls
        if value < 0x300 { return value == 0xAD ? 0 : 1 }  // Latin-1 and Latin extended; soft hyphen
        // Quotes, dashes, Cyrillic, Arabic, CJK… without a property lookup (two of them cost
        // some 650 instructions a scalar).
        if let settled = settledWidth(of: value) { return settled }
        return propertyWidth(scalar)
    }

    /// Columns of a scalar from U+0300 on by its Unicode properties: the general rule, which
    /// ``settledWidth(of:)`` gives without looking them up where it can.
    static func propertyWidth(_ scalar: Unicode.Scalar) -> Int {
        if isZeroWidth(scalar) { return 0 }
        if isWide(scalar.value) || isEmojiPresentation(scalar) { return 2 }
        return 1
    }

    /// Whether `scalar` has Emoji_Presentation, looked up only where it may.
    @inline(__always)
    private static func isEmojiPresentation(_ scalar: Unicode.Scalar) -> Bool {
        mayBeEmojiPresentation(scalar.value) && scalar.properties.isEmojiPresentation
    }

    private static func clusterWidth(first: Unicode.Scalar, scalars: Character.UnicodeScalarView) -> Int {
        if isEmojiCluster(scalars) {
            guard let parts = emojiParts(of: scalars) else { return 2 }
            return parts.reduce(0) { $0 + of($1) }
        }
        // Otherwise the spacing scalars add up (nonspacing marks count 0), e.g. Hangul L+V+T = 2,
        // e+U+0301 = 1, Devanagari न+्+द+ी = 3.
        var total = 0
        for scalar in scalars {
            total += scalarWidth(scalar)
        }
        return total
    }

    /// The terminal cells of one grapheme cluster when it takes more than one (nil for most):
    /// a terminal gives each spacing scalar a cell of its own (1 or 2 columns), with the
    /// zero-width scalars after it. An emoji cluster is one 2-column picture (nil), a ZWJ
    /// sequence a cell for each picture it joins, joiners left out.
    public static func cells(of character: Character) -> [(text: String, width: Int)]? {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return nil }
        if isEmojiCluster(scalars) {
            return emojiParts(of: scalars).map { parts in parts.map { ($0, of($0)) }.filter { $0.1 > 0 } }
        }
        var cells: [(text: String, width: Int)] = []
        var pending = String.UnicodeScalarView()
        var pendingWidth = 0
        for scalar in scalars {
            let width = scalarWidth(scalar)
            if width > 0 && pendingWidth > 0 {
                cells.append((String(pending), pendingWidth))
                pending = String.UnicodeScalarView()
                pendingWidth = 0
            }
            pending.append(scalar)
            pendingWidth += width
        }
        guard !cells.isEmpty else { return nil }
        cells.append((String(pending), pendingWidth))
        return cells
    }

    /// Whether a grapheme is a wide character (East Asian Wide or Fullwidth, or an emoji
    /// picture): text of such characters wraps between them. An Indic cluster two columns
    /// wide is not one (its columns are two letters of a word).
    public static func isWide(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if isWide(first.value) { return true }
        return scalars.count == 1 ? isEmojiPresentation(first) : isEmojiCluster(scalars)
    }

    /// The pictures an emoji ZWJ sequence joins ("👩‍💻" is "👩" and "💻"), joiners left out;
    /// nil for a cluster without a joiner. Terminals disagree on whether they draw such a
    /// sequence as one picture and on how wide, so each picture is laid out and drawn apart:
    /// the row's columns are right everywhere, and the family is not cut to its first member.
    static func emojiParts(of scalars: Character.UnicodeScalarView) -> [String]? {
        guard scalars.contains(where: { $0.value == 0x200D }) else { return nil }
        var parts: [String] = []
        var part = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value == 0x200D {
                if !part.isEmpty { parts.append(String(part)) }
                part = String.UnicodeScalarView()
            } else {
                part.append(scalar)
            }
        }
        if !part.isEmpty { parts.append(String(part)) }
        return parts
    }

    /// The pictures of a ZWJ sequence as graphemes of their own, each but the last with its
    /// joiner after it, so that they make the same text again: where a line or a cut may fall
    /// inside a sequence too wide for it. nil for any other character.
    static func joinedPictures(of character: Character) -> [Character]? {
        guard let parts = emojiParts(of: character.unicodeScalars), parts.count > 1 else { return nil }
        var pictures: [Character] = []
        for (number, part) in parts.enumerated() {
            let picture = number + 1 < parts.count ? part + "\u{200D}" : part
            // Each part of one grapheme is one with its joiner; nil, should one not be.
            guard picture.count == 1, let first = picture.first else { return nil }
            pictures.append(first)
        }
        return pictures
    }

    /// Whether a cluster is an emoji picture: a presentation scalar anywhere (flags, ZWJ
    /// sequences, modifiers) or VS-16 on an emoji base (keycaps, "⚠️").
    private static func isEmojiCluster(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let first = scalars.first else { return false }
        for scalar in scalars {
            if scalar.value == 0xFE0F {
                if first.properties.isEmoji { return true }
            } else if isEmojiPresentation(scalar) {
                return true
            }
        }
        return false
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the preceding leading consonant.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is East Asian Wide or Fullwidth (emoji aside, which the emoji property covers).
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            let (lowerBound, upperBound) = (wideRanges[2 * middle], wideRanges[2 * middle + 1])
            if value < lowerBound {
                high = middle - 1
            } else if value > upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Width W and F blocks (UAX #11), sorted, as first and last scalar of each
    /// (plain numbers: no range type to instantiate on the first screen's path). Marks inside
    /// them are caught earlier.
    private static let wideRanges: [UInt32] = [
        0x1100, 0x115F,  // Hangul Jamo leading consonants
        0x2329, 0x232A,  // angle brackets
        0x2E80, 0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols, U+3000
        0x3041, 0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK, compat.
        0x3400, 0x4DBF,  // CJK extension A
        0x4E00, 0x9FFF,  // CJK unified ideographs
        0xA000, 0xA4CF,  // Yi
        0xA960, 0xA97F,  // Hangul Jamo extended A
        0xAC00, 0xD7A3,  // Hangul syllables
        0xF900, 0xFAFF,  // CJK compatibility ideographs
        0xFE10, 0xFE19,  // vertical forms
        0xFE30, 0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00, 0xFF60,  // fullwidth forms
        0xFFE0, 0xFFE6,  // fullwidth signs
        0x16FE0, 0x16FE4,  // ideographic symbols
        0x16FF0, 0x16FF1,
        0x17000, 0x18CFF,  // Tangut, Khitan
        0x18D00, 0x18D08,
        0x1AFF0, 0x1AFFF,  // Kana extended B
        0x1B000, 0x1B2FF,  // Kana supplement and extended, Nushu
        0x1F200, 0x1F2FF,  // enclosed ideographic supplement
        0x20000, 0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000, 0x3FFFD,  // CJK extensions G–H
    ]
}
