/// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar):
/// a line break inside their text is no word break, so lines of it are joined with nothing
/// between them, also where punctuation stands between the break and such text ("他说" and
/// "“你好”").
public enum UnspacedScript {
    /// Whether `value` is a CJK ideograph, kana, CJK punctuation or a full-width form (Hangul,
    /// which is written with spaces, is not).
    public static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFF60:
            return true
        default:
            return false
        }
    }

    /// Whether `value` is a character of a script written without spaces between words: those
    /// of ``contains(_:)`` but the ideographic space, half-width kana, the ideographs past U+FFFF,
    /// and Thai, Lao, Myanmar and Khmer (their extensions and symbols too). Text in them wraps
    /// anywhere, so a space next to one in a query may be a line break of where it was copied
    /// from (see ``SearchQuery``).
    public static func isWrittenWithoutSpaces(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF01...0xFF9F, 0x20000...0x3FFFF, 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF,
            0x19E0...0x19FF, 0xA9E0...0xA9FF, 0xAA60...0xAA7F:
            return true
        default:
            return false
        }
    }

    /// What a character next to a line break tells of the break.
    public enum BreakNeighbour: UInt8, Sendable {
        /// A character of ``contains(_:)`` or ``isWrittenWithoutSpaces(_:)``: the break beside it
        /// may be read as nothing.
        case unspaced
        /// Any other letter, digit or symbol: the break beside it is a space.
        case spaced
        /// Punctuation (or an invisible format character): the break is read as the character
        /// past it says.
        case punctuation
        /// White space, which the break's reading looks past too.
        case blank
    }

    /// What `scalar` tells of a line break next to it.
    public static func breakNeighbour(_ scalar: Unicode.Scalar) -> BreakNeighbour {
        let value = scalar.value
        if value < 0x80 {
            if value <= 0x20 { return .blank }
            return isASCIIPunctuation(UInt8(value)) ? .punctuation : .spaced
        }
        // Thai, Lao, Khmer and Myanmar too: a file wrapped mid-word ("ประเท" / "ศไทย") read
        // as a space, which broke the word on the screen and for the search.
        if contains(value) || isWrittenWithoutSpaces(value) { return .unspaced }
        let properties = scalar.properties
        if properties.isWhitespace { return .blank }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .format:
            return .punctuation
        default:
            return .spaced
        }
    }

    /// Whether an ASCII byte is punctuation (`!"#%&'()*,-./:;?@[\]_{}`; `$+<=>^|~` and the
    /// backquote are symbols).
    public static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D:
            return true
        default:
            return false
        }
    }

    /// The letter or symbol nearest the end of `line`, past punctuation and spaces, as a line
    /// break after it reads it; nil for a line of punctuation and spaces alone.
    static func neighbour<Line: StringProtocol>(endOf line: Line) -> BreakNeighbour? {
        for scalar in line.unicodeScalars.reversed() {
            let neighbour = breakNeighbour(scalar)
            if neighbour == .unspaced || neighbour == .spaced { return neighbour }
        }
        return nil
    }

    /// The letter or symbol nearest the start of `line`, past punctuation and spaces; nil for
    /// a line of punctuation and spaces alone.
    static func neighbour<Line: StringProtocol>(startOf line: Line) -> BreakNeighbour? {
        for scalar in line.unicodeScalars {
            let neighbour = breakNeighbour(scalar)
            if neighbour == .unspaced || neighbour == .spaced { return neighbour }
        }
        return nil
    }

    /// Whether a line break is read as nothing, given the letters or symbols nearest it before
    /// and after, past punctuation and spaces (nil: a line of punctuation alone on that side):
    /// between two characters of scripts written without spaces, or one and a line of
    /// punctuation. "他说" and "“你好”" make "他说“你好”", as "东京" and "大学" make "东京大学" and
    /// "ประเท" and "ศไทย" "ประเทศไทย"; "Hello," and "你好" keep their space, as Korean does.
    public static func joins(before: BreakNeighbour?, after: BreakNeighbour?) -> Bool {
        switch (before, after) {
        case (.unspaced, .unspaced), (.unspaced, nil), (nil, .unspaced): return true
        default: return false
        }
    }

    /// Whether the line break between `before` and `after` is read as nothing (see
    /// ``joins(before:after:)``).
    public static func joinsWithoutSpace<Before: StringProtocol, After: StringProtocol>(
        _ before: Before, _ after: After
    ) -> Bool {
        joins(before: neighbour(endOf: before), after: neighbour(startOf: after))
    }

    /// The lines of a paragraph as one text: joined by a space, or by nothing where the break
    /// between two is read as nothing (``joinsWithoutSpace(_:_:)``: "東京" and
    /// "大学" make "東京大学"). Empty lines add nothing.
    public static func join<Line: StringProtocol>(_ lines: [Line]) -> String {
        var text = ""
        var previous: Line?
        for line in lines where !line.isEmpty {
            if let previous, !joinsWithoutSpace(previous, line) { text += " " }
            text += line
            previous = line
        }
        return text
    }
}
