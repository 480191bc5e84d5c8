import Foundation
import TestSupport
import XCTest

/// A feed item with an attribute value over libxml2's 10,000,000 bytes, or an element or
/// attribute name over its 50,000, is read with the items after it: the item was lost, and
/// every later story of the file when it came first (found by QA). The value is cut, the name
/// too (its end tag alike); the item's title, link, guid and body are kept.
final class FeedHugeMarkupCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-huge-markup" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    /// A feed of three items, the first with `extra` among its elements and `body` as its
    /// description.
    private func write(_ name: String, body: String, extra: String = "") throws -> String {
        func item(_ title: String, _ body: String, _ extra: String = "") -> String {
            "<item><title>\(title)</title><link>http://example.com/\(title)</link><guid>g-\(title)</guid>"
                + "\(extra)<description>\(body)</description></item>\n"
        }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>F</title>"
            + "<link>http://example.com/</link>\n" + item("One", body, extra) + item("Two", "second")
            + item("Three", "third") + "</channel></rss>\n"
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The stories `export` gives of `path`, after checking that nothing was said about breaks.
    private func exported(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [[String: Any]]
    {
        let export = try run(["export", path])
        XCTAssertEqual(export.status, 0, export.stderr, file: file, line: line)
        XCTAssertEqual(export.stderr, "", file: file, line: line)
        let stories = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]], file: file,
            line: line)
        XCTAssertEqual(
            stories.map { $0["title"] as? String }, ["One", "Two", "Three"], file: file, line: line)
        XCTAssertEqual(stories.first?["link"] as? String, "http://example.com/One", file: file, line: line)
        XCTAssertEqual(
            stories.first?["id"] as? String, "https://example.com/#feed:cea83cb4#g-One", file: file,
            line: line)
        return stories
    }

    func testALinkWithAnAddressOver10MBKeepsItsTextAndItsItem() throws {
        let address = "http://example.com/" + String(repeating: "a", count: 11_000_000)
        let path = try write("value.xml", body: "<p>See <a href=\"\(address)\">the link</a> now.</p>")
        let stories = try exported(path)
        XCTAssertEqual(stories.first?["paragraphs"] as? [String], ["See the link [1] now."])
        let link = try XCTUnwrap((stories.first?["links"] as? [String])?.first)
        XCTAssertTrue(link.hasPrefix("http://example.com/aaaa"))
        XCTAssertLessThan(link.utf8.count, 2 << 20)
        let list = try run(["list", path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stderr, "")
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 3, list.stdout)
    }

    /// Unquoted, and several values of a megabyte in one tag (a tag over 10 MB lost its item).
    func testAnUnquotedValueOver10MBAndATagOfManyLongValuesKeepTheirItem() throws {
        let address = "http://example.com/" + String(repeating: "é", count: 5_500_000)
        let unquoted = try write("unquoted.xml", body: "<p>See <a href=\(address)>the link</a> now.</p>")
        XCTAssertEqual(try exported(unquoted).first?["paragraphs"] as? [String], ["See the link [1] now."])
        let value = String(repeating: "v", count: 1_000_000)
        let attributes = (0..<12).map { "a\($0)=\"\(value)\"" }.joined(separator: " ")
        let many = try write("many.xml", body: "first", extra: "<extra \(attributes)>x</extra>")
        XCTAssertEqual(try exported(many).first?["paragraphs"] as? [String], ["first"])
    }

    /// A start tag made over 10 MB by white space between its attributes (its item was lost,
    /// "larger than the XML parser allows"): its link, its text and the item are kept.
    func testATagOver10MBOfWhiteSpaceBetweenAttributesKeepsItsItem() throws {
        let blanks = String(repeating: " \t\r ", count: 3_000_000)
        let path = try write(
            "blanks.xml",
            body: "<p>See <a href=\"http://example.com/x\"\(blanks)title=\"t\"\(blanks)>the link</a> now.</p>"
        )
        let stories = try exported(path)
        XCTAssertEqual(stories.first?["paragraphs"] as? [String], ["See the link [1] now."])
        XCTAssertEqual(stories.first?["links"] as? [String], ["http://example.com/x"])
    }

    /// An unknown element's text in a body shows, as any unknown element's does.
    func testAnElementNameOver50000BytesInABodyKeepsItsText() throws {
        let name = String(repeating: "n", count: 60_000)
        let path = try write("body.xml", body: "<p>before <\(name)>inside</\(name)> after</p>")
        XCTAssertEqual(try exported(path).first?["paragraphs"] as? [String], ["before inside after"])
    }

    /// An unknown child of an item is left out, as any unknown child is.
    func testAnUnknownChildNamedOver50000BytesLeavesTheItemWhole() throws {
        let name = "x:" + String(repeating: "n", count: 60_000)
        let path = try write(
            "child.xml", body: "the body",
            extra: "<\(name) xmlns:x=\"urn:x\">unknown text</\(name)><\(name) xmlns:x=\"urn:x\"/>")
        XCTAssertEqual(try exported(path).first?["paragraphs"] as? [String], ["the body"])
    }

    func testAnAttributeNameOver50000BytesKeepsItsItem() throws {
        let name = String(repeating: "n", count: 60_000)
        let path = try write(
            "attribute.xml", body: "<p>A <a href=\"http://example.com/x\" \(name)=\"v\">link</a>.</p>",
            extra: "<enclosure url=\"http://example.com/a.mp3\" \(name) type=\"audio/mpeg\"/>")
        let stories = try exported(path)
        XCTAssertEqual(stories.first?["paragraphs"] as? [String], ["A link [1]."])
        XCTAssertEqual(
            stories.first?["links"] as? [String], ["http://example.com/x", "http://example.com/a.mp3"])
    }
}
