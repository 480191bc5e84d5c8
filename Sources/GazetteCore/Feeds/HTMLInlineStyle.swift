/// An element's inline `style` attribute read as CSS declarations (`name: value; …`).
enum HTMLInlineStyle {
    /// The value of the last declaration of `property` (lowercase) in `style`, in any case and
    /// spacing, without surrounding white space; nil when there is none. Linear in the style.
    static func value(of property: String, in style: String) -> Substring? {
        var found: Substring?
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            if trimmed(declaration[..<colon]).isASCII(property) {
                found = trimmed(declaration[declaration.index(after: colon)...])
            }
        }
        return found
    }

    /// The first word of a value (`none !important` is `none`), lowercased.
    static func keyword(_ value: Substring) -> String {
        value.prefix { $0.isLetter || $0 == "-" }.lowercased()
    }

    /// A length in CSS pixels: a number in `px` or without a unit, or zero in any unit; nil for
    /// other lengths (`1em`, `50%`, `auto`).
    static func pixels(_ value: Substring) -> Double? {
        let number = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let amount = Double(number) else { return nil }
        if amount == 0 { return 0 }
        let unit = value.dropFirst(number.count).prefix { $0.isLetter || $0 == "%" }.lowercased()
        return unit.isEmpty || unit == "px" ? amount : nil
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{0C}"
        }
        var text = text.drop(while: isSpace)
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        return text
    }
}

extension Substring {
    /// Whether the text is `word` (lowercase ASCII) in any case.
    fileprivate func isASCII(_ word: String) -> Bool {
        utf8.count == word.utf8.count && zip(utf8, word.utf8).allSatisfy { ($0 | 0x20) == $1 }
    }
}
