import Foundation
import XCTest

@testable import GazetteCore

final class XMLEntityExpansionTests: XCTestCase {
    private func feed(_ doctype: String, title: String, text: String = "") -> ParsedFeed {
        ParsedFeed(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\(doctype)]>\n<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>\(title)</title><description>\(text)</description></item></channel></rss>")
    }

    /// An internal entity that refers to another is shown expanded: it showed "&co; Ltd"
    /// (found by QA).
    func testNestedInternalEntitiesAreExpanded() throws {
        let parsed = feed(
            #" <!ENTITY co "ACME Corp"> <!ENTITY full "&co; Ltd"> "#, title: "By &co; and &full;",
            text: "x &full; y")
        let item = try XCTUnwrap(parsed.first, "\(String(describing: parsed.error))")
        XCTAssertEqual(item.title, "By ACME Corp and ACME Corp Ltd")
        XCTAssertEqual(item.content, "x ACME Corp Ltd y")
        // Declared before the one it refers to, and in a chain longer than the nesting allowed
        // for one value: each link is expanded once, from the first.
        let later = feed(#"<!ENTITY full "&co; Ltd"><!ENTITY co "ACME Corp">"#, title: "&full;")
        XCTAssertEqual(later.first?.title, "ACME Corp Ltd")
        let chain = "<!ENTITY e0 \"z\">" + (1...40).map { "<!ENTITY e\($0) \"&e\($0 - 1);\">" }.joined()
        XCTAssertEqual(feed(chain, title: "&e40;").first?.title, "z")
        // Other references in a value stay as they were written.
        XCTAssertEqual(
            feed(#"<!ENTITY a "x &unknown; &amp; y">"#, title: "&a;").first?.title, "x &unknown; &amp; y")
    }

    /// Nine levels of ten references ("billion laughs") expand no further than the allowance:
    /// the values past it keep their references as written, and so do those that refer to them.
    func testExpansionIsBounded() throws {
        var doctype = #"<!ENTITY lol "lol">"#
        var previous = "lol"
        for level in 1...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = "lol\(level)"
        }
        let start = Date()
        let parsed = feed(doctype, title: "Laughs &lol9;", text: "&lol9; &lol4;")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let item = try XCTUnwrap(parsed.first, "\(String(describing: parsed.error))")
        XCTAssertEqual(item.title, "Laughs " + String(repeating: "&lol8;", count: 10))
        XCTAssertEqual(
            item.content,
            String(repeating: "&lol8;", count: 10) + " " + String(repeating: "lol", count: 10_000))
        // An entity that refers to itself, at once or through another, keeps its references.
        let loop = feed(#"<!ENTITY a "x &b;"><!ENTITY b "y &a;"><!ENTITY c "&c;!">"#, title: "&a; &c;")
        XCTAssertEqual(loop.first?.title, "x &b; &c;!")
    }

    /// An external entity is never read: its reference shows nothing of the file it names.
    func testExternalEntitiesAreNeverRead() throws {
        let parsed = feed(
            #"<!ENTITY ext SYSTEM "file:///etc/passwd"><!ENTITY wrap "[&ext;]">"#, title: "A &ext; B",
            text: "&wrap;")
        let item = try XCTUnwrap(parsed.first, "\(String(describing: parsed.error))")
        XCTAssertFalse(item.title.contains("root:"), item.title)
        XCTAssertFalse(item.content.contains("root:"), item.content)
        XCTAssertEqual(item.content, "[&ext;]")
    }
}
