import XCTest

@testable import GazetteCore

/// The named references HTML5 adds to HTML 4's (`&check;`, `&period;`, `&rightarrow;`) were left
/// as text in bodies and titles: libxml2's HTML parser knows only HTML 4's. They read as the
/// characters they name; ids made of titles stay as they were.
final class HTML5EntityNamesTests: XCTestCase {
    func testABodyReadsHTML5Names() {
        XCTAssertEqual(
            HTMLRenderer.render(
                "<p>&check; &cross; &period; &comma; &colon; &lpar;x&rpar; &lbrack;y&rbrack; &quest; &excl; "
                    + "&sol; &star; &euro; &hyphen; &dash; &lowbar; &num; &dollar; &percnt; &ast; &plus; "
                    + "&equals; &commat; &grave; &Hat; &verbar; &rsquor; &ldquor; &half; &angle; &rightarrow; "
                    + "&DoubleRightArrow;</p>"
            ).paragraphs,
            ["✓ ✗ . , : (x) [y] ? ! / ☆ € ‐ ‐ _ # $ % * + = @ ` ^ | ’ „ ½ ∠ → ⇒"])
    }

    func testEscapedTextAndTitlesReadThemToo() {
        // An RSS description of escaped HTML, as html5ent.xml has it, and text without markup.
        XCTAssertEqual(HTMLRenderer.render("&lt;p&gt;&check; done&lt;/p&gt;").paragraphs, ["✓ done"])
        XCTAssertEqual(
            HTMLRenderer.render("Done &check; &NotEqualTilde;").paragraphs, ["Done ✓ \u{2242}\u{338}"])
        XCTAssertEqual(HTMLRenderer.titleText("HTML5 entities &check;"), "HTML5 entities ✓")
        XCTAssertEqual(HTMLRenderer.plainText("<b>A&period;</b> B&excl;"), "A. B!")
    }

    func testHTML4NamesAndOtherTextStayAsTheyWere() {
        XCTAssertEqual(
            HTMLRenderer.render("<p>&amp;check; &NotAnEntity; &copy; AT&T R&D &check</p>").paragraphs,
            ["&check; &NotAnEntity; © AT&T R&D &check"])
        XCTAssertEqual(
            HTMLRenderer.render(#"<p><a href="https://x.example/?a=1&check=2">x</a></p>"#).links,
            ["https://x.example/?a=1&check=2"])
    }

    func testTheIDOfATitledItemIsMadeOfItsTitleAsItReadBefore() {
        let item = FeedItem(
            id: "https://example.com/", title: "Done &check;", titleIsHTML: true, link: nil, author: nil,
            date: nil, content: "", contentIsHTML: true)
        let titles = FeedArticle.titles(of: item)
        XCTAssertEqual(titles.shown, "Done ✓")
        XCTAssertEqual(titles.identifying, "Done &check;")
    }

    func testTable() {
        XCTAssertEqual(HTML5EntityNames.characters(named: "check"), ["\u{2713}"])
        XCTAssertEqual(HTML5EntityNames.characters(named: "NotEqualTilde"), ["\u{2242}", "\u{338}"])
        XCTAssertEqual(HTML5EntityNames.characters(named: "AMP"), ["&"])
        XCTAssertEqual(HTML5EntityNames.characters(named: "zscr"), ["\u{1D4CF}"])
        XCTAssertEqual(HTML5EntityNames.characters(named: "CounterClockwiseContourIntegral"), ["\u{2233}"])
        XCTAssertNil(HTML5EntityNames.characters(named: "amp"))
        XCTAssertNil(HTML5EntityNames.characters(named: "Check"))
        XCTAssertTrue(HTMLEntities.containsHTML5Name("a &rarr; b &rightarrow; c"))
        XCTAssertFalse(HTMLEntities.containsHTML5Name("a &rarr; b &amp;rightarrow; c"))
    }

    /// The search by halves finds every name of the list with its characters, and nothing
    /// between or around them.
    func testEveryNameIsFoundAndNothingElse() {
        var names: Set<String> = []
        for entry in HTML5EntityNames.entries.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = entry.split(separator: ":")
            let scalars = parts[1].split(separator: "+").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
            XCTAssertEqual(HTML5EntityNames.characters(named: parts[0]), scalars, String(parts[0]))
            names.insert(String(parts[0]))
        }
        XCTAssertEqual(names.count, 1872)
        for name in names {
            for other in [name + "x", String(name.dropLast()), "0" + name, name + "~"]
            where !names.contains(other) {
                XCTAssertNil(HTML5EntityNames.characters(named: other), other)
            }
        }
        for other in ["", " ", "A", "ZZZZ", "~", "zzzzzz", String(repeating: "a", count: 31)] {
            XCTAssertNil(HTML5EntityNames.characters(named: other), other)
        }
    }
}
