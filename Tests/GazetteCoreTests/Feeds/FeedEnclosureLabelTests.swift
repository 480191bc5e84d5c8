import TestSupport
import XCTest

@testable import GazetteCore

/// A podcast's enclosure is labelled in the story's links with its type and size; it was an
/// address alone at the list's end (found by QA).
final class FeedEnclosureLabelTests: XCTestCase {
    func testAnEnclosureIsLabelledWithItsTypeAndSize() {
        let articles = FeedText.articles(
            ofRSSItems: """
                <item><guid>1</guid><title>Ep</title><description>&lt;a href="https://x.example/notes"&gt;Notes&lt;/a&gt;</description>
                <enclosure url="https://cdn.example/142.mp3" length="34012345" type="audio/mpeg"/></item>
                <item><guid>2</guid><title>Ep 2</title><enclosure url="https://cdn.example/2.mp4" length="1" type="video/mp4"/></item>
                <item><guid>3</guid><title>Ep 3</title><enclosure url="https://cdn.example/3.bin"/></item>
                """)
        XCTAssertEqual(articles.map(\.linkLabels), [[1: "audio (mpeg, 34 MB)"], [0: "video (mp4)"], [:]])
        XCTAssertEqual(articles.first?.links, ["https://x.example/notes", "https://cdn.example/142.mp3"])
        let layout = ArticleLayout(article: articles[0], width: 80)
        XCTAssertTrue(
            layout.lines.map(\.text).contains("[2] audio (mpeg, 34 MB): https://cdn.example/142.mp3"),
            "\(layout.lines.map(\.text))")
    }

    func testLabels() {
        XCTAssertEqual(
            FeedEnclosureLabel.label(type: "audio/x-m4a", length: "1500000000"), "audio (x-m4a, 1.5 GB)")
        XCTAssertEqual(FeedEnclosureLabel.label(type: nil, length: "52000"), "52 KB")
        XCTAssertEqual(FeedEnclosureLabel.label(type: "audio/mpeg\u{1B}[31m", length: "0"), "audio (mpeg31m)")
        XCTAssertNil(FeedEnclosureLabel.label(type: "", length: "x"))
    }
}
