import XCTest

@testable import GazetteCore

/// An Atom feed without its own `rel="self"` link is read against its alternate link (the
/// site's page), as Miniflux and node-feedparser read it: an entry's relative link
/// (`/owner/repo/releases/tag/v1`, GitHub's) stayed relative, and could not be opened. The self
/// link comes first; an id made of a link stays as it was.
final class AtomAlternateBaseTests: XCTestCase {
    private func feed(head: String, entries: String) -> ParsedFeed {
        ParsedFeed(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>\(head)\(entries)</feed>")
    }

    private let entries = """
        <entry><id>urn:1</id><title>One</title><link href="/o/r/releases/tag/v1"/>
        <link rel="enclosure" type="audio/mpeg" href="media/1.mp3"/></entry>
        <entry xml:base="2024/"><title>Two</title><link href="post2"/></entry>
        """

    func testTheAlternateLinkIsTheBaseWhenTheFeedHasNoSelfLink() {
        let parsed = feed(
            head: "<link rel=\"alternate\" type=\"text/html\" href=\"https://github.com/o/r/releases\"/>",
            entries: entries)
        XCTAssertEqual(
            parsed.items.map(\.link),
            ["https://github.com/o/r/releases/tag/v1", "https://github.com/o/r/2024/post2"])
        XCTAssertEqual(parsed.first?.enclosures, ["https://github.com/o/r/releases/tag/media/1.mp3"])
        // The entry without an id is known by its link as it was read before.
        XCTAssertEqual(parsed.items.last?.id, "post2")
    }

    func testTheSelfLinkComesFirst() {
        let parsed = feed(
            head: """
                <link href="https://site.ex.com/"/><link rel="self" href="https://feeds.ex.net/a/feed.atom"/>
                """,
            entries: entries)
        XCTAssertEqual(
            parsed.items.map(\.link),
            ["https://feeds.ex.net/o/r/releases/tag/v1", "https://feeds.ex.net/a/2024/post2"])
        XCTAssertEqual(parsed.items.last?.id, "https://feeds.ex.net/a/2024/post2")
    }

    /// A relative alternate link is no address: the links compose with the relative bases only.
    func testARelativeAlternateLinkIsNoBase() {
        let parsed = feed(head: "<link href=\"/blog/\"/>", entries: entries)
        XCTAssertEqual(parsed.header?.link, "/blog/")
        XCTAssertEqual(parsed.items.map(\.link), ["/o/r/releases/tag/v1", "2024/post2"])
    }
}
