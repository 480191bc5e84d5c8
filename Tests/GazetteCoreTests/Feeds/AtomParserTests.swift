import Foundation
import XCTest

@testable import GazetteCore

/// What the Atom reader tells without hashing or trimming (its namespaces by their length, a
/// text construct's base64 by a "/" in its type) is what the set and the general rule say.
final class AtomParserTests: XCTestCase {
    func testAtomNamespacesAreToldAsTheSetOfThemTellsThem() {
        let namespaces: Set<String> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
        var candidates =
            Array(namespaces) + [
                "", "http://www.w3.org/2005/atom", "http://www.w3.org/2005/Atom/", "http://purl.org/atom/ns",
                "http://purl.org/atom/ns#x", "http://www.w3.org/2005/At\u{F3}m", "http://www.w3.org/2005/Ato",
            ]
        // Every one-byte change of each, and ones of the same length.
        for namespace in namespaces {
            for index in namespace.indices {
                candidates.append(namespace.replacingCharacters(in: index...index, with: "x"))
            }
        }
        for namespace in candidates {
            XCTAssertEqual(AtomParser.isAtom(namespace), namespaces.contains(namespace), namespace)
        }
    }

    func testBase64IsToldAsTheGeneralRuleTellsIt() {
        let types = [
            "", "text", "html", "xhtml", "TEXT", "text/plain", "text/html", "application/xhtml+xml",
            "application/xml", "image/png", "application/octet-stream", " image/png ", "image/png; x=1",
            "text; charset=a/b", "html;/", "/", " / ", "a/b", "\u{A0}image/png",
        ]
        for type in types {
            for mode in ["", "base64", "escaped", "xml", "BASE64"] {
                XCTAssertEqual(
                    AtomParser.isBase64(type: type, mode: mode),
                    AtomBase64Content.isEncoded(type: type, mode: mode),
                    "\(type) \(mode)")
            }
        }
    }
}
