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
}
