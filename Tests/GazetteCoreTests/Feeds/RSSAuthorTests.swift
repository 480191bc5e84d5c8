import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// RSS 2.0's `<author>` is an address with the name in parentheses: the name is shown.
final class RSSAuthorTests: XCTestCase {
    private func credits(of items: String) -> [String?] {
        FeedText.articles(ofRSSItems: items, namespaces: #"xmlns:dc="http://purl.org/dc/elements/1.1/""#)
            .map(\.credit)
    }

    /// A podcast's `itunes:author`, the episode's else the channel's, is the byline of an episode
    /// that no `author` or `dc:creator` names (it had none; found by QA).
    func testAPodcastsAuthorIsTheBylineWhenNoOtherIsGiven() {
        let credits = FeedText.articles(
            ofRSSItems: """
                <item><guid>1</guid><title>A</title><author>jane@example.com (Jane Doe)</author><itunes:author>Not</itunes:author></item>
                <item><guid>2</guid><title>B</title><dc:creator>A One</dc:creator></item>
                <item><guid>3</guid><title>C</title><itunes:author>Sam &amp; Alex</itunes:author></item>
                <item><guid>4</guid><title>D</title></item>
                """,
            namespaces:
                #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd""#,
            channelHead: "<itunes:author>Pod Host</itunes:author>"
        ).map(\.credit)
        XCTAssertEqual(credits, ["Jane Doe", "A One", "Sam & Alex", "Pod Host"])
    }

    /// "nobody@flickr.com (Pat Photographer)" showed as written (found by QA).
    func testAnAddressWithANameShowsTheName() {
        let authors = [
            "nobody@flickr.com (Pat Photographer)", " jane@example.com  (Jane Doe) ", "spaced@example.com",
            "@alice@mastodon.social", "Bob (Guest)", "a@b.example (Jane (JD) Doe)", "a@b.example ()",
        ]
        let items = authors.enumerated().map { index, author in
            "<item><title>T\(index)</title><guid>n\(index)</guid><author>\(author)</author></item>"
        }
        XCTAssertEqual(
            credits(of: items.joined()),
            [
                "Pat Photographer", "Jane Doe", "spaced@example.com", "@alice@mastodon.social", "Bob (Guest)",
                "Jane (JD) Doe", "a@b.example ()",
            ])
    }

    /// Dublin Core's creator written in `<author>`'s form shows the name too (a WordPress
    /// feed's "editor@blog.example.com (Bob Editor)" showed whole; found by QA); other
    /// creators as written.
    func testACreatorInTheAuthorsFormShowsTheName() {
        let items = [
            "<item><title>T</title><guid>c</guid><dc:creator>jane@example.com (Jane)</dc:creator></item>",
            "<item><title>U</title><guid>d</guid><dc:creator>Bob (Guest)</dc:creator></item>",
            "<item><title>V</title><guid>e</guid><dc:creator>bob@example.com</dc:creator></item>",
        ]
        XCTAssertEqual(credits(of: items.joined()), ["Jane", "Bob (Guest)", "bob@example.com"])
    }

    /// Flickr writes its authors `nobody@flickr.com ("Anna K")`, and other generators the name
    /// before the address in angle brackets, as mail does (`Jane Doe <jane@example.com>`,
    /// RFC 5322's name-addr): the name shows without its quotes and without the address (they
    /// showed as written, quotes and brackets in the headline list's credit).
    func testAQuotedNameAndANameBeforeAnAddressInBracketsShowTheName() {
        let authors = [
            "nobody@flickr.com (&quot;Anna K&quot;)", "Jane Doe &lt;jane@example.com&gt;",
            " \"Jane Doe\"  &lt;jane@example.com&gt; ", "&lt;jane@example.com&gt;", "a@b.example (\"\")",
            "Bob &lt;not an address&gt;", "\"Jane\" Doe", "x &lt;a@b&gt; y",
        ]
        let items = authors.enumerated().map { index, author in
            "<item><title>T\(index)</title><guid>q\(index)</guid><author>\(author)</author></item>"
        }
        XCTAssertEqual(
            credits(of: items.joined()),
            [
                "Anna K", "Jane Doe", "Jane Doe", "jane@example.com", "a@b.example (\"\")",
                "Bob <not an address>", "\"Jane\" Doe", "x <a@b> y",
            ])
        XCTAssertEqual(
            credits(
                of:
                    "<item><title>C</title><guid>c</guid><dc:creator>Jo Park &lt;jo@ex.com&gt;</dc:creator></item>"
            ),
            ["Jo Park"])
    }

    /// Lemmy writes each post's `dc:creator` as the address of its author's page: the byline
    /// and the list's credit showed the whole address. The page's name shows; an address whose
    /// path names no page, or with a query, shows as written.
    func testACreatorGivenAsTheAddressOfTheirPageShowsThePagesName() {
        let creators = [
            "https://lemmy.example/u/tux", " https://mastodon.example/@ada/ ",
            "HTTP://x.example/people/J%C3%BCrgen",
            "https://ex.com/", "https://ex.com/profile?id=3", "https://ex.com", "ftp://ex.com/u/a",
            "http://a b/c",
        ]
        let items = creators.enumerated().map { index, creator in
            "<item><title>T\(index)</title><guid>p\(index)</guid><dc:creator>\(creator)</dc:creator></item>"
        }
        XCTAssertEqual(
            credits(of: items.joined()),
            [
                "tux", "@ada", "Jürgen", "https://ex.com/", "https://ex.com/profile?id=3", "https://ex.com",
                "ftp://ex.com/u/a", "http://a b/c",
            ])
    }
}
