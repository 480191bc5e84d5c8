import XCTest

@testable import GazetteCore

/// Only the feed's own `rel="self"` link is the document's address, the base of relative links
/// no `xml:base` covers (RFC 4287 4.2.7.2; RFC 3986 5.1.3). An entry's self link (the entry's
/// own address) or its `<source>`'s (the feed a planet copied it from) became the base of every
/// later entry's links when the feed had none: a relative link went to the wrong host.
final class AtomSelfLinkTests: XCTestCase {
    private let relativeEntry = """
        <entry><id>urn:3</id><title>Three</title><link href="posts/3/"/>
        <link rel="enclosure" type="audio/mpeg" href="media/3.mp3"/></entry>
        """

    private func feed(_ entries: String, head: String = "") -> ParsedFeed {
        ParsedFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>\(head)\(entries)</feed>")
    }

    func testAnEntrysOrItsSourcesSelfLinkIsNoBaseForLaterEntries() {
        let earlier = [
            """
            <entry><id>urn:1</id><title>One</title>
            <link rel="self" href="https://api.example.org/entries/1.atom"/>
            <link rel="alternate" type="text/html" href="https://blog.example.com/posts/1/"/></entry>
            """,
            """
            <entry><id>urn:2</id><title>Two</title><link href="https://b.example.net/2"/>
            <source><title>B</title><link rel="self" href="https://b.example.net/feed/atom.xml"/></source></entry>
            """,
        ]
        for entry in earlier {
            let parsed = feed(entry + relativeEntry)
            XCTAssertEqual(parsed.items.last?.link, "posts/3/", entry)
            XCTAssertEqual(parsed.items.last?.enclosures, ["media/3.mp3"], entry)
        }
        XCTAssertEqual(feed(earlier[0]).first?.link, "https://blog.example.com/posts/1/")
    }

    func testTheFeedsOwnSelfLinkIsTheBase() {
        let parsed = feed(relativeEntry, head: "<link rel=\"self\" href=\"https://ex.com/feed.atom\"/>")
        XCTAssertEqual(parsed.first?.link, "https://ex.com/posts/3/")
        XCTAssertEqual(parsed.first?.enclosures, ["https://ex.com/posts/3/media/3.mp3"])
    }

    /// An entry with no link but its self link keeps it as its link, but its body's and media's
    /// relative addresses are the document's (they were resolved against the entry's own
    /// address, an Atom document of its own).
    func testAnEntrysOwnSelfLinkIsNoBaseForItsBody() {
        let entry = """
            <entry><id>urn:1</id><title>One</title><link rel="self" href="https://api.ex.com/entries/1.atom"/>
            <link rel="enclosure" type="audio/mpeg" href="media/1.mp3"/>
            <content type="html">&lt;p&gt;See &lt;a href="notes.html"&gt;notes&lt;/a&gt;.&lt;/p&gt;</content></entry>
            """
        let head = "<link rel=\"self\" href=\"https://ex.com/blog/feed.atom\"/>"
        let opened = OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: .atom),
            bytes: FileBytes(
                bytes: Array(
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>\(head)\(entry)</feed>".utf8)
            ))
        let found = opened.indexAll().compactMap { opened.article($0) }
        XCTAssertEqual(found.map(\.link), ["https://api.ex.com/entries/1.atom"])
        XCTAssertEqual(
            found.map(\.links), [["https://ex.com/blog/notes.html", "https://ex.com/blog/media/1.mp3"]])
        // With no address for the document, they stay as written.
        XCTAssertEqual(feed(entry).first?.enclosures, ["media/1.mp3"])
    }
}
