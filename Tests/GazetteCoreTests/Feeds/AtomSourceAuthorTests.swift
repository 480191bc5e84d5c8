import XCTest

@testable import GazetteCore

/// An Atom entry without an author of its own is credited to its `<source>`'s author before
/// the feed's (RFC 4287, 4.2.1), as planets copy entries from the blogs they gather.
final class AtomSourceAuthorTests: XCTestCase {
    /// A planet's entry without an author was credited to the planet's admin (found by QA).
    func testEntryWithoutAuthorIsCreditedToItsSource() {
        let feed = ParsedFeed(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Example</title><id>tag:planet,2026:f</id><author><name>Planet Admin</name></author>
            <entry><title>Post from blog A</title><id>tag:a,2026:1</id><content type="html">&lt;p&gt;From A&lt;/p&gt;</content>
            <source><id>tag:a,2026:feed</id><title>Blog A</title><author><name>Alice A</name></author></source></entry>
            <entry><title>Post from blog B</title><id>tag:b,2026:1</id><author><name>Bob B</name></author><source><title>Blog B</title><author><name>Other</name></author></source></entry>
            <entry><title>Post from blog C</title><id>tag:c,2026:1</id><source><title>Blog C</title></source></entry>
            <entry><title>Own post</title><id>tag:p,2026:1</id></entry>
            </feed>
            """)
        XCTAssertEqual(feed.items.map(\.author), ["Alice A", "Bob B", "Planet Admin", "Planet Admin"])
    }
}
