import XCTest

@testable import GazetteCore

/// The warm-up the screen's thread runs while a feed's first item is looked for goes the whole
/// way a first story goes: rendered (its picture, link and entities), laid out, its words counted.
final class FeedRenderingWarmUpTests: XCTestCase {
    func testTheMadeUpStoryIsRenderedLaidOutAndCounted() {
        let wide = FeedRenderingWarmUp.run(width: 120)
        // The title, its blank line, the picture, its caption and two paragraphs at least.
        XCTAssertGreaterThanOrEqual(wide.lines, 6)
        XCTAssertGreaterThanOrEqual(wide.words, 7)
        let narrow = FeedRenderingWarmUp.run(width: 0)
        XCTAssertGreaterThan(narrow.lines, wide.lines, "laid out at 20 columns, not 0")
        XCTAssertEqual(narrow.words, wide.words)
        XCTAssertEqual(FeedRenderingWarmUp.run(width: 120).lines, wide.lines, "nothing kept between runs")
    }
}
