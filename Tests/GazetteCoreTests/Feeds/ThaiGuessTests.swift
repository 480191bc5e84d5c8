import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Undeclared Thai in windows-874 is told from Cyrillic in windows-1251 by the order of its
/// letters and marks.
final class ThaiGuessTests: XCTestCase {
    /// `text` in windows-874: ASCII as it is, Thai letters, marks and digits from 0xA1, and
    /// windows-1252's quotes and ellipsis.
    private func windows874(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0...0x7F: return UInt8(scalar.value)
            case 0x201C: return 0x93
            case 0x201D: return 0x94
            case 0x2026: return 0x85
            case 0x0E01...0x0E3A: return UInt8(scalar.value - 0x0E01 + 0xA1)
            case 0x0E3F...0x0E5B: return UInt8(scalar.value - 0x0E3F + 0xDF)
            default: return 0x3F
            }
        }
    }

    private func windows1251(_ text: String) throws -> [UInt8] {
        try Array(XCTUnwrap(text.data(using: .windowsCP1251)))
    }

    private func isThai(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { ThaiGuess.isThai($0) }
    }

    private let thaiFeed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>ข่าวล่าสุด</title><link>https://news.example.th/</link>
        <item><title>รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจ</title><link>https://news.example.th/1</link>
        <description>นายกรัฐมนตรีกล่าวว่าประชาชนจำนวนมากจะได้รับประโยชน์ ซึ่งจะเริ่มต้นในเดือนมกราคม ๒๕๖๘</description></item>
        <item><title>น้ำท่วมหนักที่เชียงใหม่</title><link>https://news.example.th/2</link>
        <description>ชาวบ้านกว่า ๕๐๐ ครัวเรือนได้รับผลกระทบ “ข่าวด่วน”…</description></item>
        </channel></rss>
        """

    /// An undeclared Thai feed showed Cyrillic ("ўиТЗ" for "ข่าว"; found by QA).
    func testAnUndeclaredThaiFeedIsReadAsWindows874() throws {
        let bytes = windows874(thaiFeed)
        let decoded = bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
        XCTAssertEqual(decoded.encoding, "windows-874")
        XCTAssertNil(decoded.warning)
        XCTAssertTrue(decoded.text.contains("ได้รับผลกระทบ “ข่าวด่วน”…</description>"), decoded.text)
        let feed = ParsedFeed(bytes)
        XCTAssertEqual(feed.header?.title, "ข่าวล่าสุด")
        XCTAssertEqual(
            feed.items.map(\.title), ["รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจ", "น้ำท่วมหนักที่เชียงใหม่"])
        XCTAssertEqual(windows874("ข่าว"), [0xA2, 0xE8, 0xD2, 0xC7])
    }

    /// Cyrillic stays windows-1251: small letters one after another, and a headline in
    /// capitals among them; so do Korean and Chinese too short for ``DoubleByteGuess``.
    func testCyrillicKoreanAndChineseAreNotThai() throws {
        let russian = try windows1251(
            "<title>НОВОСТИ ДНЯ</title><description>Правительство объявило о новых мерах поддержки экономики.</description>"
        )
        let ukrainian = try windows1251(
            "<title>Київ цієї зими отримає нові автобуси, повідомила Київська міська рада. Їхня кількість зросте вдвічі.</title>"
        )
        let capitals = try windows1251("<title>ПРАВИТЕЛЬСТВО ОБЪЯВИЛО НОВЫЕ МЕРЫ ПОДДЕРЖКИ</title>")
        for bytes in [russian, ukrainian, capitals] {
            XCTAssertFalse(isThai(bytes), String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "windows-1251")
        }
        // 한국은행 기준금리 (EUC-KR) and 中国人民银行宣布降准 (GBK): pairs from 0xB0.
        let korean: [UInt8] = [
            0xC7, 0xD1, 0xB1, 0xB9, 0xC0, 0xBA, 0xC7, 0xE0, 0x20, 0xB1, 0xE2, 0xC1, 0xD8, 0xB1, 0xDD, 0xB8,
            0xAE,
        ]
        let chinese: [UInt8] = [
            0xD6, 0xD0, 0xB9, 0xFA, 0xC8, 0xCB, 0xC3, 0xF1, 0xD2, 0xF8, 0xD0, 0xD0, 0xD0, 0xFB, 0xB2, 0xBC,
            0xBD, 0xB5,
        ]
        XCTAssertFalse(isThai(korean))
        XCTAssertFalse(isThai(chinese))
        XCTAssertTrue(isThai(windows874(thaiFeed)))
    }

    /// A short Thai feed (a title and a sentence, under 16 high bytes) showed Cyrillic ("№йУ·иЗБ"
    /// for "น้ำท่วม"). Short Cyrillic, every run of one to three words of a paragraph in small
    /// letters, capitalized or in capitals, stays windows-1251, and Latin letters among ASCII
    /// windows-1252.
    func testShortThaiIsThaiAndShortCyrillicIsNot() throws {
        for (title, sentence) in [("น้ำท่วม", "ฝนตกหนัก"), ("ข่าวด่วน", ""), ("ราคาทองวันนี้", "")] {
            let bytes = windows874(
                "<rss><channel><item><title>\(title)</title><description>\(sentence)</description></item></channel></rss>"
            )
            let decoded = bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
            XCTAssertEqual(decoded.encoding, "windows-874", title)
            XCTAssertEqual(ParsedFeed(bytes).items.map(\.title), [title])
        }
        let paragraphs = [
            "Київ цієї зими отримає нові автобуси, повідомила міська рада у Києві. Їхня кількість зросте вдвічі, а ґанки шкіл відремонтують.",
            "Цены на бензин в регионах растут третью неделю подряд, сообщили аналитики в Москве.",
            "Према речима председника комисије, радови почињу већ на пролеће у Београду.",
        ]
        for paragraph in paragraphs {
            let words = paragraph.split(separator: " ").map(String.init)
            for length in 1...3 {
                for start in 0...(words.count - length) {
                    let phrase = words[start..<(start + length)].joined(separator: " ")
                    for text in [phrase, phrase.capitalized, phrase.uppercased()] {
                        let bytes = try windows1251("<title>\(text)</title>")
                        XCTAssertFalse(isThai(bytes), text)
                    }
                }
            }
        }
        let short = try windows1251("<title>Він пішов у Києві</title>")
        XCTAssertEqual(short.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "windows-1251")
        let latin: [UInt8] =
            Array("<title>Caf".utf8) + [0xE9] + Array(" Z".utf8) + [0xFC] + Array("rich ".utf8)
            + [0x96] + Array(" r".utf8) + [0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x20, 0x35, 0x20, 0x80]
            + Array("</title>".utf8)
        XCTAssertEqual(latin.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "windows-1252")
    }

    /// Thai whose runs of letters all have even lengths pairs up as GBK: a headline and a line
    /// of an undeclared feed (about 120 bytes), and a short dump, showed Chinese ("焦怠斯选费枨幻朽啡" for "ฝนตกหนักทั่วประเทศ").
    /// Its vowels and tone marks start pairs where Chinese, Japanese and Korean start rare
    /// characters; Korean that happens to keep Thai's order, and Chinese, stay two-byte.
    func testThaiThatPairsUpAsGBKIsThai() throws {
        let title = "ฝนตกหนักทั่วประเทศ"
        let bytes = FeedText.undeclaredRSS(title: windows874(title), description: windows874("ฝนตกหนัก"))
        XCTAssertLessThan(bytes.count, 240)
        XCTAssertEqual(bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "windows-874")
        XCTAssertEqual(ParsedFeed(bytes).items.map(\.title), [title])
        let dump = DumpText.article(title: title, paragraphs: ["เตือนประชาชนระวังน้ำท่วม"]) + "\n"
        let head = windows874(dump)
        XCTAssertTrue(head.withUnsafeBytes { LegacyEncodedText.isLegacy($0) })
        let read = String(decoding: head.withUnsafeBytes { LegacyEncodedText.utf8(of: $0) }, as: UTF8.self)
        XCTAssertEqual(read, dump)
        // Korean that keeps Thai's order (its first bytes are Thai's consonants), and Chinese.
        let korean = "이창용 총재는 기자회견에서 “물가”"
        let koreanBytes = try Array(XCTUnwrap(korean.data(using: FeedTextDecoder.eucKR)))
        XCTAssertTrue(koreanBytes.withUnsafeBytes { ThaiGuess.isThai($0) })
        let chinese = "国家统计局：今年前三季度国内生产总值同比增长"
        let chineseBytes = try Array(XCTUnwrap(chinese.data(using: FeedTextDecoder.gb18030)))
        // (Korean with quotes is read as Chinese, as before: fewer than nine in ten are Hangul.)
        let koreanFeed = FeedText.undeclaredRSS(title: koreanBytes, description: [])
        XCTAssertEqual(koreanFeed.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "GB18030")
        let chineseFeed = FeedText.undeclaredRSS(title: chineseBytes, description: [])
        XCTAssertEqual(chineseFeed.withUnsafeBytes { FeedTextDecoder.decode($0) }.encoding, "GB18030")
        XCTAssertEqual(ParsedFeed(chineseFeed).items.map(\.title), [chinese])
    }
}
