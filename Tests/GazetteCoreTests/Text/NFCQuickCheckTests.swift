import Foundation
import XCTest

@testable import GazetteCore

/// The quick check tells text already in NFC without normalising it, and never takes text that
/// is not for text that is.
final class NFCQuickCheckTests: XCTestCase {
    private func isComposed(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { NFCQuickCheck.isComposed($0) }
    }

    private func composed(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes {
            NFCQuickCheck.composed(LineSpan(start: 0, end: bytes.count), in: $0)
        }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Text as news is written (composed, marks that compose with nothing, emoji) passes the
    /// quick check: it is hashed as written, at no cost.
    func testComposedTextPassesAsItStands() {
        for text in [
            "", "Plain ASCII, a line long enough to go eight bytes at a time.", "Élection à Montréal",
            "Thủ tướng phát biểu tại Hà Nội", "서울에서 열린 회의", "प्रधानमंत्री ने कहा",
            "東京大学の研究", "مرحبا بالعالم", "Ελληνικά", "Привет, мир", "🇫🇷 👩‍💻 news",
        ] {
            let nfc = text.precomposedStringWithCanonicalMapping
            XCTAssertTrue(isComposed(nfc), text)
            XCTAssertNil(composed(nfc), text)
        }
    }

    /// Decomposed text (a mark after its letter, Hangul as jamo), marks out of their canonical
    /// order, and a character NFC writes otherwise (क़, Ω as the Ohm sign) are normalised.
    func testTextThatMayChangeIsNormalised() {
        let cases = [
            "e\u{301}lection", "Vie\u{323}\u{302}t", "\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}",
            "\u{958}", "\u{2126}", "a\u{305}\u{316}",
        ]
        for text in cases {
            XCTAssertFalse(isComposed(text), text)
            XCTAssertEqual(composed(text), text.precomposedStringWithCanonicalMapping, text)
            XCTAssertNotEqual(composed(text).map { Array($0.utf8) }, Array(text.utf8), text)
        }
        // Marks that compose with nothing pass in their canonical order: below (220), then above (230).
        XCTAssertTrue(isComposed("a\u{316}\u{305}"))
        XCTAssertTrue(isComposed("\u{915}\u{94D}\u{937}"))
    }

    /// Bytes that are not UTF-8 are kept as written.
    func testInvalidUTF8IsKeptAsWritten() {
        for bytes: [UInt8] in [[0x65, 0xCC], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x65, 0xCC, 0x81, 0xFF]] {
            bytes.withUnsafeBytes {
                XCTAssertFalse(NFCQuickCheck.isComposed($0))
                XCTAssertNil(NFCQuickCheck.composed(LineSpan(start: 0, end: bytes.count), in: $0))
            }
        }
    }

    /// No code point the quick check passes alone, or after a letter, is changed by NFC (the
    /// table agrees with the normaliser the ids are made with, whose Unicode may be newer).
    func testTheTableAgreesWithTheNormaliser() {
        var checked = 0
        // Every plane with a character NFC changes or a mark (the others hold neither).
        for value in Array(UInt32(0x80)..<0x3_0000) + Array(0xE_0000..<0xE_1000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar))] where isComposed(text) {
                XCTAssertEqual(
                    Array(text.precomposedStringWithCanonicalMapping.utf8), Array(text.utf8),
                    String(value, radix: 16))
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 150_000)
    }
}
