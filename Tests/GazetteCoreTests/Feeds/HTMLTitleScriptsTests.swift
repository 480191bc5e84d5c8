import XCTest

@testable import GazetteCore

/// A title's superscripts and subscripts read as the body's: `E=mc<sup>2</sup>` read "E=mc2"
/// in the title and "E=mc²" in the body. Ids made from titles do not change.
final class HTMLTitleScriptsTests: XCTestCase {
    func testTitlesWriteSuperscriptsAndSubscriptsAsBodiesDo() {
        for html in [
            "E=mc<sup>2</sup> and H<sub>2</sub>O", "The 1<sup>st</sup> of x<sup>k+1</sup>, Word<sup>®</sup>",
            "note<sup>[3]</sup>, 10 <sup> -3</sup>",
        ] {
            XCTAssertEqual(
                HTMLRenderer.titleText(html), HTMLRenderer.render("<p>\(html)</p>").paragraphs.first, html)
        }
        XCTAssertEqual(HTMLRenderer.titleText("E=mc<sup>2</sup>"), "E=mc²")
        XCTAssertEqual(HTMLRenderer.titleText("E=mc<sup>2</sup>", writingScripts: false), "E=mc2")
        // Bodies' one-line text (word counts) is as before.
        XCTAssertEqual(HTMLRenderer.plainText("E=mc<sup>2</sup>"), "E=mc2")
    }

    private let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link>
        <item><title>E=mc&lt;sup&gt;2&lt;/sup&gt;</title><link>https://f.example/</link>
        <description>&lt;p&gt;E=mc&lt;sup&gt;2&lt;/sup&gt; holds.&lt;/p&gt;</description></item>
        <item><title>Other</title><link>https://f.example/</link></item>
        </channel></rss>
        """

    func testAFeedItemsTitleReadsAsItsBody() throws {
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "f", format: .rss),
            bytes: FileBytes(bytes: Array(feed.utf8)))
        let summaries = opened.indexAll()
        XCTAssertEqual(summaries.map(\.title), ["E=mc²", "Other"])
        // (A body that is the title again is left out: FeedTitleInBody.)
        XCTAssertEqual(opened.article(summaries[0])?.paragraphs.first, "E=mc² holds.")
        // The id made from the title (the item's link is the feed's) is made as before, of "E=mc2".
        var fingerprint = ContentFingerprint()
        fingerprint.add("E=mc2")
        XCTAssertEqual(
            summaries[0].id.rawValue, "https://f.example/#title:" + fingerprint.hexDigest.prefix(8))
    }
}
