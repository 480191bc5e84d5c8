import Foundation
import XCTest

@testable import GazetteCore

/// A FeedBurner item's `<link>` is FeedBurner's redirect; `feedburner:origLink` is the story's
/// page: the link shown and opened is the page, the id is made of the feed's link as before.
final class FeedBurnerOriginalLinkTests: XCTestCase {
    private func opened(_ text: String, format: SourceFormat) -> OpenedSource {
        OpenedSource(
            source: Source(path: "f.xml", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(text.utf8)))
    }

    private func stories(_ text: String, format: SourceFormat) -> [(
        summary: ArticleSummary, article: Article?
    )] {
        let source = opened(text, format: format)
        return source.indexAll().map { ($0, source.article($0)) }
    }

    private let burner = #"xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0""#

    func testAnRSSItemOpensItsOriginalPageAndKeepsItsId() {
        let rss = """
            <rss version="2.0" \(burner)><channel><title>Blog</title><link>https://blog.example.com/</link>
            <item><title>No guid</title><link>http://feedproxy.google.com/~r/Blog/~3/abc/</link>
            <description>One.</description>
            <feedburner:origLink>https://blog.example.com/2024/12/no-guid/</feedburner:origLink></item>
            <item><title>Page first</title>
            <feedburner:origLink> https://blog.example.com/2024/12/page-first/ </feedburner:origLink>
            <link>http://feedproxy.google.com/~r/Blog/~3/def/</link><guid isPermaLink="false">post-2</guid>
            <description>Two.</description></item>
            <item><title>Relative page</title><link>http://feedproxy.google.com/~r/Blog/~3/ghi/</link>
            <feedburner:origLink>/2024/12/relative/</feedburner:origLink><description>Three.</description></item>
            <item><title>No link</title><description>Four.</description>
            <feedburner:origLink>https://blog.example.com/2024/12/no-link/</feedburner:origLink></item>
            </channel></rss>
            """
        let shown = stories(rss, format: .rss)
        XCTAssertEqual(
            shown.map { $0.article?.link },
            [
                "https://blog.example.com/2024/12/no-guid/", "https://blog.example.com/2024/12/page-first/",
                "http://feedproxy.google.com/~r/Blog/~3/ghi/", nil,
            ])
        // The ids are as they were: the redirect for an item without a guid, the guid scoped.
        XCTAssertEqual(shown[0].summary.id.rawValue, "http://feedproxy.google.com/~r/Blog/~3/abc/")
        XCTAssertTrue(shown[1].summary.id.rawValue.hasSuffix("#post-2"))
        XCTAssertTrue(shown[3].summary.id.rawValue.hasPrefix("sha:"))
        XCTAssertTrue(shown[0].summary.earlierIDs.isEmpty)
    }

    func testAnRDFItemAndAnAtomEntryOpenTheirOriginalPages() {
        let rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" \(burner)>
            <channel rdf:about="http://slashdot.org/"><title>Slashdot</title><link>http://slashdot.org/</link></channel>
            <item rdf:about="http://slashdot.org/article.pl?sid=1"><title>One</title>
            <link>http://rss.slashdot.org/Slashdot/slashdot?m=1961</link><description>Text.</description>
            <feedburner:origLink>http://slashdot.org/article.pl?sid=05/11/19/2014233&amp;from=rss</feedburner:origLink></item>
            </rdf:RDF>
            """
        let rdfStory = stories(rdf, format: .rdf)
        XCTAssertEqual(
            rdfStory.first?.article?.link, "http://slashdot.org/article.pl?sid=05/11/19/2014233&from=rss")
        XCTAssertEqual(rdfStory.first?.summary.id.rawValue, "http://slashdot.org/article.pl?sid=1")
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" \(burner)><title>A</title>
            <entry><title>Entry</title><link rel="alternate" href="http://feedproxy.google.com/~r/A/~3/x/"/>
            <feedburner:origLink>https://a.example.org/entry</feedburner:origLink><content>Text.</content></entry>
            <entry><title>No id</title><link href="http://feedproxy.google.com/~r/A/~3/y/"/>
            <feedburner:origLink>https://a.example.org/other</feedburner:origLink></entry>
            </feed>
            """
        let atomStories = stories(atom, format: .atom)
        XCTAssertEqual(
            atomStories.map { $0.article?.link },
            ["https://a.example.org/entry", "https://a.example.org/other"])
        XCTAssertEqual(atomStories[1].summary.id.rawValue, "http://feedproxy.google.com/~r/A/~3/y/")
    }

    /// Whatever the item, its id is the one it has without its `origLink`: an item of media
    /// alone, named by its link (the page now), whose id is made of that name.
    func testEveryItemsIdIsTheOneItHasWithoutItsOriginalLink() {
        let items = [
            #"<item><link>https://pod.example/</link><enclosure url="https://pod.example/1.mp3"/>ORIG</item>"#,
            #"<item><link>http://feedproxy.google.com/~r/P/~3/1/</link><enclosure url="https://pod.example/2.mp3"/>ORIG</item>"#,
            "<item><title>T</title><link>http://feedproxy.google.com/~r/P/~3/2/</link>ORIG</item>",
            "<item><title>T</title><guid>g</guid><link>https://pod.example/</link>ORIG</item>",
        ]
        let page = "<feedburner:origLink>https://pod.example/episodes/1</feedburner:origLink>"
        for item in items {
            func story(_ orig: String) -> (summary: ArticleSummary, article: Article?)? {
                stories(
                    """
                    <rss version="2.0" \(burner)><channel><title>Pod</title><link>https://pod.example/</link>
                    \(item.replacingOccurrences(of: "ORIG", with: orig))</channel></rss>
                    """, format: .rss
                ).first
            }
            let with = story(page)
            let without = story("")
            XCTAssertEqual(with?.summary.id, without?.summary.id, item)
            XCTAssertEqual(with?.summary.earlierIDs, without?.summary.earlierIDs, item)
            XCTAssertEqual(with?.article?.link, "https://pod.example/episodes/1", item)
        }
    }
}
