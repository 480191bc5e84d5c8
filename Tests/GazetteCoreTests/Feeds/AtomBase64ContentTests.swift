import Foundation
import GazetteCore
import XCTest

/// Atom content the feed says is base64-encoded showed as a wall of letters: Atom 0.3's
/// `mode="base64"` is decoded and read as its type says; Atom 1.0 content of a type neither
/// text nor XML (base64 data, RFC 4287 4.1.3.3) shows the summary and a note naming it. Text
/// that only looks like base64 stays as it is.
final class AtomBase64ContentTests: XCTestCase {
    private func articles(_ feed: String, format: SourceFormat = .atom) -> [Article] {
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(feed.utf8)))
        return opened.indexAll().compactMap { opened.article($0) }
    }

    func testAtom03Base64ContentIsDecoded() {
        let found = articles(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title>
            <entry><id>urn:a</id><title>HTML</title>\
            <content type="text/html" mode="base64">PHA+SGVsbG8gPGI+YmFzZTY0PC9iPiB3b3JsZC48L3A+
            PHA+U2Vjb25kIMOpdMOpLjwvcD4=</content></entry>
            <entry><id>urn:b</id><title>Text</title><summary type="text/plain" mode="base64">UGxhaW4gbGluZSBvbmUu</summary></entry>
            <entry><id>urn:c</id><title>Escaped</title><content type="text/html" mode="escaped">&lt;p&gt;UGxhaW4=&lt;/p&gt;</content></entry>
            </feed>
            """)
        XCTAssertEqual(
            found.map(\.paragraphs),
            [["Hello base64 world.", "Second été."], ["Plain line one."], ["UGxhaW4="]])
        XCTAssertEqual(found.first?.wordCount, 5)
    }

    func testAtom10DataContentShowsTheSummaryAndANote() {
        let picture = Data((0..<2_000).map { UInt8($0 % 256) }).base64EncodedString(
            options: .lineLength76Characters)
        let found = articles(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><id>urn:a</id><title>Picture</title><summary>A chart of the week.</summary>\
            <content type="image/png">\(picture)</content></entry>
            <entry><id>urn:b</id><title>Alone</title><content type="image/png">\(picture)</content></entry>
            <entry><id>urn:c</id><title>Looks</title><content>SGVsbG8gd29ybGQ=</content></entry>
            <entry><id>urn:d</id><title>Text type</title><content type="text/plain">SGVsbG8gd29ybGQ=</content></entry>
            </feed>
            """)
        XCTAssertEqual(
            found.map(\.paragraphs),
            [
                ["A chart of the week.", "[image (png, 2 KB), not shown]"],
                ["[image (png, 2 KB), not shown]"],
                ["SGVsbG8gd29ybGQ="], ["SGVsbG8gd29ybGQ="],
            ])
    }

    /// RSS says nothing of base64: a description that looks like it stays as it is.
    func testRSSIsNotGuessed() {
        let found = articles(
            """
            <rss version="2.0"><channel><title>F</title>
            <item><guid>g</guid><title>T</title><description>PHA+SGVsbG88L3A+</description></item>
            </channel></rss>
            """, format: .rss)
        XCTAssertEqual(found.map(\.paragraphs), [["PHA+SGVsbG88L3A+"]])
    }
}
