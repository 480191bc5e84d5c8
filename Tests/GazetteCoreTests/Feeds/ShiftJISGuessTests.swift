import Foundation
import XCTest

@testable import GazetteCore

/// Undeclared Shift_JIS is told from windows-1252 by its runs of two-byte characters.
final class ShiftJISGuessTests: XCTestCase {
    private func feed(_ title: [UInt8]) -> [UInt8] {
        Array("<rss><channel><item><title>".utf8) + title
            + Array("</title><link>https://news.example/1</link></item></channel></rss>".utf8)
    }

    private func decode(_ bytes: [UInt8]) -> FeedTextDecoder.Decoded {
        bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
    }

    /// A short undeclared title whose characters' second bytes are ASCII showed as windows-1252
    /// ("ƒTƒbƒJ[" for "サッカー", "’nk" for "地震"). Titles of two to six characters
    /// whose second bytes are high read as Japanese as they did.
    func testShortShiftJISTitlesAreJapanese() {
        for (bytes, text): ([UInt8], String) in [
            ([0x92, 0x6E, 0x90, 0x6B], "地震"),
            ([0x83, 0x54, 0x83, 0x62, 0x83, 0x4A, 0x81, 0x5B], "サッカー"),
            ([0x83, 0x6A, 0x83, 0x85, 0x81, 0x5B, 0x83, 0x58, 0x91, 0xAC, 0x95, 0xF1], "ニュース速報"),
            ([0x91, 0xE5, 0x89, 0x4A, 0x8C, 0x78, 0x95, 0xF1], "大雨警報"),
            ([0x83, 0x7D, 0x83, 0x43, 0x83, 0x69, 0x83, 0x58, 0x8B, 0xE0, 0x97, 0x98], "マイナス金利"),
        ] {
            let decoded = decode(feed(bytes))
            XCTAssertEqual(decoded.encoding, "Shift_JIS", text)
            XCTAssertEqual(ParsedFeed(feed(bytes)).items.map(\.title), [text])
        }
    }

    /// windows-1252 quotes, apostrophes and dashes each before one Latin letter are a run of
    /// valid Shift_JIS pairs too, but stay windows-1252.
    func testQuotesAndDashesBetweenLettersStayWindows1252() {
        for (bytes, text): ([UInt8], String) in [
            (Array("Rock".utf8) + [0x92, 0x6E, 0x92] + Array("roll".utf8), "Rock’n’roll"),
            ([0x91, 0x61, 0x92, 0x73, 0x20, 0x96, 0x61, 0x96, 0x62, 0x85, 0x63], "‘a’s –a–b…c"),
            (Array("It".utf8) + [0x92] + Array("s".utf8), "It’s"),
        ] {
            let decoded = decode(feed(bytes))
            XCTAssertEqual(decoded.encoding, "windows-1252", text)
            XCTAssertEqual(ParsedFeed(feed(bytes)).items.map(\.title), [text])
        }
    }
}
