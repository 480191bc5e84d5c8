import TestSupport
import XCTest

@testable import GazetteCore

/// An element's text is made a string checked eight bytes at a time where it is ASCII: it must
/// be the string `String(decoding:as:)` makes, valid or not, wherever its characters fall.
final class XMLTextStringTests: XCTestCase {
    private func assertSameAsTheStandardLibrary(
        _ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line
    ) {
        let made = XMLTextString.make(bytes)
        let expected = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(made, expected, "\(bytes)", file: file, line: line)
        XCTAssertEqual(Array(made.utf8), Array(expected.utf8), "\(bytes)", file: file, line: line)
    }

    func testASCIIAndOtherTextAreMadeAsTheStandardLibraryMakesThem() {
        for text in [
            "", "a", "Plain ASCII text longer than a word of eight bytes.", "été", "日本語のテキスト", "🎉 x 🎉",
        ] {
            assertSameAsTheStandardLibrary(Array(text.utf8))
            XCTAssertTrue(XMLTextString.make(Array(text.utf8)).utf8.elementsEqual(text.utf8))
        }
        XCTAssertEqual(XMLTextString.check(UnsafeRawBufferPointer(start: nil, count: 0)).valid, true)
        let ascii = Array("twenty ASCII bytes!!".utf8)
        XCTAssertTrue(ascii.withUnsafeBytes { XMLTextString.check($0) } == (true, true))
        let accented = Array("twenty ASCII bytes, é".utf8)
        XCTAssertTrue(accented.withUnsafeBytes { XMLTextString.check($0) } == (true, false))
    }

    /// A character outside ASCII at each place in and across the eight-byte words.
    func testACharacterAnywhereInTheWords() {
        for character in ["é", "€", "😀"] {
            for offset in 0..<24 {
                let text =
                    String(repeating: "a", count: offset) + character + String(repeating: "b", count: 17)
                assertSameAsTheStandardLibrary(Array(text.utf8))
            }
        }
    }

    /// Every lead byte outside ASCII with every second byte and a choice of the next two (over-
    /// long forms, surrogates, past U+10FFFF, cut short, lone continuation bytes), in a word and
    /// across two: whatever is not UTF-8 is repaired as the standard library repairs it.
    func testInvalidSequencesAreRepairedAsTheStandardLibraryRepairsThem() {
        for prefix in [[UInt8](), Array("1234567".utf8)] {
            for lead in UInt8(0x80)...0xFF {
                for second in UInt8(0)...0xFF {
                    for third: UInt8 in [0x41, 0x80, 0xBF] {
                        for fourth: UInt8 in [0x80, 0x41] {
                            let bytes = prefix + [lead, second, third, fourth] + Array("tail of text".utf8)
                            let made = XMLTextString.make(bytes)
                            if made != String(decoding: bytes, as: UTF8.self) {
                                XCTFail("\(bytes)")
                                return
                            }
                        }
                    }
                }
            }
        }
        assertSameAsTheStandardLibrary([0x61, 0xE2, 0x82])
        assertSameAsTheStandardLibrary([0xF0, 0x9F, 0x98])
        assertSameAsTheStandardLibrary(Array("cut short at the end ".utf8) + [0xC3])
    }

    /// Captured text reaches the item as it was: a title and a body with characters outside
    /// ASCII and references.
    func testAFeedsTextsAreTheSame() {
        let body = "<p>Zoë’s “café” — 日本 🎉 &amp; more</p>"
        let escaped = body.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;")
        let feed =
            "<rss><channel><title>T</title><item><title>Caf\u{E9} &amp; \u{1F389}</title>"
            + "<description>\(escaped)</description></item></channel></rss>"
        let item = ParsedFeed(feed).first
        XCTAssertEqual(item?.title, "Caf\u{E9} & \u{1F389}")
        XCTAssertEqual(item?.content, body)
    }

    /// A part of an array (a paragraph of the HTML builder's line) is made as the standard
    /// library makes it, wherever the part starts and ends: in a character, around bad bytes.
    func testAPartOfAnArrayIsMadeAsTheStandardLibraryMakesIt() {
        var generator = SeededGenerator(seed: 54)
        let pieces: [[UInt8]] =
            ["a", "plain words ", "é", "’", "日本", "😀", "\n"].map { Array($0.utf8) } + [
                [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xFF],
            ]
        for round in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).flatMap { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let end = Int.random(in: start...bytes.count, using: &generator)
            let part = bytes[start..<end]
            let made = XMLTextString.make(part)
            let expected = String(decoding: part, as: UTF8.self)
            XCTAssertEqual(made, expected, "round \(round): \(bytes) \(start)..<\(end)")
            XCTAssertEqual(Array(made.utf8), Array(expected.utf8), "round \(round)")
        }
    }
}
