import GazetteCore
import XCTest

/// A picture an Atom entry gives only in its Media RSS fields (`media:content`,
/// `media:thumbnail`, in a `media:group` or not) is listed among its links, as an RSS item's
/// is; it was not shown at all.
final class AtomMediaPicturesTests: XCTestCase {
    private func articles(_ entries: String) -> [Article] {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
            <title>F</title><link href="https://ex.com/"/><link rel="self" href="https://ex.com/feed.xml"/>
            \(entries)</feed>
            """
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: .atom),
            bytes: FileBytes(bytes: Array(atom.utf8)))
        return opened.indexAll().compactMap { opened.article($0) }
    }

    func testAnEntrysMediaPicturesAreListed() {
        let found = articles(
            """
            <entry><id>urn:a</id><title>Content</title><summary>Text.</summary>\
            <media:content medium="image" url="https://ex.com/a.jpg" type="image/jpeg" fileSize="52000"/>\
            <media:thumbnail url="https://ex.com/a-small.jpg"/></entry>
            <entry><id>urn:b</id><title>Group</title><summary>Text.</summary>\
            <media:group><media:title>B</media:title><media:content url="https://ex.com/v.swf" type="application/x-shockwave-flash"/>\
            <media:thumbnail url="/b.png"/><media:description>Text.</media:description></media:group></entry>
            <entry><id>urn:c</id><title>Inline</title><content type="html">&lt;img src="https://ex.com/c.jpg" alt="C"&gt;</content>\
            <media:content medium="image" url="https://ex.com/c.jpg"/></entry>
            <entry><id>urn:d</id><title>Episode</title><summary>Text.</summary><link href="https://ex.com/d"/>\
            <link rel="enclosure" href="https://ex.com/d.mp3" type="audio/mpeg"/><media:thumbnail url="https://ex.com/d.jpg"/></entry>
            """)
        XCTAssertEqual(
            found.map(\.links),
            [["https://ex.com/a.jpg"], ["https://ex.com/b.png"], [], ["https://ex.com/d.mp3"]])
        XCTAssertEqual(found.first?.linkLabels, [0: "image (jpeg, 52 KB)"])
        XCTAssertEqual(found.dropFirst().first?.linkLabels, [0: "image"])
        XCTAssertEqual(found.map(\.paragraphs)[2], ["[image: C]"])
    }

    /// A picture of at most 64 pixels each way is an icon (the 30-pixel avatar of a commit's
    /// author in GitHub's Atom feeds), not the story's: not listed, in Atom as in RSS.
    func testAnIconIsNotListed() {
        let found = articles(
            """
            <entry><id>urn:a</id><title>Commit</title><link href="https://ex.com/c"/><summary>Text.</summary>            <media:thumbnail height="30" width="30" url="https://ex.com/avatar.png"/></entry>
            <entry><id>urn:b</id><title>Wide</title><link href="https://ex.com/w"/><summary>Text.</summary>            <media:thumbnail height="30" width="300" url="https://ex.com/banner.png"/></entry>
            """)
        XCTAssertEqual(found.map(\.links), [[], ["https://ex.com/banner.png"]])
    }

    /// An RSS item's `media:group` is read as its pictures outside one are.
    func testAnRSSItemsMediaGroupIsListed() {
        let rss = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>F</title>
            <item><guid>g</guid><title>T</title><description>Text.</description>\
            <media:group><media:content url="https://ex.com/g.jpg" medium="image"/></media:group></item>
            </channel></rss>
            """
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: .rss),
            bytes: FileBytes(bytes: Array(rss.utf8)))
        XCTAssertEqual(
            opened.indexAll().compactMap { opened.article($0) }.map(\.links), [["https://ex.com/g.jpg"]])
    }
}
