import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Atom content the feed says is base64-encoded showed as a wall of letters: Atom 0.3's
/// `mode="base64"` is decoded and read as its type says; Atom 1.0 content of a type neither
/// text nor XML (base64 data, RFC 4287 4.1.3.3) shows the summary and a note naming it. Text
/// that only looks like base64 stays as it is.
final class AtomBase64ContentTests: XCTestCase {
    private func articles(_ feed: String, format: SourceFormat = .atom) -> [Article] {
        FeedText.articles(of: feed, format: format)
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

    /// Decoded text is read in the charset its type names, else in the feed's encoding (its XML
    /// declaration's); it was read as UTF-8 whatever the feed said, "Café" as "Caf\u{FFFD}".
    func testAtom03Base64TextIsReadInTheCharsetTheFeedSays() {
        func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
        let latin1 = base64(
            Array("<p>Caf".utf8) + [0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65] + Array("</p>".utf8))
        let cp1252 = base64([0x93] + Array("Quoted".utf8) + [0x94, 0x20, 0x80, 0x20, 0x35])
        let utf8 = base64(Array("Caf\u{E9} \u{65E5}\u{672C}".utf8))
        let feed = { (declaration: String, entries: String) in
            """
            <?xml version="1.0" encoding="\(declaration)"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title>\(entries)</feed>
            """
        }
        let inLatin1 = articles(
            feed(
                "ISO-8859-1",
                """
                <entry><id>urn:a</id><title>Declared</title><content type="text/html" mode="base64">\(latin1)</content></entry>
                <entry><id>urn:b</id><title>Named</title><content type="text/plain; charset=&quot;UTF-8&quot;" mode="base64">\(utf8)</content></entry>
                """))
        XCTAssertEqual(inLatin1.map(\.paragraphs), [["Café crème"], ["Café 日本"]])
        let inUTF8 = articles(
            feed(
                "UTF-8",
                """
                <entry><id>urn:a</id><title>Named</title><summary type="text/plain; charset=windows-1252" mode="base64">\(cp1252)</summary></entry>
                <entry><id>urn:b</id><title>Wrong</title><content type="text/html" mode="base64">\(latin1)</content></entry>
                """))
        XCTAssertEqual(inUTF8.map(\.paragraphs), [["“Quoted” € 5"], ["Caf\u{FFFD} cr\u{FFFD}me"]])
    }

    /// A byte not text in the charset named is U+FFFD, not dropped, nor the whole text lost: a
    /// byte-order mark says the charset; a charset not known is no charset.
    func testCharsetTextShowsBadBytesAsReplacementCharacters() {
        // "日本" in Shift_JIS, a byte no Shift_JIS has, then "!".
        XCTAssertEqual(
            CharsetText.decode([0x93, 0xFA, 0x96, 0x7B, 0xFF, 0x21], charset: "Shift_JIS"), "日本\u{FFFD}!")
        XCTAssertEqual(CharsetText.decode([0x93, 0xFA, 0x96, 0x7B], charset: "shift_jis"), "日本")
        XCTAssertEqual(CharsetText.decode([0x61, 0xE9, 0x62], charset: "utf-8"), "a\u{FFFD}b")
        XCTAssertEqual(CharsetText.decode([0x61, 0xE9], charset: "iso-8859-1"), "aé")
        XCTAssertEqual(
            CharsetText.decode([0xFF, 0xFE, 0x61, 0x00, 0x62], charset: "windows-1252"), "a\u{FFFD}")
        XCTAssertEqual(CharsetText.decode([0xEF, 0xBB, 0xBF, 0xC3, 0xA9], charset: "windows-1252"), "é")
        XCTAssertNil(CharsetText.decode([0x61], charset: "no-such-charset"))
        XCTAssertEqual(AtomBase64Content.charset(in: "text/html; q=1; CHARSET = \"koi8-r\""), "koi8-r")
        XCTAssertNil(AtomBase64Content.charset(in: "text/html"))
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
