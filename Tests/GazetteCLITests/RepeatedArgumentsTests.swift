import ArgumentParser
import Foundation
import XCTest

@testable import gazette

/// A command's list of values (paths, articles) is taken out of the command line but for its
/// first value while the parser reads it, then put back: the parser took time growing with the
/// square of the list's length (8,000 story numbers to `mark` took 3 s; found by QA).
final class RepeatedArgumentsTests: XCTestCase {
    /// `command` written out whole.
    private func written(_ command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    /// Split, parsed and put back, every command line gives the command the parser gives.
    func testTheCommandIsTheOneTheParserMakesOfTheWholeLine() throws {
        let lines: [[String]] = [
            ["mark", "news.txt", "1", "2", "3", "--read"],
            [
                "mark", "--state", "s.sqlite", "news.txt", "1", "2", "--state=t", "3", "--read",
                "--", "-x", "--y",
            ],
            ["mark", "news.txt", "--unread", "0005023574948040", "-", "", "c6b0", "--state", "-"],
            ["list", "a.txt", "--json", "b.txt", "--grep", "x y", "c.txt", "--grep", "z", "--", "--d"],
            ["export", "-", "a.txt", "--state", "s", "b/"],
            ["open", "a.txt", "b.txt", "c.txt"],
            ["a.txt", "--state", "s", "b.txt", "c.txt"],
            ["--state", "s", "a.txt", "b.txt"],
            // An empty value written on (`--state=`) takes the next word, as the parser has it
            // (it was taken for a path too; found by QA).
            ["list", "--state=", "s.sqlite", "a.txt", "b.txt"],
            ["list", "--state", "s", "a.txt", "--grep=", "Kills", "b.txt"],
            ["mark", "--state=", "s.sqlite", "a.txt", "1", "2", "--flag"],
            // `show`'s PATHs, then its article; `--width`'s value is not one of them.
            ["show", "a.txt", "--width", "72", "feeds/", "-", "12", "--state", "s"],
        ]
        for line in lines {
            let repeated = try XCTUnwrap(RepeatedArguments(line), "\(line)")
            XCTAssertLessThan(repeated.forParser.count, line.count, "\(line)")
            XCTAssertEqual(
                written(repeated.restored(into: try Gazette.parseAsRoot(repeated.forParser))),
                written(try Gazette.parseAsRoot(line)), "\(line)")
        }
        let marked = try XCTUnwrap(
            RepeatedArguments(["mark", "news.txt", "1", "--state", "s", "2", "--read"]))
        XCTAssertEqual(marked.forParser, ["mark", "news.txt", "1", "--state", "s", "--read"])
        XCTAssertEqual(marked.values, ["1", "2"])
        // Nothing to take out: one value, or a command of single values.
        for line in [
            ["mark", "news.txt", "1", "--read"], ["list", "a.txt"], ["show", "a.txt", "1"], ["help", "list"],
            [],
        ] {
            XCTAssertNil(RepeatedArguments(line), "\(line)")
        }
    }

    /// Every option of these commands that takes a value is known as one: its value is not
    /// taken for one of the list's.
    func testEveryOptionThatTakesAValueIsKnown() throws {
        let commands: [ParsableCommand.Type] = [Open.self, List.self, Export.self, Mark.self, Show.self]
        var options: Set<String> = []
        let pattern = try NSRegularExpression(pattern: "(--[a-z-]+) <")
        for command in commands {
            let help = command.helpMessage(columns: 1000)
            for match in pattern.matches(in: help, range: NSRange(help.startIndex..., in: help)) {
                options.insert(String(help[try XCTUnwrap(Range(match.range(at: 1), in: help))]))
            }
        }
        XCTAssertEqual(options, ["--state", "--grep", "--width"])
        for option in options { XCTAssertTrue(RepeatedArguments.takesValue(option), option) }
    }

    /// A long list is every value, in order, whatever options stand among them.
    func testEveryValueIsKeptInOrder() throws {
        let numbers = (1...20_000).map(String.init)
        let line =
            ["mark", "news.txt"] + numbers[..<10_000] + ["--read", "--state", "s"] + numbers[10_000...]
        let repeated = try XCTUnwrap(RepeatedArguments(line))
        XCTAssertEqual(repeated.values, numbers)
        let mark = try XCTUnwrap(
            repeated.restored(into: try Gazette.parseAsRoot(repeated.forParser)) as? Mark)
        XCTAssertEqual(mark.more, numbers)
        XCTAssertEqual(mark.path, "news.txt")
        XCTAssertEqual(mark.state.path, "s")
    }
}
