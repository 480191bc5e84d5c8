import Foundation
import XCTest

@testable import GazetteCore

/// Escaped HTML in a feed resolves its relative links against the `xml:base` in scope, as
/// inline XHTML does (they were left relative, or resolved against the entry's link).
final class HTMLLinkBaseTests: XCTestCase {
    private let base = URL(string: "http://example.org/blog/")!

    private func links(_ text: String) -> [[String]] {
        ParsedFeed(text).items.map { HTMLRenderer.render($0.content, baseURL: $0.link).links }
    }

    func testAtomHTMLContentResolvesAgainstXMLBase() {
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
            <title>Base</title><id>urn:b</id><updated>2024-01-01T00:00:00Z</updated>
            <entry><title>Html content, no entry link</title><id>b1</id><updated>2024-01-01T00:00:00Z</updated>
            <content type="html">&lt;p&gt;See &lt;a href="post/1.html"&gt;the post&lt;/a&gt; and &lt;img src="i.png" alt="pic"&gt;.&lt;/p&gt;</content></entry>
            <entry xml:base="http://other.example/x/"><title>Html content, entry base</title><id>b2</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="p2.html"/>
            <content type="html">&lt;p&gt;See &lt;a href="rel.html"&gt;rel&lt;/a&gt;.&lt;/p&gt;</content></entry>
            <entry><title>Html content, with absolute entry link</title><id>b3</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="http://example.org/blog/2024/post3.html"/>
            <content type="html">&lt;p&gt;See &lt;a href="rel.html"&gt;rel&lt;/a&gt;.&lt;/p&gt;</content></entry>
            <entry><title>Summary, its own base</title><id>b4</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="http://example.org/blog/2024/post4.html"/>
            <summary type="html" xml:base="../media/">&lt;a href="a.mp3"&gt;listen&lt;/a&gt;</summary></entry>
            <entry><title>Xhtml</title><id>b5</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="http://example.org/blog/2024/post5.html"/>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="rel.html">rel</a><a href="#fn1">1</a></div></content></entry>
            <entry><title>Footnote</title><id>b6</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="http://example.org/blog/2024/post6.html"/>
            <content type="html">&lt;a href="#fn1"&gt;1&lt;/a&gt; &lt;a href="n.html#fn1"&gt;n&lt;/a&gt;</content></entry>
            </feed>
            """
        XCTAssertEqual(
            links(feed),
            [
                ["http://example.org/blog/post/1.html"], ["http://other.example/x/rel.html"],
                ["http://example.org/blog/rel.html"], ["http://example.org/media/a.mp3"],
                ["http://example.org/blog/rel.html"], ["http://example.org/blog/n.html#fn1"],
            ])
        XCTAssertEqual(ParsedFeed(feed).items[1].link, "http://other.example/x/p2.html")
        XCTAssertEqual(
            ParsedFeed(feed).first?.content,
            "<p>See <a href=\"http://example.org/blog/post/1.html\">the post</a> and "
                + "<img src=\"http://example.org/blog/i.png\" alt=\"pic\">.</p>")
    }

    func testRSSDescriptionsResolveAgainstXMLBase() {
        let feed = """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel xml:base="http://example.org/blog/"><title>R</title>
            <item><link>http://example.org/blog/2024/one.html</link><description>&lt;a href="rel.html"&gt;rel&lt;/a&gt;</description></item>
            <item><link>http://example.org/blog/2024/two.html</link><content:encoded><![CDATA[<a href='x/y.html'>y</a>]]></content:encoded></item>
            </channel></rss>
            """
        XCTAssertEqual(
            links(feed), [["http://example.org/blog/rel.html"], ["http://example.org/blog/x/y.html"]])
    }

    func testWithoutXMLBaseLinksAreLeftToTheItemsLink() {
        let feed = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>N</title>
            <entry><title>E</title><id>e</id><link href="http://example.org/blog/2024/post.html"/>
            <content type="html">&lt;a href="rel.html"&gt;rel&lt;/a&gt;</content></entry></feed>
            """
        XCTAssertEqual(ParsedFeed(feed).first?.content, "<a href=\"rel.html\">rel</a>")
        XCTAssertEqual(links(feed), [["http://example.org/blog/2024/rel.html"]])
    }

    func testOnlyTheLinksOfTagsAreResolved() {
        func resolved(_ html: String) -> String { HTMLLinkBase.resolvingLinks(in: html, against: base) }
        XCTAssertEqual(
            resolved("<A HREF=a.html>a</A><img alt='x' src = 'i.png'/><a href=\"\">top</a>"),
            "<A HREF=http://example.org/blog/a.html>a</A><img alt='x' src = 'http://example.org/blog/i.png'/>"
                + "<a href=\"\">top</a>")
        XCTAssertEqual(
            resolved("<a href=\"https://x.example/\">x</a> <a href=\"mailto:a@b.example\">m</a>"),
            "<a href=\"https://x.example/\">x</a> <a href=\"mailto:a@b.example\">m</a>")
        XCTAssertEqual(
            resolved("<a title=\"href=x\" data-src=y href=../up>u</a>"),
            "<a title=\"href=x\" data-src=y href=http://example.org/up>u</a>")
        // Fragments refer to the story itself (footnotes): the reader leaves them out.
        XCTAssertEqual(
            resolved("<a href=\"#fn1\">1</a><a href=' #top'>t</a>"),
            "<a href=\"#fn1\">1</a><a href=' #top'>t</a>")
        // Not tags: a comment, a script's text, text that spells a tag out.
        let untouched =
            "<!-- <a href=c.html> --><script>s = '<img src=s.png>'</script> &lt;a href=t.html&gt; 1 < 2"
        XCTAssertEqual(resolved(untouched), untouched)
        XCTAssertEqual(
            resolved("<SCRIPT>x</Script><a href=after.html>"),
            "<SCRIPT>x</Script><a href=http://example.org/blog/after.html>")
    }
}
