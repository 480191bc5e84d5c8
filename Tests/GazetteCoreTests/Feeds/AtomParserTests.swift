import Foundation
import XCTest

@testable import GazetteCore

/// What the Atom reader tells without hashing or trimming (its namespaces by their length) is
/// what the set of them says.
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

}
