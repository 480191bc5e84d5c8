/// A list's label in lower-case letters (`b. `, `iv. `), and whether a one-letter label counts
/// on with the labels around it: "e. coli was found" or "p. 5 of the report" alone is a
/// sentence, where "e. " between "d. " and "f. " is an item.
enum LetterLabel {
    /// The letters of the lower-case label `line` starts with, after quotation marks (`> `) and
    /// spaces: one letter, or a Roman numeral of up to four; nil when it starts with none.
    static func label<Text: StringProtocol>(of line: Text) -> Substring? {
        var rest = Substring(line)
        while rest.hasPrefix("> ") { rest = rest.dropFirst(2) }
        rest = rest.drop { $0 == " " }
        let letters = rest.prefix { $0.isASCII && $0.isLowercase }
        guard (1...4).contains(letters.count), rest.dropFirst(letters.count).hasPrefix(". ") else {
            return nil
        }
        return letters.count == 1 || RomanNumeral.value(of: String(letters)) != nil ? letters : nil
    }

    /// Whether the one-letter label `letter` is an item's: a list's first (`a`, `i`), or one
    /// whose letter or Roman numeral before or after is among `labels`.
    static func countsOn(_ letter: Substring, among labels: Set<Substring>) -> Bool {
        guard let byte = letter.utf8.first, letter.utf8.count == 1 else { return false }
        if byte == UInt8(ascii: "a") || byte == UInt8(ascii: "i") { return true }
        var near: [Substring] = []
        if byte > UInt8(ascii: "a") { near.append(Substring(String(UnicodeScalar(byte - 1)))) }
        if byte < UInt8(ascii: "z") { near.append(Substring(String(UnicodeScalar(byte + 1)))) }
        if let value = RomanNumeral.value(of: String(letter)) {
            for other in [value - 1, value + 1] {
                if let numeral = RomanNumeral.text(of: other) { near.append(Substring(numeral)) }
            }
        }
        return near.contains { labels.contains($0) }
    }

    /// The label of a paragraph's first line.
    static func ofFirstLine(_ paragraph: String) -> Substring? {
        label(of: paragraph.prefix(64))
    }

    /// The label of a paragraph's last line.
    static func ofLastLine(_ paragraph: String) -> Substring? {
        let utf8 = paragraph.utf8
        guard let newline = utf8.lastIndex(of: 0x0A) else { return ofFirstLine(paragraph) }
        return label(of: paragraph[utf8.index(after: newline)...].prefix(64))
    }
}
