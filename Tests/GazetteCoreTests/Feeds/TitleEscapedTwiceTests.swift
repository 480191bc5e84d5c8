import XCTest

@testable import GazetteCore

/// Titles escaped once more than their format says show their characters, not references;
/// a JSON Feed title dressed in tags shows without them; ids stay as they were.
final class TitleEscapedTwiceTests: XCTestCase {
    private func articles(_ text: String, format: SourceFormat, path: String) -> [Article] {
        let opened = OpenedSource(
            source: Source(path: path, displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
        return opened.indexAll().compactMap { opened.article($0) }
    }

    func testRedditAtomTitleAndWordPressCDATATitle() {
        let atom = articles(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>r</title><id>urn:r</id>
            <entry><id>t3_1</id><title>Kernel 6.13 released &amp;amp; it&amp;#39;s big</title></entry>
            <entry><id>t3_2</id><title>Q&amp;amp;A &amp;quot;live&amp;quot; &amp;#x27;now&amp;#x27;</title></entry>
            <entry><id>t3_3</id><title type="text">Plain &lt;dialog&gt; title, AT&amp;T</title></entry>
            </feed>
            """, format: .atom, path: "r.atom")
        XCTAssertEqual(
            atom.map(\.title),
            ["Kernel 6.13 released & it's big", "Q&A \"live\" 'now'", "Plain <dialog> title, AT&T"])
        let rss = articles(
            """
            <rss version="2.0"><channel><title>W</title>
            <item><title><![CDATA[Compost: <em>hot</em> vs cold &amp;amp; why it matters]]></title></item>
            <item><title><![CDATA[Tom &amp; Jerry]]></title></item>
            <item><title>&amp;copy 2024 AT&amp;T &amp;amp Co</title></item>
            </channel></rss>
            """, format: .rss, path: "w.xml")
        XCTAssertEqual(
            rss.map(\.title),
            ["Compost: hot vs cold & why it matters", "Tom & Jerry", "&copy 2024 AT&T &amp Co"])
        // Made of the title as it was read before.
        var fingerprint = ContentFingerprint()
        fingerprint.add("Compost: <em>hot</em> vs cold &amp;amp; why it matters")
        fingerprint.endPart()
        fingerprint.add("")
        XCTAssertEqual(rss.first?.id.rawValue, "sha:" + fingerprint.hexDigest)
    }

    func testJSONFeedTitleDressedInTags() {
        let json = articles(
            #"""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
              {"id": "1", "title": "A title with &amp; entity and <b>tags</b>", "content_text": "x"},
              {"id": "2", "title": "Vec<String> &lt;b&gt; wins", "content_text": "y"},
              {"id": "3", "title": "Die Rückkehr von <i> und <b>", "content_text": "z"}]}
            """#, format: .jsonFeed, path: "j.json")
        XCTAssertEqual(
            json.map(\.title),
            ["A title with & entity and tags", "Vec<String> <b> wins", "Die Rückkehr von <i> und <b>"])
    }
}
