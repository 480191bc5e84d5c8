import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The root element read on a feed's bytes must give the format that reading the start as
/// text gives, whatever the markup before it.
final class FeedRootSnifferTests: XCTestCase {
    private func detect(_ text: String) -> (bytes: SourceFormat?, text: SourceFormat?) {
        Array(text.utf8).withUnsafeBytes { (FeedParser.detect($0), FeedParser.detectByText($0)) }
    }

    func testRootsBehindDeclarationsCommentsAndInstructions() {
        let cases: [(String, SourceFormat?)] = [
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">", .rss),
            ("\r\n  <!-- a <feed> in a comment --><?pi x?><feed xmlns=\"x\">", .atom),
            ("<!DOCTYPE rdf:RDF [<!ENTITY a \"]>\"> <!ENTITY b '>'>]><rdf:RDF>", .rdf),
            ("<channel><rss>", nil),
            ("<!-- never closed <rss>", nil),
            ("<?xml never closed <rss>", nil),
            ("<feed/>", .atom),
            ("<x:feed\txmlns:x=\"y\">", .atom),
        ]
        for (text, format) in cases {
            let found = detect(text)
            XCTAssertEqual(found.bytes, format, text)
            XCTAssertEqual(found.bytes, found.text, text)
        }
        XCTAssertEqual(
            Array("<html><body><rss version=\"2.0\">".utf8).withUnsafeBytes { FeedRootSniffer.sniff($0) },
            .undecided, "a page is searched as text")
        XCTAssertEqual(
            Array("{\"version\": 1}".utf8).withUnsafeBytes { FeedRootSniffer.sniff($0) }, .undecided)
    }

    /// Random starts built of markup pieces, marks that join characters, line ends and
    /// stray brackets and quotes: the two readings agree on every one.
    func testAgreesWithTheTextReadingOnRandomStarts() {
        let pieces = [
            "<?xml version=\"1.0\"?>", "<!-- c -->", "<!--", "-->", "<!DOCTYPE rss [<!ENTITY a \"]>\">]>",
            "<!DOCTYPE x>", "<!", "<", ">", "?>", "<?", "<rss", "<rss>", "<rdf:RDF ", "<RDF", "<feed",
            "<feed>",
            "<html>", "<channel>", "{", "\"", "'", "[", "]", " ", "\r\n", "\t", "\u{301}", "é", "x", "/", ":",
            "<a:rss ", "\u{FEFF}", "\u{A0}", "-", "<\u{301}rss>", "<rss\u{301}>", "--\u{301}>",
        ]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...10, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let found = detect(text)
            XCTAssertEqual(found.bytes, found.text, text.debugDescription)
        }
    }

    func testAgreesOnEveryRealWorldFile() throws {
        var files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.feeds.path).map {
            Fixtures.feeds.appendingPathComponent($0)
        }
        files += try FileManager.default.contentsOfDirectory(atPath: Fixtures.fuzzFindings.path).map {
            Fixtures.fuzzFindings.appendingPathComponent($0)
        }
        files += [Fixtures.sample, Fixtures.realNews]
        var checked = 0
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            let found = data.withUnsafeBytes { (FeedParser.detect($0), FeedParser.detectByText($0)) }
            XCTAssertEqual(found.0, found.1, file.lastPathComponent)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
