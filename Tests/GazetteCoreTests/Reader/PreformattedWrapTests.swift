import TestSupport
import XCTest

@testable import GazetteCore

/// A line of a feed's code (`pre`) too long for the pane goes on after "↪ ", so that a wrapped
/// line is told from two lines of the code; it went on flush left, as the code's next line.
/// Prose wraps as before, and a place in the story stays the same at every width.
final class PreformattedWrapTests: XCTestCase {
    func testAWrappedLineOfCodeGoesOnAfterAMark() throws {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>1</guid><title>Code</title><description>&lt;p&gt;Some prose that is long enough to \
                wrap at forty columns.&lt;/p&gt;&lt;pre&gt;let total = items.map { $0.price * $0.count }.reduce(0, +)
                print(total)&lt;/pre&gt;</description></item>
                """)
        let article = try XCTUnwrap(articles.first)
        let layout = ArticleLayout(article: article, width: 40)
        XCTAssertEqual(
            Array(layout.lines.map(\.text).dropFirst(2)),
            [
                "Some prose that is long enough to wrap", "at forty columns.", "",
                "    let total = items.map { $0.price *", "    ↪ $0.count }.reduce(0, +)", "    print(total)",
            ])
        let wide = ArticleLayout(article: article, width: 80)
        let last = try XCTUnwrap(layout.lines.lastIndex { $0.text == "    print(total)" })
        let lastWide = try XCTUnwrap(wide.lines.lastIndex { $0.text == "    print(total)" })
        XCTAssertEqual(layout.textOffset(ofLine: last), wide.textOffset(ofLine: lastWide))
    }
}
