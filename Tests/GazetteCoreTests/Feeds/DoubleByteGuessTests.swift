import Foundation
import XCTest

@testable import GazetteCore

/// Undeclared two-byte Chinese, Japanese and Korean text is read in the encoding it was written in.
final class DoubleByteGuessTests: XCTestCase {
    // 台灣股市今日收盤上漲，電子股領漲。行政院通過明年度中央政府總預算案 (Python's big5 codec).
    private let traditional: [UInt8] = [
        0xA5, 0x78, 0xC6, 0x57, 0xAA, 0xD1, 0xA5, 0xAB, 0xA4, 0xB5, 0xA4, 0xE9, 0xA6, 0xAC, 0xBD, 0x4C,
        0xA4, 0x57, 0xBA, 0xA6, 0xA1, 0x41, 0xB9, 0x71, 0xA4, 0x6C, 0xAA, 0xD1, 0xBB, 0xE2, 0xBA, 0xA6,
        0xA1, 0x43, 0xA6, 0xE6, 0xAC, 0x46, 0xB0, 0x7C, 0xB3, 0x71, 0xB9, 0x4C, 0xA9, 0xFA, 0xA6, 0x7E,
        0xAB, 0xD7, 0xA4, 0xA4, 0xA5, 0xA1, 0xAC, 0x46, 0xA9, 0xB2, 0xC1, 0x60, 0xB9, 0x77, 0xBA, 0xE2,
        0xAE, 0xD7,
    ]
    // The same in Simplified Chinese, GBK: every trail byte from 0xA1, so Big5 could read it too.
    private let simplified: [UInt8] = [
        0xCC, 0xA8, 0xCD, 0xE5, 0xB9, 0xC9, 0xCA, 0xD0, 0xBD, 0xF1, 0xC8, 0xD5, 0xCA, 0xD5, 0xC5, 0xCC,
        0xC9, 0xCF, 0xD5, 0xC7, 0xA3, 0xAC, 0xB5, 0xE7, 0xD7, 0xD3, 0xB9, 0xC9, 0xC1, 0xEC, 0xD5, 0xC7,
        0xA1, 0xA3, 0xD0, 0xD0, 0xD5, 0xFE, 0xD4, 0xBA, 0xCD, 0xA8, 0xB9, 0xFD, 0xC3, 0xF7, 0xC4, 0xEA,
        0xB6, 0xC8, 0xD6, 0xD0, 0xD1, 0xEB, 0xD5, 0xFE, 0xB8, 0xAE, 0xD7, 0xDC, 0xD4, 0xA4, 0xCB, 0xE3,
        0xB0, 0xB8,
    ]

    /// Undeclared Big5 (Taiwan, Hong Kong) is read as Big5: it was read as windows-1252 or Arabic,
    /// its ASCII trail bytes keeping it from the GBK guess. GBK whose pairs Big5 could read too
    /// stays GBK: its Big5 reading is of rare characters.
    func testUndeclaredBig5IsReadAsBig5() {
        func feed(_ body: [UInt8]) -> FeedTextDecoder.Decoded {
            let bytes =
                [UInt8]("<rss><channel><title>".utf8) + body + [UInt8]("</title></channel></rss>".utf8)
            return bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
        }
        let big5 = feed(traditional)
        XCTAssertEqual(big5.encoding, "Big5")
        XCTAssertTrue(big5.text.contains("台灣股市今日收盤上漲，電子股領漲。行政院通過明年度中央政府總預算案"), big5.text)
        let gbk = feed(simplified)
        XCTAssertEqual(gbk.encoding, "GB18030")
        XCTAssertTrue(gbk.text.contains("台湾股市今日收盘上涨，电子股领涨。行政院通过明年度中央政府总预算案"), gbk.text)
        // A dump saved in Big5 is read as its UTF-8 copy.
        let dump = [UInt8]("Title\n\n".utf8) + traditional + [UInt8]("\n\n".utf8) + traditional + [0x0A]
        dump.withUnsafeBytes { bytes in
            XCTAssertTrue(LegacyEncodedText.isLegacy(bytes))
            let text = String(decoding: LegacyEncodedText.utf8(of: bytes), as: UTF8.self)
            XCTAssertTrue(text.contains("\n\n台灣股市今日收盤上漲，"), text)
        }
    }

    /// A Big5 dump over a megabyte, whose first megabyte ends inside a character, is read as
    /// Big5: the guess was made on that megabyte as it was cut, which no two-byte encoding
    /// reads, and the whole dump showed as Arabic or Latin letters (found by QA).
    func testABigBig5DumpIsReadAsBig5() {
        var dump = [UInt8]("Title\n\n".utf8)
        // Two letters before the paragraphs: the megabyte's end falls inside a character.
        dump += [0x41, 0x42]
        while dump.count <= FeedTextDecoder.sniffLength + 4096 {
            dump += traditional + [0x0A, 0x0A]
        }
        let lineStart = (dump[..<FeedTextDecoder.sniffLength].lastIndex(of: 0x0A) ?? 0) + 1
        XCTAssertEqual(
            (FeedTextDecoder.sniffLength - lineStart) % 2, 1, "the megabyte ends inside a character")
        dump.withUnsafeBytes { bytes in
            XCTAssertTrue(LegacyEncodedText.isLegacy(bytes))
            let text = String(decoding: LegacyEncodedText.utf8(of: bytes), as: UTF8.self)
            XCTAssertTrue(
                text.hasSuffix("\n\n台灣股市今日收盤上漲，電子股領漲。行政院通過明年度中央政府總預算案\n\n"), String(text.suffix(80)))
        }
    }

    /// A short undeclared title (here of 4 to 7 characters, too few for their bytes to tell) reads
    /// in the encoding whose reading is mostly common characters: all of these read as Arabic,
    /// Greek or Cyrillic. Short Cyrillic whose words pair up stays Cyrillic.
    func testShortTitlesAreReadByTheirCommonCharacters() {
        let titles: [([UInt8], String, String)] = [
            ([0xB1, 0xB1, 0xBE, 0xA9, 0xBE, 0xD9, 0xD0, 0xD0, 0xBB, 0xE1, 0xD2, 0xE9], "GB18030", "北京举行会议"),
            (
                [0xAD, 0xBB, 0xB4, 0xE4, 0xA5, 0xDF, 0xAA, 0x6B, 0xB7, 0x7C, 0xBF, 0xEF, 0xC1, 0x7C], "Big5",
                "香港立法會選舉"
            ),
            (
                [0xBC, 0xAD, 0xBF, 0xEF, 0x20, 0xC1, 0xD6, 0xB0, 0xA1, 0x20, 0xBB, 0xF3, 0xBD, 0xC2],
                "EUC-KR",
                "서울 주가 상승"
            ),
            (
                [0xC5, 0xEC, 0xB5, 0xFE, 0xC5, 0xD4, 0xC3, 0xCE, 0xBB, 0xF6, 0xC1, 0xAA, 0xB5, 0xF3],
                "EUC-JP",
                "東京都知事選挙"
            ),
            ([0xD2, 0xE8, 0xF5, 0xEE, 0x20, 0xF2, 0xE0, 0xEC], "windows-1251", "Тихо там"),
        ]
        for (bytes, encoding, title) in titles {
            let plan = bytes.withUnsafeBytes { FeedTextDecoder.guessed($0) }
            XCTAssertEqual(plan.name, encoding, title)
            guard case .decoded(let text) = plan.kind else { return XCTFail(title) }
            XCTAssertEqual(text, title)
        }
    }

    /// A title of two characters, both common, reads in the encoding whose reading they are:
    /// each read as Cyrillic, Greek or Latin ("中国" as "ΦΐΉϊ"). Where two readings are common
    /// the first of GBK, Big5, EUC-KR, EUC-JP and Shift_JIS wins; short Cyrillic stays Cyrillic.
    func testTwoCharacterTitlesAreReadByTheirCommonCharacters() {
        let titles: [([UInt8], String, String)] = [
            ([0xD6, 0xD0, 0xB9, 0xFA], "GB18030", "中国"),
            ([0xBE, 0xAD, 0xBC, 0xC3], "GB18030", "经济"),
            ([0xA4, 0xA4, 0xB0, 0xEA], "Big5", "中國"),
            ([0xC7, 0xD1, 0xB1, 0xB9], "EUC-KR", "한국"),
            ([0x8C, 0x6F, 0x8D, 0xCF], "Shift_JIS", "経済"),
            ([0xEC, 0xE8, 0xF0, 0xE0], "windows-1251", "мира"),
            ([0xC4, 0xEE, 0xEC, 0xE0], "windows-1251", "Дома"),
        ]
        for (bytes, encoding, title) in titles {
            let plan = bytes.withUnsafeBytes { FeedTextDecoder.guessed($0) }
            XCTAssertEqual(plan.name, encoding, title)
            guard case .decoded(let text) = plan.kind else { return XCTFail(title) }
            XCTAssertEqual(text, title)
        }
    }
}
