import XCTest

@testable import GazetteCore

/// Blogger's author of no name (`Unknown`, `noreply@blogger.com`) credits no one, at an entry or
/// at the feed; a named author with the same address keeps the name, and so does "Unknown" with
/// another address.
final class AtomPlaceholderAuthorTests: XCTestCase {
    /// Each post showed "Unknown" as its byline and in the list's credit (found by QA).
    func testBloggersAuthorOfNoNameCreditsNoOne() {
        let feed = ParsedFeed(
            """
            <?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'><id>tag:blogger.com,1999:blog-1</id><title type='text'>A Blog</title>
            <author><name>Unknown</name><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author>
            <entry><id>tag:blogger.com,1999:blog-1.post-1</id><title type='text'>No name</title><content type='html'>&lt;p&gt;One.&lt;/p&gt;</content><author><name>Unknown</name><uri>https://www.blogger.com/profile/1</uri><email>noreply@blogger.com</email><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author></entry>
            <entry><id>tag:blogger.com,1999:blog-1.post-2</id><title type='text'>Named</title><content type='html'>&lt;p&gt;Two.&lt;/p&gt;</content><author><name>Ana Lima</name><uri>https://www.blogger.com/profile/2</uri><email>noreply@blogger.com</email></author></entry>
            <entry><id>tag:blogger.com,1999:blog-1.post-3</id><title type='text'>Address first</title><content type='html'>&lt;p&gt;Three.&lt;/p&gt;</content><author><email>NoReply@Blogger.com</email><name>Unknown</name></author></entry>
            <entry><id>tag:blogger.com,1999:blog-1.post-4</id><title type='text'>Own address</title><content type='html'>&lt;p&gt;Four.&lt;/p&gt;</content><author><name>Unknown</name><email>unknown@example.com</email></author></entry>
            </feed>
            """)
        XCTAssertEqual(feed.items.map(\.author), [nil, "Ana Lima", nil, "Unknown"])
    }

    /// A feed's placeholder leaves its entries without an author of their own uncredited, and a
    /// named feed author still credits them.
    func testTheFeedsAuthorOfNoNameCreditsNoEntry() {
        let named = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><author><name>Unknown</name><email>noreply@blogger.com</email></author><author><name>Editor</name></author>
            <entry><title>T</title><id>tag:b,2026:1</id></entry></feed>
            """)
        XCTAssertEqual(named.items.map(\.author), ["Editor"])
        let placeholder = ParsedFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><author><name>Unknown</name><email>noreply@blogger.com</email></author>
            <entry><title>T</title><id>tag:b,2026:1</id></entry></feed>
            """)
        XCTAssertEqual(placeholder.items.map(\.author), [nil])
    }
}
