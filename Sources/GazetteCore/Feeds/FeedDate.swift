import Foundation

/// Dates as feeds write them: RFC 822 in RSS (https://www.rfc-editor.org/rfc/rfc822#section-5,
/// with the odd spacing, missing day names, four-digit years and names of days and months in
/// other languages of real feeds), RFC 3339 in
/// Atom and JSON Feed (https://www.rfc-editor.org/rfc/rfc3339#section-5.6).
enum FeedDate {
    /// The date in either form, or nil when it is neither.
    static func parse(_ text: String) -> Date? {
        parseWithOffset(text)?.date
    }

    /// ``parse(_:)``, with the offset from UTC it was written with (seconds east).
    static func parseWithOffset(_ text: String) -> (date: Date, offset: Int)? {
        let trimmed = FeedItemDraft.trimmed(text)
        guard let first = trimmed.utf8.first else { return nil }
        if FeedItemDraft.isDigit(first), let date = rfc3339(trimmed) { return date }
        return rfc822(trimmed) ?? rfc3339(trimmed)
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Zone names in minutes east of UTC: RFC 822's, and those feeds write besides (`MEZ`,
    /// `AEST`; read as UTC, the time was hours off; found in review). Names that stand for
    /// several zones (`IST`: India, Ireland, Israel) are left out.
    private static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "nst": -210, "ndt": -150, "ast": -240, "adt": -180, "brt": -180, "art": -180, "wet": 0, "west": 60,
        "bst": 60, "cet": 60, "cest": 120, "mez": 60, "mesz": 120, "eet": 120, "eest": 180, "msk": 180,
        "sast": 120, "cat": 120, "eat": 180, "wat": 60, "pkt": 300, "ict": 420, "wib": 420, "sgt": 480,
        "hkt": 480, "awst": 480, "pht": 480, "kst": 540, "jst": 540, "acst": 570, "acdt": 630,
        "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    ]

    /// `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`; RFC 850's `Sunday, 01-Dec-24 10:00:00 GMT` and
    /// asctime's `Sun Dec  1 10:00:00 2024` (gave no date; found by QA).
    static func rfc822(_ text: String) -> (date: Date, offset: Int)? {
        if let common = commonRFC822(text) { return common }
        return generalRFC822(text)
    }

    /// ``rfc822(_:)`` as nearly every feed writes it, `Thu, 31 Oct 2024 18:00:00 +0000` (the
    /// day's name and the seconds may be left out; the zone is `+hhmm`, `-hhmm`, `GMT`, `UTC`,
    /// `UT`, `Z` or none), read by its bytes: the general reading split it into words and
    /// looked its parts up as strings, 29,000 instructions a date. Nil for any other form (or
    /// no date), which the general reading then reads.
    static func commonRFC822(_ text: String) -> (date: Date, offset: Int)? {
        var text = text
        return text.withUTF8 { commonRFC822($0) }
    }

    private static func commonRFC822(_ bytes: UnsafeBufferPointer<UInt8>) -> (date: Date, offset: Int)? {
        var index = 0
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func number(_ least: Int, _ most: Int) -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, index - start < most, FeedItemDraft.isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index - start >= least ? value : nil
        }
        // Three ASCII letters, lowercased, as one number.
        func name() -> UInt32? {
            guard index + 3 <= bytes.count else { return nil }
            var letters: UInt32 = 0
            for byte in bytes[index..<index + 3] {
                guard FeedItemDraft.isLetter(byte) else { return nil }
                letters = letters << 8 | UInt32(byte | 0x20)
            }
            index += 3
            return letters
        }
        if index < bytes.count, FeedItemDraft.isLetter(bytes[index]) {
            guard let day = name(), packedDays.contains(day), take(UInt8(ascii: ",")), take(UInt8(ascii: " "))
            else { return nil }
        }
        guard let day = number(1, 2), take(UInt8(ascii: " ")), let monthName = name(),
            let month = packedMonths.firstIndex(of: monthName), take(UInt8(ascii: " ")),
            let year = number(4, 4)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if take(UInt8(ascii: " ")) {
            guard let h = number(2, 2), take(UInt8(ascii: ":")), let m = number(2, 2) else { return nil }
            hour = h
            minute = m
            if take(UInt8(ascii: ":")) {
                guard let s = number(2, 2) else { return nil }
                second = s
            }
            if take(UInt8(ascii: " ")) {
                if let sign = bytes[index...].first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    index += 1
                    guard let digits = number(4, 4) else { return nil }
                    // Past 14 hours or 59 minutes the general reading takes no offset.
                    let (hours, minutes) = (digits / 100, digits % 100)
                    let seconds = hours <= 14 && minutes < 60 ? hours * 3600 + minutes * 60 : 0
                    offset = sign == UInt8(ascii: "-") ? -seconds : seconds
                } else {
                    var zone: UInt32 = 0
                    while index < bytes.count, FeedItemDraft.isLetter(bytes[index]), zone < 1 << 16 {
                        zone = zone << 8 | UInt32(bytes[index] | 0x20)
                        index += 1
                    }
                    guard utcNames.contains(zone) else { return nil }
                }
            }
        }
        guard index == bytes.count else { return nil }
        return date(year, month + 1, day, hour, minute, Double(second), offset).map { ($0, offset) }
    }

    /// The English months' and days' names and UTC's as ``commonRFC822(_:)`` packs them.
    private static let packedMonths = months.map(packed)
    private static let packedDays = days.map(packed)
    private static let utcNames = ["gmt", "utc", "ut", "z"].map(packed)

    private static func packed(_ name: String) -> UInt32 {
        name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// ``rfc822(_:)`` in every form it reads.
    static func generalRFC822(_ text: String) -> (date: Date, offset: Int)? {
        // A final "." is an abbreviation's or a day number's (`Dez.`, `5.`).
        var tokens = words(text.lowercased()).map { $0.last == "." ? String($0.dropLast()) : String($0) }
        // A day's name, in any language, also one that is a month's start (French "mar." for
        // mardi): a word before a day and its month.
        if let first = tokens.first, first.first?.isLetter == true,
            month(first) == nil || (tokens.count >= 3 && Int(tokens[1]) != nil && month(tokens[2]) != nil)
        {
            tokens.removeFirst()
        }
        if let first = tokens.first, let parts = dashedDate(first) {
            tokens.replaceSubrange(0..<1, with: parts)
        }
        if tokens.count >= 4, month(tokens[0]) != nil, tokens[2].contains(":"), let year = tokens.last,
            year.count == 4, Int(year) != nil
        {
            // asctime: the year last, after the time and the zone if any.
            tokens = [tokens[1], tokens[0], year] + tokens[2..<tokens.count - 1]
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int
        var monthNumber: Int
        if let value = Int(tokens[0]), let named = month(tokens[1]) {
            day = value
            monthNumber = named
        } else if let named = month(tokens[0]), let value = Int(tokens[1]) {
            day = value
            monthNumber = named
        } else {
            return nil
        }
        guard var year = Int(tokens[2]) else { return nil }
        if tokens[2].count <= 2 { year += year < 70 ? 2000 : 1900 }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if tokens.count >= 4 {
            // A 12-hour clock's mark, after the time ("2:12:09 PM") or on it ("2:12pm").
            var time = Substring(tokens[3])
            var isPM = meridiem(ofWhole: time)
            if isPM == nil, let mark = meridiemEnding(time) {
                isPM = mark.isPM
                time = time.dropLast(mark.length)
            }
            if isPM == nil, tokens.count >= 5, let mark = meridiem(ofWhole: Substring(tokens[4])) {
                isPM = mark
                tokens.remove(at: 4)
            }
            let parts = timeParts(String(time)).map { Int($0) }
            guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
            hour = isPM.map { twentyFourHour(h, isPM: $0) } ?? h
            minute = m
            if parts.count >= 3 { second = parts[2] ?? 0 }
        }
        if tokens.count >= 5 {
            offset = zoneOffset(tokens[4]) ?? 0
        }
        return date(year, monthNumber, day, hour, minute, Double(second), offset).map { ($0, offset) }
    }

    /// The words of a date: its parts between spaces, commas, tabs and line breaks. Text whose
    /// bytes are its characters is split by its bytes: split by its characters, a date cost
    /// 20,000 instructions, a tenth of reading its item.
    private static func words(_ text: String) -> [Substring] {
        if bytesAreCharacters(text) {
            return text.utf8.split {
                $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\t")
                    || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            }
            .map { Substring($0) }
        }
        // A CR LF is one character, neither "\r" nor "\n": "Mon, 01 Jan 2024\r\n10:00" was one word
        // too many and no date (found by QA).
        return text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    }

    /// The parts of a time between its colons, split as ``words(_:)`` are.
    private static func timeParts(_ text: String) -> [Substring] {
        if bytesAreCharacters(text) {
            return text.utf8.split(separator: UInt8(ascii: ":")).map { Substring($0) }
        }
        return text.split(separator: ":")
    }

    /// Whether each byte of `text` is a character of its own: ASCII without a CR LF (one
    /// character, which is no line break to `split`).
    private static func bytesAreCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x80 || (previous == UInt8(ascii: "\r") && byte == UInt8(ascii: "\n")) { return false }
            previous = byte
        }
        return true
    }

    /// RFC 850's `01-dec-24` as its day, month and year.
    private static func dashedDate(_ token: String) -> [String]? {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, Int(parts[0]) != nil, month(parts[1]) != nil, Int(parts[2]) != nil else {
            return nil
        }
        return parts
    }

    /// The month of an English name or its start (`dec`, `march`), else of one in another
    /// language (``FeedMonthNames``).
    private static func month(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        let start = String(token.prefix(3))
        if let index = months.firstIndex(of: start) { return index + 1 }
        // An English day's name is none: the other languages' table is not built for it (the
        // first date of every English feed built it, half a millisecond of the first screen).
        if days.contains(start) { return nil }
        return FeedMonthNames.month(token)
    }

    private static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Seconds east of UTC for `+hhmm`, `-hh:mm` or a zone name.
    private static func zoneOffset(_ token: String) -> Int? {
        if let minutes = zones[token] { return minutes * 60 }
        var token = Substring(token)
        // `GMT+0200`, `UTC-05:00`, `GMT+2`: the offset after the name.
        for name in ["gmt", "utc"] where token.hasPrefix(name) && token.count > name.count {
            token = token.dropFirst(name.count)
        }
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        // The digits of ASCII by their bytes: `isNumber` looks a property up for each.
        let digits =
            token.utf8.allSatisfy { $0 < 0x80 }
            ? String(decoding: token.utf8.dropFirst().filter { FeedItemDraft.isDigit($0) }, as: UTF8.self)
            : token.dropFirst().filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2 || digits.count == 1, let value = Int(digits) else {
            return nil
        }
        let (hours, minutes) = digits.count == 4 ? (value / 100, value % 100) : (value, 0)
        // No zone is more than 14 hours from UTC (`GMT+24`, `+0260` gave a time a day off).
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// `YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]`, also with a space for `T` and `/` for `-`.
    static func rfc3339(_ text: String) -> (date: Date, offset: Int)? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ maxDigits: Int) -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, index - start < maxDigits, FeedItemDraft.isDigit(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }
        func skip(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), index == 4, skip("-/"), let month = number(2), skip("-/"),
            let day = number(2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0.0
        var offset = 0
        if skip("Tt ") {
            guard let h = number(2), skip(":"), let m = number(2) else { return nil }
            hour = h
            minute = m
            if skip(":") {
                guard let s = number(2) else { return nil }
                second = Double(s)
                if skip(".,") {
                    let start = index
                    if let fraction = number(9) {
                        second += Double(fraction) / pow(10, Double(index - start))
                    }
                    while index < bytes.count, FeedItemDraft.isDigit(bytes[index]) { index += 1 }
                }
            }
            // White space before the zone, a line break too ("10:00:00\r\n+01:00").
            while index < bytes.count,
                bytes[index] == UInt8(ascii: " ") || (0x09...0x0D).contains(bytes[index])
            { index += 1 }
            if index < bytes.count {
                var rest = Substring(String(decoding: bytes[index...], as: UTF8.self).lowercased())
                // A 12-hour clock's mark before the zone, if any ("2024-12-03 2:12:09 PM").
                if let mark = meridiemStart(rest) {
                    hour = twentyFourHour(hour, isPM: mark.isPM)
                    rest = rest.dropFirst(mark.length).drop { $0 == " " }
                }
                if !rest.isEmpty {
                    guard let zone = zoneOffset(String(rest)) else { return nil }
                    offset = zone
                }
            }
        }
        return date(year, month, day, hour, minute, second, offset).map { ($0, offset) }
    }

    /// The marks of a 12-hour clock, lowercased, and whether each is PM's.
    private static let meridiems: [(mark: String, isPM: Bool)] = [
        ("a.m.", false), ("p.m.", true), ("a.m", false), ("p.m", true), ("am", false), ("pm", true),
    ]

    /// Whether `word` (lowercased) is a 12-hour clock's PM (true) or AM (false); nil when it is
    /// neither.
    private static func meridiem(ofWhole word: Substring) -> Bool? {
        meridiems.first { $0.mark == word }?.isPM
    }

    /// The 12-hour clock's mark a time ends with ("2:12pm"), and its length in characters.
    private static func meridiemEnding(_ time: Substring) -> (isPM: Bool, length: Int)? {
        guard let last = time.last, last == "m" || last == "." else { return nil }
        return meridiems.first { time.hasSuffix($0.mark) }.map { ($0.isPM, $0.mark.count) }
    }

    /// The 12-hour clock's mark `text` (lowercased) starts with as a word of its own ("pm",
    /// "pm -05:00", "pm+01:00"), and its length in characters.
    private static func meridiemStart(_ text: Substring) -> (isPM: Bool, length: Int)? {
        guard let first = text.first, first == "a" || first == "p" else { return nil }
        return meridiems.first {
            text.hasPrefix($0.mark) && text.dropFirst($0.mark.count).first?.isLetter != true
        }.map { ($0.isPM, $0.mark.count) }
    }

    /// The hour of the day of `hour` on a 12-hour clock: 12 AM is 0, 1 PM is 13. An hour of no
    /// 12-hour clock (0, or past 12: "14:10 PM") stays as it is.
    private static func twentyFourHour(_ hour: Int, isPM: Bool) -> Int {
        guard (1...12).contains(hour) else { return hour }
        return hour % 12 + (isPM ? 12 : 0)
    }

    /// How many days `month` (1–12) has in `year`.
    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The instant of a civil date and time at `offset` seconds east of UTC.
    static func date(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Double, _ offset: Int
    ) -> Date? {
        // A day the month does not have ("31 Feb" became 3 March), and a year before the
        // Gregorian calendar (Go's zero date, "01 Jan 0001", stands for none; found by QA).
        guard year >= 1583, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
            (0...24).contains(hour), (0...59).contains(minute), second < 61
        else { return nil }
        // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
        return Date(timeIntervalSince1970: seconds)
    }
}
