import Foundation
import TestSupport
import XCTest

/// The argument parser's usage errors are told as Gazette's own are, in small letters after
/// `gazette: `, with status 2 and where the help is ("gazette: Unknown option '--bogus'";
/// found by QA).
final class ParserMessageVoiceCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-parser-voice" }

    func testTheParsersMessagesStartInSmallLetters() throws {
        let sample = Fixtures.sample.path
        let cases: [([String], String)] = [
            (["list", "--bogus", sample], "gazette: unknown option '--bogus'\n"),
            (
                ["show", sample, "1", "--width", "x"],
                "gazette: the value 'x' is invalid for '--width <width>'\n"
            ),
            (["list", sample, "--grep"], "gazette: missing value for '--grep <query>'\n"),
            (["show", sample], "gazette: missing expected argument '<article>'\n"),
        ]
        for (arguments, message) in cases {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertTrue(outcome.stderr.hasPrefix(message), "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("See 'gazette \(arguments[0]) --help'"), outcome.stderr)
        }
    }
}
