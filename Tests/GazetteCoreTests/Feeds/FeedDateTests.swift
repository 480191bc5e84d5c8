import Foundation
import XCTest

@testable import GazetteCore

/// Old date forms feeds still write: RFC 850 (`Sunday, 01-Dec-24 10:00:00 GMT`) and C's
/// asctime (`Sun Dec  1 10:00:00 2024`), as HTTP dates know them
/// (https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7).
final class FeedDateTests: XCTestCase {
    private func utc(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }

    /// An RFC 850 date gave none (found by QA).
    func testRFC850AndAsctimeDatesAreRead() {
        let expected = utc("2024-12-01T10:00:00Z")
        for text in [
            "Sunday, 01-Dec-24 10:00:00 GMT", "Sun, 01-Dec-2024 10:00:00 GMT", "01-Dec-2024 10:00:00 +0000",
            "Sunday, 01-Dec-24 11:00:00 +0100", "Sun Dec  1 10:00:00 2024", "Sun Dec 01 10:00:00 2024",
            "Sun Dec 1 10:00:00 GMT 2024",
        ] {
            XCTAssertEqual(FeedDate.parse(text), expected, text)
        }
        XCTAssertEqual(FeedDate.parseWithOffset("Sunday, 01-Dec-24 11:00:00 +0100")?.offset, 3600)
    }

    /// Zone names besides RFC 822's, and an offset after `GMT` or `UTC`, give the time they
    /// mean (read as UTC, it was hours off; found in review).
    func testOtherZoneNamesAndOffsetsAfterGMT() {
        let expected = utc("2026-12-05T08:00:00Z")
        for text in [
            "Sat, 05 Dec 2026 10:00:00 GMT+0200", "Sat, 05 Dec 2026 10:00:00 UTC+02:00",
            "Sat, 05 Dec 2026 10:00:00 GMT+2", "Sat, 05 Dec 2026 10:00:00 EET",
            "Sat, 05 Dec 2026 09:00:00 MEZ",
            "Sat, 05 Dec 2026 18:00:00 AEST", "Sat, 05 Dec 2026 17:30:00 ACST",
            "Sat, 05 Dec 2026 03:00:00 EST",
        ] {
            XCTAssertEqual(FeedDate.parse(text), expected, text)
        }
        XCTAssertEqual(FeedDate.parseWithOffset("Sat, 05 Dec 2026 10:00:00 GMT+0200")?.offset, 7200)
        // No zone is further than 14 hours: an offset past that is none (found by QA).
        for text in [
            "Sat, 05 Dec 2026 10:00:00 GMT+24", "Sat, 05 Dec 2026 10:00:00 UTC+25:00",
            "Sat, 05 Dec 2026 10:00:00 GMT+0260", "Sat, 05 Dec 2026 10:00:00 +9999",
        ] {
            XCTAssertEqual(FeedDate.parseWithOffset(text)?.offset, 0, text)
        }
    }

    /// ASCII dates are split by their bytes, others by their characters: both read the same,
    /// and a CR LF, one character, still parts no words.
    func testDatesSplitByBytesAndByCharactersReadTheSame() {
        let expected = utc("2026-12-05T08:00:00Z")
        for text in [
            "Sat, 05 Dec 2026 10:00:00 +0200", "Sat,\t05 Dec 2026\n10:00:00\r+0200",
            "Sat, 05 Dec 2026 10:00:00 +0200 é", "Sat, 05 Dec 2026 10:00:00 +0200 \u{1F389}",
            "Sat, 05 Dec 2026 10:00:00 +02:00", "Sat, 05 Dec 2026 10:00:00 GMT+2 café",
        ] {
            XCTAssertEqual(FeedDate.parse(text), expected, text)
            XCTAssertEqual(FeedDate.parseWithOffset(text)?.offset, 7200, text)
        }
        XCTAssertEqual(FeedDate.parse("Sat, 05 Déc. 2026 10:00:00 +0200"), expected)
        // A CR LF, one character, parts words as a space does (no date was read; found by QA).
        let tenUTC = utc("2026-12-05T10:00:00Z")
        for text in [
            "Sat, 05 Dec 2026\r\n10:00:00 GMT", "Sat, 05 Dec 2026\r\n10:00:00 GMT é",
            "Sat,\r\n05 Dec 2026 10:00:00 GMT",
            "Sat, 05\r\nDéc. 2026 10:00:00 GMT", "\r\nSat, 05 Dec 2026 10:00:00 GMT\r\n",
            "2026-12-05T10:00:00\r\nZ", "2026-12-05T12:00:00\r\n+02:00",
        ] {
            XCTAssertEqual(FeedDate.parse(text), tenUTC, text)
        }
        // Digits that are no ASCII ones make no offset, as before.
        XCTAssertEqual(
            FeedDate.parseWithOffset("Sat, 05 Dec 2026 10:00:00 +\u{662}\u{660}\u{660}")?.offset, 0)
    }

    /// A year of two digits is of 1970–2069: 70–99 are 19xx, the others 20xx.
    func testTwoDigitYears() {
        XCTAssertEqual(FeedDate.parse("Tuesday, 01-Jan-70 00:00:00 GMT"), utc("1970-01-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Friday, 31-Dec-99 00:00:00 GMT"), utc("1999-12-31T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Monday, 01-Jan-69 00:00:00 GMT"), utc("2069-01-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Thu, 31 Oct 24 18:00:00 +0000"), utc("2024-10-31T18:00:00Z"))
    }

    /// What is none of the forms still gives no date.
    func testNonDatesGiveNone() {
        for text in [
            "01-Foo-24 10:00:00 GMT", "Sun Dec 10:00:00 2024", "Sun Dec 1 10:00:00", "1-2-3", "Dec-2024",
        ] {
            XCTAssertNil(FeedDate.parse(text), text)
        }
    }

    /// Month and day names in other languages gave no date (found by QA): the common
    /// European months, in full or cut short, with or without a final ".", after a day's name
    /// in any language.
    func testMonthsAndDaysInOtherLanguagesAreRead() {
        XCTAssertEqual(FeedDate.parse("Sa, 05 Dez 2026 10:00:00 +0100"), utc("2026-12-05T09:00:00Z"))
        XCTAssertEqual(FeedDate.parseWithOffset("Sa, 05 Dez 2026 10:00:00 +0100")?.offset, 3600)
        let days: [(String, String)] = [
            ("mar., 05 mai 2026", "2026-05-05"), ("mardi 5 mai 2026", "2026-05-05"),
            ("05 ene 2026", "2026-01-05"), ("5 mei 2026", "2026-05-05"), ("05 maj 2026", "2026-05-05"),
            ("Sáb., 05 dez. 2026", "2026-12-05"), ("5. Dezember 2026", "2026-12-05"),
            ("jeu., 5 févr. 2026", "2026-02-05"), ("5 juin 2026", "2026-06-05"),
            ("5 juil. 2026", "2026-07-05"),
            ("5 août 2026", "2026-08-05"), ("5 aout 2026", "2026-08-05"), ("Do, 05 Mär 2026", "2026-03-05"),
            ("05 Mrz 2026", "2026-03-05"), ("05 mrt 2026", "2026-03-05"), ("5 maart 2026", "2026-03-05"),
            ("05 Okt 2026", "2026-10-05"), ("05 des. 2026", "2026-12-05"), ("5 grudnia 2026", "2026-12-05"),
            ("5 paź 2026", "2026-10-05"), ("5 września 2026", "2026-09-05"), ("5 lis 2026", "2026-11-05"),
            ("martes, 5 de marzo", ""), ("mié, 05 abr 2026", "2026-04-05"),
            ("05 septiembre 2026", "2026-09-05"),
        ]
        for (text, day) in days {
            XCTAssertEqual(FeedDate.parse(text), day.isEmpty ? nil : utc(day + "T00:00:00Z"), text)
        }
        let italian = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
        let portuguese = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]
        for (index, names) in zip(italian, portuguese).enumerated() {
            let expected = utc(String(format: "2026-%02d-05T10:00:00Z", index + 1))
            XCTAssertEqual(FeedDate.parse("05 \(names.0) 2026 10:00:00 +0000"), expected, names.0)
            XCTAssertEqual(FeedDate.parse("qua, 05 \(names.1). 2026 10:00:00 GMT"), expected, names.1)
        }
        // A start two months share names neither.
        XCTAssertNil(FeedDate.parse("05 jui 2026"))
    }

    /// English dates read as they did.
    func testEnglishDatesStayAsTheyWere() {
        let expected = utc("2026-03-05T10:00:00Z")
        for text in [
            "Thu, 05 Mar 2026 10:00:00 GMT", "Thursday, 05 March 2026 10:00:00 +0000", "Mar 05 2026 10:00:00",
            "Mar. 5, 2026 10:00:00", "05 Mar 2026 10:00:00 GMT.", "Thu Mar  5 10:00:00 2026",
        ] {
            XCTAssertEqual(FeedDate.parse(text), expected, text)
        }
        XCTAssertEqual(FeedDate.parse("Sun, 01 Sep 2024 00:00:00 GMT"), utc("2024-09-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Tue, 01 May 2024 00:00:00 GMT"), utc("2024-05-01T00:00:00Z"))
        XCTAssertEqual(FeedDate.parse("Sat, 01 June 2024 00:00:00 GMT"), utc("2024-06-01T00:00:00Z"))
        XCTAssertNil(FeedDate.parse("Mon 05 Foo 2026"))
    }

    /// The common RFC 822 form read by its bytes gives what the general reading gives, over
    /// day names, days, months, years, times and zones of that form and near it (those it
    /// leaves to the general reading give nil).
    func testCommonDatesReadByBytesAsTheGeneralReadingReadsThem() {
        let dayNames = [
            "", "Thu, ", "thu, ", "SUN, ", "Mon, ", "Xyz, ", "Mar, ", "Thu,", "Thursday, ", "Thu ",
        ]
        let days = ["1", "01", "31", "29", "30", "0", "32", "5", "005", "+5"]
        let months =
            ["Jan", "feb", "MAR", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            + ["Sept", "Foo", "Mär", "June"]
        let years = ["2024", "1999", "1582", "0000", "24", "20245"]
        let times =
            ["", " 18:00", " 18:00:00", " 8:00:00", " 24:00:00", " 23:59:60", " 25:00:00", " 18:61:00"]
            + [" 18:00:00:00", " 18:0", "  18:00:00"]
        let zones = [
            "", " +0000", " -0500", " +0530", " +1400", " +1500", " +0260", " -0000", " GMT", " gmt", " UT",
            " Z", " UTC", " EST", " GMT+0200", " +05:30", " +05", " +00000", " GMTX", " ",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func pick<T>(_ choices: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return choices[Int(state >> 33) % choices.count]
        }
        var texts = months.map { "Thu, 05 \($0) 2026 10:00:00 +0000" }
        texts += zones.map { "Thu, 05 Mar 2026 10:00:00\($0)" } + times.map { "05 Mar 2026\($0) GMT" }
        texts += days.map { "Thu, \($0) Mar 2026 10:00:00 GMT" } + years.map { "Thu, 05 Mar \($0) 10:00 GMT" }
        texts += dayNames.map { "\($0)05 Mar 2026 10:00:00 GMT" }
        for _ in 0..<20_000 {
            texts.append(
                pick(dayNames) + pick(days) + " " + pick(months) + " " + pick(years) + pick(times)
                    + pick(zones))
        }
        var common = 0
        for text in texts {
            guard let fast = FeedDate.commonRFC822(text) else { continue }
            common += 1
            let general = FeedDate.generalRFC822(text)
            XCTAssertEqual(fast.date, general?.date, text)
            XCTAssertEqual(fast.offset, general?.offset, text)
        }
        XCTAssertGreaterThan(common, 300)
        for text in [
            "Thu, 31 Oct 2024 18:00:00 +0000", "Sun, 1 Dec 2024 10:00 GMT", "05 Mar 2026 10:00:00 -0500",
        ] {
            XCTAssertNotNil(FeedDate.commonRFC822(text), text)
        }
    }

    /// A time on the 12-hour clock, as some generators write it ("2:12:09 PM"), is read with
    /// its AM or PM: the hour was read as it stood (PM hours came 12 hours early) and the zone
    /// after the PM was lost, or the date was none.
    func testTwelveHourTimesAreReadWithTheirAMOrPM() {
        let afternoon = utc("2024-12-03T19:12:09Z")
        for text in [
            "Tue, 03 Dec 2024 2:12:09 PM EST", "Tue, 03 Dec 2024 02:12:09 pm -0500",
            "Tue, 03 Dec 2024 2:12:09PM -0500", "03 Dec 2024 2:12:09 p.m. -0500",
            "2024-12-03 2:12:09 PM -05:00", "2024-12-03T02:12:09pm-05:00",
            "Tuesday, December 3, 2024 2:12:09 PM EST",
        ] {
            XCTAssertEqual(FeedDate.parse(text), afternoon, text)
        }
        XCTAssertEqual(FeedDate.parseWithOffset("Tue, 03 Dec 2024 2:12:09 PM EST")?.offset, -18_000)
        XCTAssertEqual(FeedDate.parse("Tue, 03 Dec 2024 12:30 AM +0000"), utc("2024-12-03T00:30:00Z"))
        XCTAssertEqual(FeedDate.parse("Tue, 03 Dec 2024 12:30 PM +0000"), utc("2024-12-03T12:30:00Z"))
        XCTAssertEqual(FeedDate.parse("Tue, 03 Dec 2024 11:59:59 am +0000"), utc("2024-12-03T11:59:59Z"))
        XCTAssertEqual(FeedDate.parse("2024-12-03 12:00 AM"), utc("2024-12-03T00:00:00Z"))
        // An hour past 12 or of 0 is on no 12-hour clock: read as it stands ("HH:mm tt").
        XCTAssertEqual(FeedDate.parse("Tue, 03 Dec 2024 14:12:09 PM +0000"), utc("2024-12-03T14:12:09Z"))
        XCTAssertEqual(FeedDate.parse("2024-12-03 00:12 AM"), utc("2024-12-03T00:12:00Z"))
    }
}
