import Foundation

/// The calendar day of an instant in UTC, written as ISO 8601 does (`2026-12-02`), the way
/// `Date.formatted(.iso8601.year().month().day().dateSeparator(.dash))` writes it, but without
/// the calendar and time-zone machinery that costs milliseconds on its first use.
enum UTCDay {
    static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return foundationString(date) }
        let days = Int((seconds / 86_400).rounded(.down))
        // Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Foundation's calendar is Julian before the Gregorian reform of 1582.
        guard (1583...9999).contains(year) else { return foundationString(date) }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    private static func padded(_ value: Int, _ digits: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func foundationString(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash))
    }
}
