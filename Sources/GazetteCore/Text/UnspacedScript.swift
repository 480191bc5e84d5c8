/// Scripts written without spaces between words (Chinese, Japanese): a line break inside
/// their text is no word break, so lines of it are joined with nothing between them.
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
    /// and Thai, Lao, Myanmar and Khmer. Text in them wraps anywhere, so a space next to one in
    /// a query may be a line break of where it was copied from (see ``SearchQuery``).
    public static func isWrittenWithoutSpaces(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF01...0xFF9F, 0x20000...0x3FFFF, 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:
            return true
        default:
            return false
        }
    }

    /// The lines of a paragraph as one text: joined by a space, or by nothing between two
    /// characters of an unspaced script ("東京" and "大学" make "東京大学").
    public static func join(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first,
                !(contains(last.value) && contains(first.value))
            {
                text += " "
            }
            text += line
        }
        return text
    }
}
