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

    /// Atom's `rel="enclosure"` links and JSON Feed's attachments are labelled the same way:
    /// they were addresses alone.
    func testAtomAndJSONFeedEnclosuresAreLabelledAsRSSOnesAre() {
        let atom = articles(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><id>urn:1</id><title>Ep</title><link href="https://x.example/1"/>
            <link rel="enclosure" type="audio/mpeg" length="70123456" href="https://cdn.example/1.mp3"/>
            <link rel="enclosure" href="https://cdn.example/1.bin"/></entry></feed>
            """, format: .atom)
        XCTAssertEqual(atom.map(\.linkLabels), [[0: "audio (mpeg, 70 MB)"]])
        XCTAssertEqual(atom.first?.links, ["https://cdn.example/1.mp3", "https://cdn.example/1.bin"])
        let json = articles(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "F", "home_page_url": "https://x.example/",
             "items": [{"id": "1", "title": "Ep", "content_text": "Notes.",
              "attachments": [{"url": "ep1.m4a", "mime_type": "audio/x-m4a", "size_in_bytes": 89970236},
                              {"url": "https://cdn.example/1.pdf"}]}]}
            """, format: .jsonFeed)
        XCTAssertEqual(json.map(\.linkLabels), [[0: "audio (x-m4a, 90 MB)"]])
        XCTAssertEqual(json.first?.links, ["https://x.example/ep1.m4a", "https://cdn.example/1.pdf"])
        let layout = ArticleLayout(article: atom[0], width: 80)
        XCTAssertTrue(
            layout.lines.map(\.text).contains("[1] audio (mpeg, 70 MB): https://cdn.example/1.mp3"),
            "\(layout.lines.map(\.text))")
    }

    private func articles(_ text: String, format: SourceFormat) -> [Article] {
        let opened = OpenedSource(
            source: Source(path: "f", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
        return opened.indexAll().compactMap { opened.article($0) }
    }

    func testLabels() {
        XCTAssertEqual(
            FeedEnclosureLabel.label(type: "audio/x-m4a", length: "1500000000"), "audio (x-m4a, 1.5 GB)")
        XCTAssertEqual(FeedEnclosureLabel.label(type: nil, length: "52000"), "52 KB")
        XCTAssertEqual(FeedEnclosureLabel.label(type: "audio/mpeg\u{1B}[31m", length: "0"), "audio (mpeg31m)")
        XCTAssertNil(FeedEnclosureLabel.label(type: "", length: "x"))
    }

    /// A type's parameters are left out: they ran into its subtype ("mpegcodecsmp3"; found by QA).
    func testATypesParametersAreLeftOut() {
        XCTAssertEqual(
            FeedEnclosureLabel.label(type: "image/jpeg; charset=x", length: "5000"), "image (jpeg, 5 KB)")
        XCTAssertEqual(FeedEnclosureLabel.label(type: "audio/mpeg;codecs=mp3", length: nil), "audio (mpeg)")
        XCTAssertEqual(
            FeedEnclosureLabel.label(type: "audio/mp4; codecs=\"mp4a.40.2\"", length: "3000000"),
            "audio (mp4, 3 MB)")
        XCTAssertEqual(FeedEnclosureLabel.label(type: "; codecs=mp3", length: "3000000"), "3 MB")
    }

    /// A JSON Feed attachment with an empty address is left out: it showed as a label with no
    /// address ("[4] audio (mpeg):"; found by QA).
    func testAJSONFeedAttachmentWithoutAnAddressIsLeftOut() {
        let json = articles(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "F", "home_page_url": "https://x.example/",
             "items": [{"id": "1", "url": "https://x.example/1", "title": "Ep", "content_text": "Notes.",
              "attachments": [{"url": "", "mime_type": "audio/mpeg"}, {"url": "  ", "mime_type": "audio/mpeg"},
                              {"url": "https://cdn.example/1.mp3", "mime_type": "audio/mpeg"}]}]}
            """, format: .jsonFeed)
        XCTAssertEqual(json.first?.links, ["https://cdn.example/1.mp3"])
        XCTAssertEqual(json.map(\.linkLabels), [[0: "audio (mpeg)"]])
    }
}
