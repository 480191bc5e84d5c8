import Foundation
import XCTest

@testable import GazetteCore

/// A text says a caption again when it holds its letters and digits in a row.
final class CaptionWordsTests: XCTestCase {
    func testCaseSpacesAndPunctuationDoNotCount() {
        XCTAssertTrue(CaptionWords(["[image: Été à Paris (2024)]"]).say("ÉTÉ À PARIS, 2024"))
        XCTAssertTrue(CaptionWords(["Tom Petty’s", "drum-kit."]).say("Tom Petty's drum kit"))
        XCTAssertFalse(CaptionWords(["A bridge at dusk"]).say("A bridge at dawn"))
        XCTAssertFalse(CaptionWords(["anything"]).say("…"))
    }

    /// A hostile caption and text (each a letter repeated, the caption ending otherwise) are
    /// read once each, not once per place in the text.
    func testHostileTextIsReadInLinearTime() {
        let text = String(repeating: "a", count: 400_000)
        let caption = String(repeating: "a", count: 200_000) + "b"
        let start = Date()
        XCTAssertFalse(CaptionWords([text]).say(caption))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
