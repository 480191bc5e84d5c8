import XCTest

@testable import GazetteCore

final class JoinedTextTests: XCTestCase {
    func testJoinsAsTheStandardLibraryDoes() {
        let cases: [[String]] = [[], [""], ["a"], ["a", "b"], ["", "x", ""], ["東京", "é", "👍🏽"]]
        for parts in cases {
            for separator in ["", " ", ", ", "\n"] {
                XCTAssertEqual(
                    JoinedText.joined(parts, separator: separator), parts.joined(separator: separator))
                let substrings = parts.map { Substring($0) }
                XCTAssertEqual(
                    JoinedText.joined(substrings, separator: separator),
                    substrings.joined(separator: separator))
                XCTAssertEqual(
                    JoinedText.joined(substrings.dropFirst(), separator: separator),
                    substrings.dropFirst().joined(separator: separator))
            }
        }
    }
}
