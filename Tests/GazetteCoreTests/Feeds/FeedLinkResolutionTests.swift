import Foundation
import XCTest

@testable import GazetteCore

/// A link is kept when it has a scheme and made absolute against the base otherwise; the
/// byte-level check must decide as the Unicode rule it shortcuts does.
final class FeedLinkResolutionTests: XCTestCase {
    /// The rule as it stood before the byte-level check.
    private func unicodeRule(_ link: String, against base: URL?) -> String {
        guard let base, base.scheme != nil else { return link }
        if let scheme = link.split(separator: ":", maxSplits: 1).first, link.contains(":"),
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        {
            return link
        }
        return URL(string: link, relativeTo: base)?.absoluteString ?? link
    }

    private let links = [
        "https://example.com/a", "HTTP://EXAMPLE.COM/", "mailto:someone@example.com", "urn:isbn:123",
        "svn+ssh://host/x", "x-y.z:rest", "1abc:d", "/path", "path/to", "../up", "?q=1", "#frag",
        "/a:b", "a b:c", "a_b:c", ":leading", "::", ":", "a:", "ünï:x", "ñ", "схема:путь", "path/ü:x",
        "//host/x", "tel:+1-555", "a/b:c", "", " https://x", "java\tscript:x",
    ]

    func testTheByteCheckDecidesAsTheUnicodeRule() {
        let bases = [URL(string: "http://example.com/feed/"), URL(string: "relative/only"), nil]
        for base in bases {
            for link in links {
                XCTAssertEqual(
                    XMLFeedReader.resolve(link, against: base), unicodeRule(link, against: base),
                    "\(link) against \(String(describing: base))")
            }
        }
    }

    func testOnlyAnASCIIPrefixIsDecidedByBytes() {
        XCTAssertEqual(XMLFeedReader.hasASCIIScheme("https://x"), true)
        XCTAssertEqual(XMLFeedReader.hasASCIIScheme("/a:b"), false)
        XCTAssertEqual(XMLFeedReader.hasASCIIScheme("no-colon"), false)
        XCTAssertNil(XMLFeedReader.hasASCIIScheme(":x"))
        XCTAssertNil(XMLFeedReader.hasASCIIScheme("ünï:x"))
    }
}
