import Foundation
import XCTest

@testable import GazetteCore

/// Raw HTML in a feed that is not well-formed XML is made so, wherever the chunks are cut.
final class XMLSanitizerTests: XCTestCase {
    /// `text` sanitized in chunks cut at `cuts` (offsets in bytes).
    private func sanitized(_ text: String, cuts: [Int] = []) -> String {
        XMLSanitizer.sanitized(text, cuts: cuts, finishing: false)
    }

    /// Checks that `text` sanitizes to `expected` whole and cut in two anywhere after its
    /// root's start tag, and in three.
    private func assertSanitized(
        _ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(sanitized(text), expected, file: file, line: line)
        let count = text.utf8.count
        let root = (Array(text.utf8).firstIndex(of: UInt8(ascii: ">")) ?? 0) + 1
        for cut in root...count {
            XCTAssertEqual(sanitized(text, cuts: [cut]), expected, "cut at \(cut)", file: file, line: line)
            XCTAssertEqual(
                sanitized(text, cuts: [(root + cut) / 2, cut]), expected,
                "cut at \((root + cut) / 2), \(cut)", file: file,
                line: line)
        }
    }

    /// Text is read eight bytes at a time up to the first that may need work: a reference,
    /// a control, a line break and a `]]>` are each found wherever they fall in the words.
    func testWhatTextHoldsIsFoundAnywhereInTheWords() {
        let cases: [(String, String)] = [
            ("&amp;", "<![CDATA[{a}&{b}]]>"), ("\u{1}", "{a}{b}"), ("\n", "{a}\n{b}"),
            ("]]&gt;", "<![CDATA[{a}]]]]><![CDATA[>{b}]]>"), ("é&lt;", "<![CDATA[{a}é<{b}]]>"),
            ("]]>", "{a}]]>{b}"),
        ]
        for (inner, expected) in cases {
            for offset in 0..<20 {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: 19 - offset)
                let text = "<rss><title>\(before)\(inner)\(after)</title></rss>"
                let written = expected.replacingOccurrences(of: "{a}", with: before)
                    .replacingOccurrences(of: "{b}", with: after)
                XCTAssertEqual(
                    sanitized(text), "<rss><title>\(written)</title></rss>", "\(inner) at \(offset)")
            }
        }
    }

    func testVoidElementsCloseThemselves() {
        assertSanitized(
            "<d>a<br>b<BR >c<img src=\"a.png\" alt='x>y'>d<hr/>e<wbr></d>",
            "<d>a<br/>b<BR />c<img src=\"a.png\" alt='x>y'/>d<hr/>e<wbr/></d>")
        // Written as XML (`<br></br>`) in a text element, the end tag closes nothing and goes.
        assertSanitized(
            "<x:description><br></br><img src=\"a\"></img></x:description>",
            "<x:description><br/><img src=\"a\"/></x:description>")
        assertSanitized("<d><br></br></d>", "<d><br/></d>")
    }

    func testFeedElementsWithVoidNamesKeepTheirContent() {
        let text =
            "<item><link>https://l.example/</link><source url=\"u\">S</source><meta>m</meta>"
            + "<enclosure url=\"e\"/><category>c</category></item>"
        assertSanitized(text, text)
    }

    func testAnEndTagClosesWhatWasLeftOpenInside() {
        assertSanitized(
            "<item><title>T <b>bold</title><description>d <p>para <i>it</description></item>",
            "<item><title>T <b>bold</b></title><description>d <p>para <i>it</i></p></description></item>")
        assertSanitized(
            "<feed><content>a<li>b<li>c</content></feed>",
            "<feed><content>a<li>b<li>c</li></li></content></feed>")
    }

    func testAnEndTagThatClosesNothingIsDropped() {
        // (`</ p>` is no end tag: it is left to the parser, as before.)
        assertSanitized(
            "<item><summary>a</b>b</ p>c\n</x\n></summary></item>",
            "<item><summary>ab</ p>c\n\n</summary></item>")
    }

    func testTheFeedsOwnStructureIsLeftToTheParser() {
        // Outside text elements, or naming an element outside the one it is in, an end tag
        // is written as it is: the parser breaks there, and reading goes on at the next item.
        let text = "<rss><item><b>x</item><description>a <p>b</item></rss>"
        assertSanitized(text, text)
    }

    func testWellFormedXMLIsUnchanged() {
        let text =
            "<rss a=\"1\"><channel><item><title>T x</title>"
            + "<description><![CDATA[<p>a<br>b]]></description><x:y xmlns:x=\"n\">z</x:y>"
            + "<!-- c --><e/></item></channel></rss>"
        assertSanitized(text, text.replacingOccurrences(of: "<!-- c -->", with: ""))
    }

    func testUnquotedAttributeValuesAreQuoted() {
        assertSanitized(
            "<d><img src=a.png width=300>x<br clear=all>y<br clear=all/>z<IMG SRC=b.gif BORDER=0 /></d>",
            "<d><img src=\"a.png\" width=\"300\"/>x<br clear=\"all\"/>y<br clear=\"all\"/>z"
                + "<IMG SRC=\"b.gif\" BORDER=\"0\" /></d>")
        // An `&` in the value is read as anywhere else; outside void elements a `/` is part of
        // the value, as in HTML.
        assertSanitized(
            "<description><a href=http://x/y?a=1&b=2&c>l</a><a href=http://x/>m</a></description>",
            "<description><a href=\"http://x/y?a=1&amp;b=2&amp;c\">l</a><a href=\"http://x/\">m</a></description>"
        )
        // A feed element that holds nothing is closed by a `/` before `>` (the item was lost);
        // one that holds text keeps the `/` in its value.
        assertSanitized(
            "<item><enclosure url=http://x/a.mp3 length=1 type=audio/mpeg/><link href=http://x/ rel=alternate/>"
                + "<media:thumbnail url=http://x/t.jpg/><source url=http://s/>Src</source></item>",
            "<item><enclosure url=\"http://x/a.mp3\" length=\"1\" type=\"audio/mpeg\"/>"
                + "<link href=\"http://x/\" rel=\"alternate\"/><media:thumbnail url=\"http://x/t.jpg\"/>"
                + "<source url=\"http://s/\">Src</source></item>")
        assertSanitized(
            "<d><img alt=it's title=a\"b<c x=>\n<p align=center\nclass=x>p</p></d>",
            "<d><img alt=\"it's\" title=\"a&quot;b&lt;c\" x=\"\"/>\n<p align=\"center\"\nclass=\"x\">p</p></d>"
        )
    }

    /// A start tag that breaks before its end is text, wherever the chunks are cut (found by QA).
    func testAStartTagThatBreaksIsText() {
        assertSanitized("<d>if x<y then z</d>", "<d>if x&lt;y then z</d>")
        assertSanitized("<d>a<b</d><e>x<y's</e>", "<d>a&lt;b</d><e>x&lt;y's</e>")
        assertSanitized(
            "<d><p \"x\">q</p> <y,z> <p a,b>w</d>", "<d>&lt;p \"x\">q</p> &lt;y,z> &lt;p a,b>w</d>")
        // A "<" in a quoted value is written as a reference (the item was lost).
        assertSanitized("<d><a t=\"a<b\" u='c<d'>x</a></d>", "<d><a t=\"a&lt;b\" u='c&lt;d'>x</a></d>")
        // Tags that end well are kept, with their attributes repaired.
        assertSanitized("<d>a <b c=k d>e</b></d>", "<d>a <b c=\"k\" d=\"d\">e</b></d>")
    }

    func testAttributesWithoutValuesAreGivenTheirNames() {
        assertSanitized(
            "<d><td nowrap>a</td><input disabled/><input checked /><td\nnowrap\nclass=x\nid='y'>b</td></d>",
            "<d><td nowrap=\"nowrap\">a</td><input disabled=\"disabled\"/><input checked =\"checked\"/>"
                + "<td\nnowrap\n=\"nowrap\" class=\"x\"\nid='y'>b</td></d>")
    }

    func testWellFormedAttributesAreUnchanged() {
        let text =
            "<rss xmlns:media=\"http://m/\" version=\"2.0\"><media:content url=\"u\" medium='image'/>"
            + "<a b = \"c>/\" d\n=\n'e'>f</a><br clear=\"all\"/><img src=\"x\" /></rss>"
        assertSanitized(text, text)
    }

    private func rss(_ items: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>V</title>\n"
            + "<item><title>before</title><description>ok</description></item>\n\(items)\n"
            + "<item><title>after</title><description>ok</description></item>\n</channel></rss>\n"
    }

    /// An item whose title shows nothing is named by its text, as one without a title is: its
    /// headline row was blank (found by QA).
    func testAnItemTitleThatShowsNothingIsNoTitle() {
        let feed = ParsedFeed(
            rss(
                "<item><title>&#x200B;&#x202E;</title><description>The text names it.</description></item>"
                    + "<item><title>&#x2060;</title><description>&#xAD;&#x200B;</description></item>"))
        XCTAssertEqual(
            feed.items.map(FeedArticle.title(of:)), ["before", "The text names it.", "(untitled)", "after"])
    }

    func testItemsWithRawHTMLThatIsNotWellFormedAreRead() throws {
        let cases: [(item: String, title: String, text: String)] = [
            ("<title>T br</title><description>desc <br> html4 br</description>", "T br", "desc\nhtml4 br"),
            ("<title>T img</title><description>see <img src=\"a.png\"> here</description>", "T img", "see"),
            ("<title>T hr</title><description>a<hr>b</description>", "T hr", "a"),
            ("<title>T p</title><description>desc <p>unclosed para</description>", "T p", "unclosed para"),
            ("<title>T <b>bold</title><description>x</description>", "T bold", "x"),
            ("<title>T</title><description>a <b>b<li>c</description>", "T", "c"),
        ]
        for (item, title, text) in cases {
            let feed = ParsedFeed(rss("<item>\(item)</item>"))
            XCTAssertEqual(feed.items.map(FeedArticle.title(of:)), ["before", title, "after"], item)
            XCTAssertEqual(feed.warnings, [], item)
            let body = try XCTUnwrap(feed.items.dropFirst().first).content
            let rendered = HTMLRenderer.render(body, baseURL: nil).paragraphs.joined(separator: "\n")
            XCTAssertTrue(rendered.contains(text), "\(item): \(rendered)")
            XCTAssertFalse(rendered.contains("<"), "\(item): \(rendered)")
        }
    }

    /// QA's files (qa6 D4): HTML4 tags with unquoted values in a raw description.
    func testItemsWithUnquotedAttributesInRawHTMLAreRead() throws {
        let cases: [(item: String, text: String)] = [
            ("Photo: <img src=\"https://e.example/a.jpg\" width=300 height=200> caption", "caption"),
            ("line one<br clear=all>line two", "line one\nline two"),
            ("a <img src=x></img> b", "b"),
            ("a <img src=x> b", "b"),
            ("<table><tr><td nowrap>cell</td></tr></table>", "cell"),
            ("<a href=https://l.example/p?a=1&b=2>link</a> after", "link"),
        ]
        for (description, text) in cases {
            let feed = ParsedFeed(
                rss("<item><title>T</title><description>\(description)</description></item>"))
            XCTAssertEqual(feed.items.map(FeedArticle.title(of:)), ["before", "T", "after"], description)
            XCTAssertEqual(feed.warnings, [], description)
            let body = try XCTUnwrap(feed.items.dropFirst().first).content
            let rendered = HTMLRenderer.render(body, baseURL: nil).paragraphs.joined(separator: "\n")
            XCTAssertTrue(rendered.contains(text), "\(description): \(rendered)")
            XCTAssertFalse(rendered.contains("<") || rendered.contains(">"), "\(description): \(rendered)")
        }
    }

    /// Past 256 attributes the rest of a tag is left out: libxml2 compares each attribute with
    /// every one before it, and an item with 200,000 took minutes with the reader frozen (found
    /// by QA). Quoted, unquoted and valueless ones count alike.
    func testATagKeepsAtMostItsFirstAttributes() {
        let limit = XMLSanitizer.maxAttributes
        let kept = (0..<limit).map { "a\($0)=\"v\"" }.joined(separator: " ")
        for (extra, closing) in [
            ("a999=\"x\" b=\"y\"", ">"), ("a999=x b=y", ">"), ("a999 b", ">"), ("a999=\"x\"", "/>"),
        ] {
            let text = "<rss><item \(kept) \(extra)\(closing)<title>T</title></item></rss>"
            let output = sanitized(text)
            XCTAssertTrue(output.contains("a\(limit - 1)=\"v\""), extra)
            XCTAssertFalse(output.contains("a999"), extra)
            XCTAssertTrue(output.hasSuffix("<title>T</title></item></rss>"), extra)
            for cut in stride(from: 10, to: text.utf8.count, by: 97) {
                XCTAssertEqual(sanitized(text, cuts: [cut]), output, "cut at \(cut)")
            }
        }
        // The attributes left out keep their line breaks: a warning's line is the file's.
        let lines = "<rss><item \(kept)\n a999=\"x\"\n b\n><title>T</title></item></rss>"
        XCTAssertEqual(sanitized(lines).filter { $0 == "\n" }.count, lines.filter { $0 == "\n" }.count)
        let fine = "<rss><item a=\"1\" b='2' c=3 d><title>T</title></item></rss>"
        XCTAssertEqual(
            sanitized(fine), "<rss><item a=\"1\" b='2' c=\"3\" d=\"d\"><title>T</title></item></rss>")
    }

    func testFeedsWithAnItemOfThousandsOfAttributesAreReadAtOnce() throws {
        let attributes = (0..<5_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let feed = ParsedFeed(
            rss("<item \(attributes)><title>Many</title><description>x</description></item>"))
        XCTAssertEqual(feed.items.map(FeedArticle.title(of:)), ["before", "Many", "after"])
    }
}
