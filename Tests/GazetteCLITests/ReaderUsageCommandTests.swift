import Foundation
import TestSupport
import XCTest

/// A usage error of the reader named by its PATHs alone (`gazette a.txt --bogus`) shows
/// gazette's usage, as typed, with its options: it showed `Usage: gazette open …`, a command
/// the user never named. Named `open`, the reader shows `open`'s.
final class ReaderUsageCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-reader-usage" }
    override var stateOption: StateOption { .environment }

    private let gazettesUsage = """
        Usage: gazette [<paths> ...] [--state <PATH>]
               gazette <subcommand> [<paths> ...] [options]
          See 'gazette --help' for more information.

        """

    func testTheReaderNamedByItsPathsShowsGazettesUsage() throws {
        let sample = Fixtures.sample.path
        for arguments in [
            [sample, "--bogus"], ["--bogus"], ["--bogus", sample], [sample, "b.txt", "--width", "3"],
        ] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
            let option = arguments.first { $0.hasPrefix("--") } ?? ""
            XCTAssertEqual(
                outcome.stderr, "gazette: unknown option '\(option)'\n" + gazettesUsage, "\(arguments)")
        }
        let empty = try CommandRunner.run([sample, "--state", ""])
        XCTAssertEqual(empty.status, 2, empty.stderr)
        XCTAssertTrue(empty.stderr.hasPrefix("gazette: --state"), empty.stderr)
        XCTAssertTrue(empty.stderr.hasSuffix(gazettesUsage), empty.stderr)
    }

    func testTheReaderNamedOpenShowsItsOwnUsage() throws {
        let outcome = try run(["open", Fixtures.sample.path, "--bogus"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertEqual(
            outcome.stderr,
            """
            gazette: unknown option '--bogus'
            Usage: gazette open [<paths> ...] [--state <PATH>]
              See 'gazette open --help' for more information.

            """)
    }
}
