import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A feed's root may come after a long prolog: comments, processing instructions and a
/// DOCTYPE of any length. Files are read as the commands read them: opened by path,
/// detected, indexed.
final class XMLPrologTests: TemporaryFolderTestCase {
    private let rss =
        "<rss version=\"2.0\"><channel><title>Behind a prolog</title>"
        + "<item><title>After the prolog</title><guid>p1</guid><description>Body &e1;.</description></item>"
        + "</channel></rss>\n"
    private let atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Behind a prolog</title>"
        + "<entry><title>After the prolog</title><id>p1</id><content>Body &e1;.</content></entry></feed>\n"

    /// What opening `text` as a file gives: its format, name and stories' titles and bodies.
    private func open(_ text: String) throws -> (format: SourceFormat, name: String, stories: [[String]]) {
        let path = folder.appendingPathComponent("feed-\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let opened = try SourceLoader.openFile(path)
        let stories = opened.indexAll().compactMap { opened.article($0) }.map { [$0.title] + $0.paragraphs }
        return (opened.source.format, opened.source.displayName, stories)
    }

    func testARootPastTheFirst64KiBIsFound() throws {
        let comment = "<!-- " + String(repeating: "a comment <rss> of many lines\n", count: 3_000) + "-->\n"
        let entities = (1...3_000).map { "<!ENTITY e\($0) \"value \($0)\">\n" }.joined()
        let doctype = "<!DOCTYPE rss [\n\(entities)]>\n"
        let instruction = "<?pi " + String(repeating: "data ", count: 20_000) + "?>\n"
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for (prolog, root) in [
            (declaration + comment, rss), (declaration + doctype, rss), (declaration + instruction, rss),
            ("\u{FEFF}" + declaration + doctype + comment + instruction, rss), (doctype + comment, atom),
        ] {
            XCTAssertGreaterThan(prolog.utf8.count, FeedParser.sniffLength)
            // They were "not a news file (XML or HTML, but no RSS, RDF or Atom feed)".
            let opened = try open(prolog + root)
            XCTAssertEqual(opened.format, root == rss ? .rss : .atom)
            XCTAssertEqual(opened.name, "Behind a prolog")
            let body = prolog.contains("<!ENTITY") ? "Body value 1." : "Body &e1;."
            XCTAssertEqual(opened.stories, [["After the prolog", body]])
        }
    }

    func testOnlyAPrologIsLookedPast() throws {
        let prose = String(repeating: "A dump's line of prose that goes on and on.\n", count: 2_000)
        // A dump that mentions a feed's root past its first 64 KiB is still a dump.
        for text in [prose + "<rss version=\"2.0\">\n", " \n" + prose + "The <rss> root.\n"] {
            let bytes = Array(text.utf8)
            XCTAssertNil(bytes.withUnsafeBytes { XMLProlog.length(of: $0) })
            XCTAssertEqual(bytes.withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
        }
        // Prose after a long comment is not a prolog.
        let comment = "<!-- " + String(repeating: "c", count: 70_000) + " -->\n"
        XCTAssertThrowsError(try open(comment + prose + rss))
        // A prolog is read no further than its limit: a file that is one comment is not read whole.
        let bytes = Array((comment + rss).utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { XMLProlog.length(of: $0) }, comment.utf8.count)
        XCTAssertNil(bytes.withUnsafeBytes { XMLProlog.length(of: $0, limit: comment.utf8.count - 1) })
    }
}
