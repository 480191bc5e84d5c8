/// Folds text for searching: lower case, accents and other combining marks dropped,
/// compatibility forms unified (full-width letters, ligatures), Arabic and Persian letter
/// variants and tatweel unified, digits of every script and typographic apostrophes the typed
/// ones, every run of whitespace one space.
/// `Tehrān` and `tehran` fold alike, as do `École` and `ecole`, `it’s` and `it's`.
public enum TextFolding {
    /// The folded form of `text` (with `keepingSpace`, text that folds to spaces alone is one
    /// space: `FoldedMatcher` folds a no-break or ideographic space so, character by character).
    public static func fold(_ text: String, keepingSpace: Bool = false) -> String {
        var output = String.UnicodeScalarView()
        var lastWasSpace = true
        var sawSpace = false
        fold(text) { scalar, _ in
            if scalar == " " {
                sawSpace = true
                if lastWasSpace { return }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            output.append(scalar)
        }
        // A space was dropped first: a lone no-break space folded to nothing, and "mardi 5 mai"
        // written with them was searched as "mardi5mai" (found by a search-as-read test).
        if keepingSpace && output.isEmpty && sawSpace { return " " }
        var folded = String(output)
        if folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }

    /// Calls `emit` with each folded scalar and the index of the character of `text` it
    /// came from (for mapping matches back to what is shown).
    static func fold(_ text: String, emit: (Unicode.Scalar, Int) -> Void) {
        for (offset, character) in text.enumerated() {
            if character.isASCII, let ascii = character.asciiValue {
                if ascii >= 0x41 && ascii <= 0x5A {
                    emit(Unicode.Scalar(ascii + 0x20), offset)
                } else if ascii == 0x09 || ascii == 0x0A || ascii == 0x0D {
                    emit(" ", offset)
                } else {
                    emit(Unicode.Scalar(ascii), offset)
                }
                continue
            }
            for scalar in foldScalars(of: character) { emit(scalar, offset) }
        }
    }

    private static func foldScalars(of character: Character) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        // Written as a letter and its marks, a character is taken as the letter they make, so
        // that a mark that makes a letter of its own (`й`) is kept as it is in one scalar.
        let scalars =
            character.unicodeScalars.count > 1
            ? String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            : character.unicodeScalars
        for original in scalars {
            // A C1 control is the windows-1252 character the screen shows for it: "zizek" finds
            // the "Žižek" of text that was windows-1252 read as Latin-1.
            let scalar = TerminalSanitizer.windows1252(original) ?? original
            if WhiteSpace.contains(scalar) {
                result.append(" ")
                continue
            }
            // Typographic apostrophes are the typed one: "Netanyahu's" finds "Netanyahu’s".
            if scalar.value == 0x2019 || scalar.value == 0x2018 || scalar.value == 0x201B
                || scalar.value == 0x02BC
                || scalar.value == 0x2032
            {
                result.append("'")
                continue
            }
            if let mapped = arabicVariants[scalar.value] {
                if let mapped { result.append(mapped) }
                continue
            }
            // Kana, ideographs and Hangul syllables are themselves, as `FoldedMatcher` copies
            // them: decomposed, が and 서 never matched the stories' own が and 서.
            if isItsOwnFold(scalar.value) {
                result.append(scalar)
                continue
            }
            // Digits of every script are the typed ones: "2030" finds "٢٠٣٠" and "۲۰۳۰".
            if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue,
                digit >= 0, digit <= 9
            {
                result.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(digit)))
                continue
            }
            if let letter = cyrillicLetters[scalar.value] {
                result.append(letter)
                continue
            }
            // Letters with a stroke or ligatures that decomposition leaves whole.
            if let letters = strokeLetters[scalar.value] {
                result += letters.unicodeScalars
                continue
            }
            // Compatibility decomposition drops accents and unifies full-width and ligature forms.
            let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
            for part in decomposed.unicodeScalars {
                switch part.properties.generalCategory {
                case .format:
                    continue
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    if isDiacritic(part.value) { continue }
                    result.append(part)
                default:
                    for lower in part.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
                }
            }
        }
        return composingKanaAndHangul(result)
    }

    /// Kana with a voicing mark and Hangul written as jamo, composed as the same letters written
    /// whole fold (to themselves): "ｶﾞ" and "か\u{3099}" fold as "ガ" and "が" do, as
    /// ``FoldedMatcher`` composes them.
    private static func composingKanaAndHangul(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard
            scalars.count > 1,
            scalars.contains(where: {
                $0.value == 0x3099 || $0.value == 0x309A || HangulJamo.isLeading($0.value)
            })
        else { return scalars }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return Array(String(text).precomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// Kana, CJK ideographs and Hangul syllables (three-byte UTF-8 all): folded to themselves.
    static func isItsOwnFold(_ value: UInt32) -> Bool {
        (0x3041...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xAC00...0xD7A3).contains(value)
    }

    /// Latin letters that compatibility decomposition keeps whole, folded to what people type:
    /// "thu do" finds "thủ đô", "lodz" "Łódź", "aeroskobing" "Ærøskøbing"; and the final
    /// sigma, which lower case keeps apart: "ΣΙΣΥΦΟΣ" finds "Σίσυφος".
    private static let strokeLetters: [UInt32: String] = [
        0x0110: "d", 0x0111: "d", 0x0141: "l", 0x0142: "l", 0x00D8: "o", 0x00F8: "o", 0x00C6: "ae",
        0x00E6: "ae", 0x0152: "oe", 0x0153: "oe", 0x00DF: "ss", 0x1E9E: "ss", 0x0126: "h", 0x0127: "h",
        0x0131: "i", 0x00D0: "d", 0x00F0: "d", 0x00DE: "th", 0x00FE: "th",
        // Greek final sigma is the sigma that upper case "Σ" folds to.
        0x03C2: "σ",
    ]

    /// Cyrillic letters written with a mark that are letters of their own, not accented ones:
    /// `й` (Russian, Ukrainian), `ў` (Belarusian), `ї` (Ukrainian) fold to themselves in lower
    /// case: "мой" is not "мои". (`ё` folds to `е`, as Russian is mostly written.)
    static let cyrillicLetters: [UInt32: Unicode.Scalar] = [
        0x0419: "\u{0439}", 0x0439: "\u{0439}", 0x040E: "\u{045E}", 0x045E: "\u{045E}",
        0x0407: "\u{0457}", 0x0457: "\u{0457}",
    ]

    /// The Cyrillic letter of ``cyrillicLetters`` that the folded letter `base` and the
    /// combining `mark` after it make (`и` and a breve make `й`), if any.
    static func cyrillicLetter(_ base: UInt32, mark: UInt32) -> Unicode.Scalar? {
        switch (base, mark) {
        case (0x0438, 0x0306): return "\u{0439}"
        case (0x0443, 0x0306): return "\u{045E}"
        case (0x0456, 0x0308): return "\u{0457}"
        default: return nil
        }
    }

    /// Whether a mark is an accent or point that text is often written without (Latin, Greek
    /// and Cyrillic accents, Hebrew points, Arabic vowel signs): dropped. The vowel signs and
    /// viramas of Indic and Southeast Asian scripts, and the kana voicing marks, are letters of
    /// their words: "दिशा" is not "देश", nor "が" "か".
    private static func isDiacritic(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x061A, 0x064B...0x065F, 0x0670,
            0x06D6...0x06ED, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return true
        default:
            return false
        }
    }

    /// Arabic letters written several ways: hamza forms of alef to alef, alef maqsura to ya,
    /// ta marbuta to ha, tatweel dropped (nil); and Persian's own yeh and keheh to the Arabic
    /// ya and kaf, which many Persian sites write (a Persian keyboard types the others); the
    /// Arabic decimal and thousands separators to the point and comma.
    private static let arabicVariants: [UInt32: Unicode.Scalar?] = [
        0x0622: "\u{0627}", 0x0623: "\u{0627}", 0x0625: "\u{0627}", 0x0671: "\u{0627}",
        0x0649: "\u{064A}", 0x0629: "\u{0647}", 0x0640: nil, 0x06CC: "\u{064A}", 0x06A9: "\u{0643}",
        // The decimal and thousands separators are the typed point and comma: "42.5" finds "۴۲٫۵".
        0x066B: ".", 0x066C: ",",
    ]
}
