import XCTest

@testable import GazetteCore

/// A reference resolved against a relative base (RFC 3986 §5.2.2 with the base's parts as they
/// are), what a relative `xml:base` with no document address makes of the links under it.
final class URIReferenceTests: XCTestCase {
    func testAReferenceResolvesAgainstARelativeBase() {
        let cases: [(reference: String, base: String, expected: String)] = [
            ("post1", "/blog/", "/blog/post1"),
            ("../x", "/blog/a/", "/blog/x"),
            ("../../../x", "/blog/", "/x"),
            ("post1", "blog/", "blog/post1"),
            ("../../c", "a/", "../c"),
            ("../", "a/", "./"),
            ("img.png", "//cdn.ex.com/a/b", "//cdn.ex.com/a/img.png"),
            ("x", "//cdn.ex.com", "//cdn.ex.com/x"),
            ("?page=2", "/blog/index", "/blog/index?page=2"),
            ("#top", "/blog/index?q", "/blog/index?q#top"),
            ("/root", "blog/", "/root"),
            ("//other.ex/y", "/blog/", "//other.ex/y"),
            ("https://ex.com/a/../b", "/blog/", "https://ex.com/b"),
        ]
        for (reference, base, expected) in cases {
            XCTAssertEqual(
                URIReference.resolve(reference, against: base), expected, "\(reference) under \(base)")
        }
    }

    /// Composed relative bases, resolved against an absolute address later, give what
    /// resolving them in turn against it gives.
    func testComposedBasesResolveLaterAsInTurn() {
        let document = URL(string: "https://ex.com/x/y/feed.atom")
        for declared in [["../a/b/", "../c/", "d/"], ["/blog/", "2024/"], ["a/", "../../b/"]] {
            let base = declared.reduce(XMLBase.none) { $0.declaring($1) }
            let composed = URL(string: base.relative ?? "", relativeTo: document)?.absoluteURL
            XCTAssertEqual(composed, base.resolved(document: document), "\(declared)")
        }
        XCTAssertNil(XMLBase.none.declaring("https://ex.com/").declaring("a/").relative)
        XCTAssertNil(XMLBase.none.relative)
    }
}
