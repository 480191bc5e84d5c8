import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Undeclared Hebrew in windows-1255 is told from Cyrillic in windows-1251 by where its letters'
/// two forms and its points stand, and by which letters it writes most.
final class HebrewGuessTests: XCTestCase {
    private func feed(title: [UInt8], description: [UInt8]) -> [UInt8] {
        FeedText.undeclaredRSS(title: title, description: description)
    }

    private func windows1251(_ text: String) throws -> [UInt8] {
        try Array(XCTUnwrap(text.data(using: .windowsCP1251)))
    }

    private func windows1255(_ text: String) -> [UInt8] { FeedText.windows1255(text) }

    private func decode(_ bytes: [UInt8]) -> FeedTextDecoder.Decoded {
        bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
    }

    private let ukrainian = """
        ціни на пальне в регіонах зростають уже третій тиждень поспіль, повідомили аналітики. за \
        їхніми даними, літр бензину подорожчав у середньому на два відсотки, а в Києві та Львові ще \
        більше. експерти пов'язують це з ремонтом на нафтопереробних заводах і високим попитом \
        улітку. влада обіцяє стежити за ситуацією та не допустити дефіциту на заправках, де вже є \
        черги. водії скаржаться, що ціни на ґаз для авто теж ростуть, хоча торік вони були стабільні.
        """

    private let russian = """
        цены на бензин в регионах растут третью неделю подряд, сообщили аналитики. по их данным, \
        литр топлива подорожал в среднем на два процента, а в Москве еще сильнее. эксперты \
        связывают рост с ремонтом на заводах и высоким спросом летом. власти обещают следить за \
        ситуацией.
        """

    private let bulgarian = """
        в понеделник в софия се проведе заседание на общинския съвет, на което съветниците \
        обсъдиха ремонта на училищата и болниците. според председателя на комисията тази година \
        за тези нужди ще бъдат отделени повече от двеста милиона лева. освен това градът планира \
        да купи нови тролейбуси и да ремонтира мостовете над реката.
        """

    private let serbian = """
        у понедељак је у београду одржана седница градске скупштине, на којој су одборници \
        расправљали о поправци школа и болница. према речима председника комисије, ове године ће \
        за те потребе бити издвојено више од две милијарде динара. поред тога, град планира да \
        купи нове тролејбусе, а ђаци иду у школу по блату. радови почињу већ на пролеће.
        """

    /// Undeclared Ukrainian in small letters with a few capitals was read as Hebrew, then as
    /// windows-1252 for a byte windows-1255 lacks ("ö³íè íà ïàëüíå" for "ціни на пальне"): its
    /// letters are in Hebrew's range. So were Russian, Bulgarian and Serbian.
    func testUndeclaredCyrillicInSmallLettersIsWindows1251() throws {
        for (title, text) in [
            ("новини", ukrainian), ("новости", russian), ("новини", bulgarian), ("вести", serbian),
        ] {
            let bytes = feed(title: try windows1251(title), description: try windows1251(text))
            let decoded = decode(bytes)
            XCTAssertEqual(decoded.encoding, "windows-1251", text)
            XCTAssertTrue(decoded.text.contains("<description>\(text)</description>"), decoded.text)
            XCTAssertEqual(ParsedFeed(bytes).items.map(\.title), [title])
        }
        // A few words on their own too.
        for text in ["в этом году цены выросли", "ціни на пальне зростають", "за словами голови"] {
            let decoded = decode(feed(title: try windows1251(text), description: []))
            XCTAssertEqual(decoded.encoding, "windows-1251", text)
            XCTAssertTrue(decoded.text.contains(text), decoded.text)
        }
    }

    /// Hebrew stays windows-1255: news with abbreviations, numbers and quotes, and pointed
    /// text, which was read as Cyrillic ("бАМшЕащДСйъ" for "בְּרֵאשִׁית").
    func testUndeclaredHebrewWithAndWithoutPointsIsWindows1255() {
        let news = """
            משטרת ישראל פתחה הבוקר בחקירה לאחר שנמצאו סימנים לפריצה למשרדי העירייה בתל אביב. \
            לפי ההערכות, החשודים נכנסו דרך חלון בקומה השנייה ולקחו מחשבים ניידים. לדברי מנכ"ל \
            העירייה, כ-30 מחשבים נלקחו ב-2025, ובצה״ל אמרו כי אין חשש. מזג האוויר: מחר יהיה חם \
            מהרגיל לעונה, עם רוחות חזקות בהרים.
            """
        let pointed = """
            בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ. וְהָאָרֶץ הָיְתָה תֹהוּ וָבֹהוּ, וְחֹשֶׁךְ עַל פְּנֵי \
            תְהוֹם; וְרוּחַ אֱלֹהִים מְרַחֶפֶת עַל פְּנֵי הַמָּיִם.
            """
        for (title, text) in [("חדשות", news), ("בְּרֵאשִׁית", pointed), ("שלום", "שלום עליכם")] {
            let bytes = feed(title: windows1255(title), description: windows1255(text))
            let decoded = decode(bytes)
            XCTAssertEqual(decoded.encoding, "windows-1255", text)
            XCTAssertTrue(decoded.text.contains("<description>\(text)</description>"), decoded.text)
            XCTAssertEqual(ParsedFeed(bytes).items.map(\.title), [title])
        }
    }

    /// One-word titles: Hebrew words read as Cyrillic or Greek ("ишеш" for "טרור", "ηεψσ" for
    /// "חורף"), and Cyrillic words as Hebrew ("влада") or Greek ("бензину"). Each letter now
    /// weighs how much more often one language writes it than the other, and ς, σ and ъ ы ь keep
    /// to their places in a word.
    func testOneWordTitlesReadInTheirScript() throws {
        for word in ["חורף", "כדורסל", "טרור", "צילום"] {
            let decoded = decode(feed(title: windows1255(word), description: []))
            XCTAssertEqual(decoded.encoding, "windows-1255", word)
            XCTAssertEqual(
                ParsedFeed(feed(title: windows1255(word), description: [])).items.map(\.title), [word])
        }
        for word in ["влада", "заводах", "два", "Хоча", "мерах", "бензину", "Эксперты"] {
            let decoded = decode(feed(title: try windows1251(word), description: []))
            XCTAssertEqual(decoded.encoding, "windows-1251", word)
        }
        // Greek, Arabic, KOI8-R and Hebrew words that read right stay so.
        let greek = try Array(XCTUnwrap("Καιρός".data(using: .windowsCP1253)))
        XCTAssertEqual(decode(feed(title: greek, description: [])).encoding, "windows-1253")
        for word in ["שלום", "חדשות", "כלכלה", "ירושלים", "בחירות"] {
            XCTAssertEqual(
                decode(feed(title: windows1255(word), description: [])).encoding, "windows-1255", word)
        }
    }
}
