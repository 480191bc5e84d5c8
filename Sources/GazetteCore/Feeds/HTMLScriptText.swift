/// The text of a `sup` or `sub` as it reads on one line: digits and + - = ( ) n i as
/// superscript or subscript characters (a footnote's "too.¹", "E=mc²", "H₂O"), other
/// superscript text set off as "^(text)" (it was glued to the word before: "too.1", "E=mc2";
/// found by QA) but for a few letters ("3rd") and signs ("®"); other subscript text, and text
/// in brackets, stays as it is. Bodies and titles read it alike.
enum HTMLScriptText {
    /// What `text` (a `sup`'s or `sub`'s, without white space at its start) is written as; nil
    /// when it stays as it is.
    static func written(_ text: String, superscript: Bool) -> String? {
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
        guard superscript, text.first != "[", text.first != "(" else { return nil }
        // An ordinal's or title's letters read best as they are: "3rd", "19th", "1er", "Mme";
        // and signs raised already ("®", "™", "°", "*", "†"; they showed as "^(®)", found by QA).
        if text.count <= 3 && text.allSatisfy(\.isLetter) { return nil }
        if !text.contains(where: { $0.isLetter || $0.isNumber }) { return nil }
        // Superscript characters already ("x<sup>²</sup>").
        if text.unicodeScalars.allSatisfy({ raised.contains($0) }) { return nil }
        return "^(" + text + ")"
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
