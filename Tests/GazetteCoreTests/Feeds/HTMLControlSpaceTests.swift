import XCTest

@testable import GazetteCore

/// A control character between two words (form feed, DEL) parts them as a space: it
/// was dropped, and the words ran together ("FFand"; found by QA).
final class HTMLControlSpaceTests: XCTestCase {
    func testAControlBetweenWordsIsASpace() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>Tab&#9;and CR&#13;and FF&#12;and DEL&#127;and VT&#x0B;and raw\u{7F}del</p>"
            )
            .paragraphs,
            ["Tab and CR and FF and DEL and VT and raw del"])
    }
}
