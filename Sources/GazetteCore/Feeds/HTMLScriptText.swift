/// The text of a `sup` or `sub` as it reads on one line: digits and + - = ( ) n i as
/// superscript or subscript characters (a footnote's "too.¹", "E=mc²", "H₂O"); other text
/// set off as "^x" or "_i", in parentheses when longer than a character ("e^(iπ)", "a_(ij)";
/// it was glued to the word before: "too.1", "10x", "xi"; found by QA), but for an ordinal's
/// letters after a number and a title's after a capital ("3rd", "Mme"), signs ("®"), text in
/// brackets (a footnote's "[3]"), and subscript text of words (small print). Bodies and
/// titles read it alike.
enum HTMLScriptText {
    /// What `text` (a `sup`'s or `sub`'s, without white space at its start) is written as; nil
    /// when it stays as it is. `before` is the character the text follows, if any.
    static func written(_ text: String, superscript: Bool, before: Unicode.Scalar? = nil) -> String? {
        let table = superscript ? superscripts : subscripts
        var written = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let mapped = table[scalar] else {
                written.removeAll()
                break
            }
            written.append(mapped)
        }
        if !written.isEmpty { return String(written) }
        guard text.first != "[" else { return nil }
        let mark = superscript ? "^" : "_"
        // Parenthesised already: "x^(a+b)".
        if text.first == "(" { return text.last == ")" ? mark + text : nil }
        if !text.contains(where: { $0.isLetter || $0.isNumber }) { return nil }
        if superscript {
            // An ordinal's or title's letters read best as they are: "3rd", "19th", "1er", "Mme";
            // and signs raised already ("®", "™", "°", "*", "†"; they showed as "^(®)", found by QA).
            if text.count <= 3 && text.allSatisfy(\.isLetter) && isOrdinalOrTitle(text, before: before) {
                return nil
            }
            // Superscript characters already ("x<sup>²</sup>").
            if text.unicodeScalars.allSatisfy({ raised.contains($0) }) { return nil }
        } else if text.unicodeScalars.count > 10 || text.contains(where: \.isWhitespace) {
            // Words in a `sub` are small print, not an index.
            return nil
        }
        return text.count == 1 ? mark + text : mark + "(" + text + ")"
    }

    /// Whether raised letters after `before` are an ordinal's ("1st", "2e", "1er") or a
    /// title's after a capital ("Mme", "Mlle", "Nº").
    private static func isOrdinalOrTitle(_ text: String, before: Unicode.Scalar?) -> Bool {
        guard let before else { return false }
        if before.properties.isUppercase { return true }
        guard before.properties.numericType != nil else { return false }
        return ordinalEndings.contains(text.lowercased())
    }

    private static let ordinalEndings: Set<String> = [
        "st", "nd", "rd", "th", "er", "re", "e", "es", "o", "a", "os", "as", "d", "ème", "eme", "ª", "º",
    ]

    /// The last character of `bytes` (UTF-8), if any.
    static func lastScalar(of bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var start = bytes.endIndex
        while start > bytes.startIndex, bytes.endIndex - start < 4 {
            start -= 1
            if !UTF8.isContinuation(bytes[start]) { break }
        }
        return String(decoding: bytes[start...], as: UTF8.self).unicodeScalars.last
    }

    /// Whether `text` may hold something written here: a superscript or subscript character
    /// or a "^".
    static func mayHoldWritten(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "^" || raised.contains($0) || lowered.contains($0) }
    }

    private static let superscripts: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "\u{2212}": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]

    /// The superscript characters, to know text written in them already.
    private static let raised = Set(superscripts.values)

    private static let subscripts: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "\u{2212}": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]

    private static let lowered = Set(subscripts.values)
}
