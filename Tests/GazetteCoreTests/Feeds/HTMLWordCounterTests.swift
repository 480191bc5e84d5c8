import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `HTMLRenderer.wordCount` must count exactly what `WordCounter` counts in `plainText`, none
/// when that text shows nothing (as none when it is empty).
final class HTMLWordCounterTests: XCTestCase {
    private func reference(_ html: String) -> Int {
        let text = HTMLRenderer.plainText(html)
        guard !TerminalSanitizer.showsNothing(text) else { return 0 }
        var words = WordCounter()
        words.add(text)
        return words.count
    }

    func testRandomFragmentsCountAsTheirPlainText() {
        let pieces = [
            "word", "two words", " ", "  ", "\n", "\t", "\r\n", "\u{0B}", "\u{0C}", "<p>", "</p>", "<b>",
            "</b>",
            "<i>", "</i>", "<br>", "<br/>", "<hr>", "<div>", "</div>", "<td>", "</td>", "<tr>", "<li>",
            "</li>",
            "<script>var a = 1 < 2;</script>", "<style>p { x: y }</style>", "<img alt=\"a picture\" src=x>",
            "<a href=\"https://e.com\">", "</a>", "<!-- note -->", "&nbsp;", "&amp;", "&lt;", "&gt;",
            "&#8217;",
            "&#160;", "&bogus;", "&", "<", ">", "\u{A0}", "\u{3000}", "\u{2009}", "\u{2028}", "\u{85}", "東京",
            "、", "カナ", "é", "’", "—", "\u{1F600}", "a\u{301}", "&lt;b&gt;bold&lt;/b&gt;", "<p>&nbsp;</p>",
            "<media:title>", "</media:title>", "<o:p>", "<svg:script>", "\u{200B}", "&#8203;", "\u{200E}",
            "&shy;",
        ]
        var generator = SeededGenerator(seed: 5_000)
        for round in 0..<4000 {
            var html = ""
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                html += pieces.randomElement(using: &generator)!
            }
            XCTAssertEqual(
                HTMLRenderer.wordCount(html), reference(html), "round \(round): \(html.debugDescription)")
        }
    }

    func testKnownCounts() {
        XCTAssertEqual(HTMLRenderer.wordCount("<p>Hello <b>wor</b>ld</p><p>again</p>"), 3)
        XCTAssertEqual(HTMLRenderer.wordCount("&nbsp; lead <p>&nbsp;</p> mid &nbsp;"), 2, "NBSP is a space")
        XCTAssertEqual(HTMLRenderer.wordCount("<script>a b c</script>one"), 1)
        XCTAssertEqual(HTMLRenderer.wordCount("東京で"), 3)
        XCTAssertEqual(HTMLRenderer.wordCount(""), 0)
        // Text that shows nothing has no words; a zero-width space among words is part of one.
        XCTAssertEqual(HTMLRenderer.wordCount("&#8203;"), 0)
        XCTAssertEqual(HTMLRenderer.wordCount("<p>\u{200B}</p><p> \u{200E}&shy; </p>"), 0)
        XCTAssertEqual(HTMLRenderer.wordCount("<p>long&#8203;word</p>"), 1)
        // "&#" without digits is text; a reference to no character is U+FFFD, a word.
        XCTAssertEqual(HTMLRenderer.wordCount("<p>A &#; B</p><p>C &#xZZ; D &#0; E</p>"), 8)
    }

    func testEveryRealWorldFileReadAsHTMLCountsAsItsPlainText() throws {
        // Whole feeds are HTML no item holds (qualified names such as `media:title`, found by
        // the html fuzz target in youtube_atom.xml): the count must still be the text's.
        let walker = FileManager.default.enumerator(atPath: Fixtures.feeds.standardizedFileURL.path)
        var checked = 0
        while let relative = walker?.nextObject() as? String {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(relative))
            guard !bytes.isEmpty else { continue }
            let html = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(HTMLRenderer.wordCount(html), reference(html), relative)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 40)
    }

    func testEveryRealWorldItemCountsAsItsPlainText() throws {
        let items = RealWorldHTML.items()
        for (file, html) in items {
            XCTAssertEqual(HTMLRenderer.wordCount(html), reference(html), file)
        }
        XCTAssertGreaterThan(items.count, 400)
    }
}

/// The HTML bodies of every real-world feed's items, with the file each came from.
enum RealWorldHTML {
    /// Every HTML body of the real feeds, with its file: read once per run, for the four suites
    /// that ask (each read and parsed every feed again).
    static func items() -> [(file: String, html: String)] { read }

    private static let read: [(file: String, html: String)] = {
        var items: [(String, String)] = []
        let walker = FileManager.default.enumerator(atPath: Fixtures.feeds.standardizedFileURL.path)
        while let relative = walker?.nextObject() as? String {
            let bytes = Fixtures.bytes(Fixtures.feeds.appendingPathComponent(relative))
            guard !bytes.isEmpty else { continue }
            for item in ParsedFeed(bytes).items where item.contentIsHTML {
                items.append((relative, item.content))
            }
        }
        return items
    }()
}

/// The word count read from the parser's events must be the one the tree walk gives.
final class HTMLEventWalkTests: XCTestCase {
    private func counts(_ html: String) throws -> (
        events: Int, eventsSawLess: Bool, tree: Int, treeSawLess: Bool
    )? {
        let library = try XCTUnwrap(LibXML2.shared)
        guard var events = HTMLEventWalk.walk(html, into: HTMLWordCounter(), with: library) else {
            return nil
        }
        var tree = HTMLWordCounter()
        HTMLRenderer.walk(html, into: &tree)
        return (events.finish(), events.sawLessThan, tree.finish(), tree.sawLessThan)
    }

    func testWhiteSpaceBesideElementsCountsAsInTheTree() throws {
        let cases = [
            "<p>x<img src=a> <b>y</b></p>", "E=mc<sup>2</sup> <i>note</i>", "<div> <b>a</b> <i>b</i> </div>",
            "<ul> <li>a</li> <li>b</li> </ul>", "<table> <tr> <td>a</td> <td>b</td> </tr> </table>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><b>a</b> <b>c</b>", "a<br> <b>b</b>",
            "<head> <title>t</title> </head><body> <p>x</p> </body>",
            "<select><option>a</option> <option>b</select>",
        ]
        for html in cases {
            let found = try XCTUnwrap(try counts(html), html)
            XCTAssertEqual(found.events, found.tree, html)
            XCTAssertEqual(found.eventsSawLess, found.treeSawLess, html)
        }
    }

    func testRandomHTMLCountsAsInTheTree() throws {
        let pieces = [
            "word", "two words", " ", "  ", "\n", "\t", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>",
            "<img src=x>", "<sup>", "</sup>", "<div>", "</div>", "<ul>", "<li>", "</ul>", "<table>", "<tr>",
            "<td>", "</table>", "<span>", "</span>", "<a href=x>", "</a>", "<pre>", "</pre>", "<html>",
            "<body>",
            "<head>", "<title>", "</title>", "</head>", "<script>x y</script>", "<style>p{}</style>",
            "<!-- c -->", "&nbsp;", "&amp;", "&lt;", "&bogus;", "<", ">", "\u{A0}", "東京", "é", "<hr>",
            "<select>", "<option>", "<input>", "<h1>", "</h1>", "<blockquote>", "<dl>", "<dt>", "<dd>",
            "<!DOCTYPE html>", "<![CDATA[x]]>", "<?pi?>", "</unknown>", "<font>", "<media:title>",
            "</media:title>", "<o:p>", "</o:p>", "<svg:script>", "<x:>", "<a::b>",
        ]
        var generator = SeededGenerator(seed: 11)
        var compared = 0
        for round in 0..<6000 {
            let html = (0..<Int.random(in: 1...16, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            guard let found = try counts(html) else { continue }
            compared += 1
            XCTAssertEqual(found.events, found.tree, "round \(round): \(html.debugDescription)")
            XCTAssertEqual(found.eventsSawLess, found.treeSawLess, "round \(round): \(html.debugDescription)")
        }
        XCTAssertGreaterThan(compared, 5900)
    }

    func testQualifiedNamesAreNamedAsInTheTree() throws {
        let library = try XCTUnwrap(LibXML2.shared)
        let cases: [(String, [String])] = [
            ("<media:title>x</media:title>", ["title"]), ("<o:p>z</o:p>", ["p"]),
            ("<svg:script>q</svg:script>", ["script"]), ("<a:b:c>x</a:b:c>", ["b:c"]), ("<a::b>r", [":b"]),
            ("<x:>y</x:>", ["x:"]), ("<p:>y", ["p:"]), ("<b>plain</b>", ["b"]),
        ]
        for (html, names) in cases {
            var tree = ElementNames()
            HTMLRenderer.walk(html, into: &tree)
            let events = try XCTUnwrap(HTMLEventWalk.walk(html, into: ElementNames(), with: library), html)
            XCTAssertEqual(tree.names, ["html", "body"] + names, html)
            XCTAssertEqual(events.names, tree.names, html)
        }
        // The words of a qualified title are left out as a title's are, by both walks.
        XCTAssertEqual(try counts("<p>lead</p><media:title>Veterans Make Great</media:title>")?.events, 1)
    }

    func testEveryRealWorldItemCountsAsInTheTree() throws {
        var checked = 0
        // (A walk libxml2 cannot finish is read as the tree walk reads it: not compared.)
        for (file, html) in RealWorldHTML.items() {
            guard let found = try counts(html) else { continue }
            XCTAssertEqual(found.events, found.tree, file)
            XCTAssertEqual(found.eventsSawLess, found.treeSawLess, file)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400)
    }
}

/// The names of the elements a walk enters, in order.
private struct ElementNames: HTMLTreeSink {
    var names: [String] = []

    mutating func openElement(_ name: String, attribute: (String) -> String?, listItems: () -> Int?) -> Bool {
        names.append(name)
        return true
    }

    mutating func closeElement() {}
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
