/// Counts as the screen shows them, thousands separated: 12,480.
public enum GroupedCount {
    /// `number` with a comma between each group of three digits.
    public static func text(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return number < 0 ? "-" + digits : digits
    }
}
