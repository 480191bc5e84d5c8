/// Roman numerals in lower case, as lists are numbered with them (`iv`, `xii`).
enum RomanNumeral {
    /// The numeral of `number` (1 to 3999), or nil outside that range.
    static func text(of number: Int) -> String? {
        guard (1...3999).contains(number) else { return nil }
        var roman = ""
        var rest = number
        for (value, letters) in numerals {
            while rest >= value {
                roman += letters
                rest -= value
            }
        }
        return roman
    }

    /// The number `letters` (lower case) write as a numeral is written, or nil when they are
    /// none ("vs", "mid", "iiii").
    static func value(of letters: String) -> Int? {
        let digits = letters.compactMap { digitValues[$0] }
        guard digits.count == letters.count, !digits.isEmpty else { return nil }
        var total = 0
        for (index, digit) in digits.enumerated() {
            total += index + 1 < digits.count && digit < digits[index + 1] ? -digit : digit
        }
        return text(of: total) == letters ? total : nil
    }

    /// Roman numerals from the largest, subtractive pairs included.
    private static let numerals: [(Int, String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]

    private static let digitValues: [Character: Int] = [
        "i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000,
    ]
}
