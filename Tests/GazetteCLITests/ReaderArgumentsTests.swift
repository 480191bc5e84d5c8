import XCTest

@testable import gazette

/// The plain reader command line, recognised before the argument parser; everything else
/// must reach the parser unchanged.
final class ReaderArgumentsTests: XCTestCase {
    func testPathsAndOneStateAreRecognised() {
        XCTAssertEqual(ReaderArguments([]), ReaderArguments(paths: [], state: nil))
        XCTAssertEqual(
            ReaderArguments(["a.txt", "b/"]), ReaderArguments(paths: ["a.txt", "b/"], state: nil))
        XCTAssertEqual(
            ReaderArguments(["a.txt", "--state", "s.sqlite"]),
            ReaderArguments(paths: ["a.txt"], state: "s.sqlite"))
        XCTAssertEqual(
            ReaderArguments(["--state=s.sqlite", "-", "a.txt"]),
            ReaderArguments(paths: ["-", "a.txt"], state: "s.sqlite"))
        XCTAssertEqual(
            ReaderArguments(["--", "--help", "list"]), ReaderArguments(paths: ["--help", "list"], state: nil))
        XCTAssertEqual(
            ReaderArguments(["news.txt", "list"]), ReaderArguments(paths: ["news.txt", "list"], state: nil))
    }

    func testEverythingElseGoesToTheParser() {
        for arguments in [
            ["list", "a.txt"], ["show", "a.txt", "1"], ["help"], ["open", "a.txt"], ["--help"], ["-h"],
            ["--version"], ["a.txt", "--state"], ["a.txt", "--state="], ["--state", "a", "--state", "b"],
            ["a.txt", "--json"], ["-x"],
        ] {
            XCTAssertNil(ReaderArguments(arguments), "\(arguments)")
        }
    }
}
