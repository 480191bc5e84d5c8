import Foundation
import TestSupport
import XCTest

final class StateCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-state" }
    private var statePath: String { folder.appendingPathComponent("state/state.sqlite").path }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(arguments + ["--state", statePath])
    }

    private func listRows(_ path: String) throws -> [[String: Any]] {
        let outcome = try run(["list", "--json", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    private func write(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        return path
    }

    private func generatedDump(articles: Int) -> [String] {
        (1...articles).map { index in
            DumpText.article(
                title: "Story number \(index)", caption: "Caption \(index) (AFP)",
                paragraphs: ["Body of story \(index).", "Second paragraph \(index)."])
        }
    }

    func testMarkReadFlagAndListFilters() throws {
        let sample = Fixtures.sample.path
        XCTAssertEqual(try run(["mark", sample, "1", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", sample, "2", "--flag"]).status, 0)
        let rows = try listRows(sample)
        XCTAssertEqual(rows.map { $0["read"] as? Bool }, [true, false])
        XCTAssertEqual(rows.map { $0["flagged"] as? Bool }, [false, true])
        let unread = try run(["list", "--unread", sample])
        XCTAssertEqual(unread.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(unread.stdout.hasPrefix("2 N! Dutch"), unread.stdout)
        let flagged = try run(["list", "--flagged", sample])
        XCTAssertTrue(flagged.stdout.hasPrefix("2 N! Dutch"), flagged.stdout)
        XCTAssertTrue(try run(["list", sample]).stdout.hasPrefix("1    Iran"))
        // Both filters keep what both say: story 1, read and now flagged too, is not unread.
        XCTAssertEqual(try run(["mark", sample, "1", "--flag"]).status, 0)
        for arguments in [
            ["list", "--unread", "--flagged", sample], ["list", "--flagged", "--unread", sample],
        ] {
            let both = try run(arguments).stdout
            XCTAssertEqual(both.split(separator: "\n").count, 1, both)
            XCTAssertTrue(both.hasPrefix("2 N! Dutch"), both)
        }
        XCTAssertEqual(try run(["list", "--flagged", sample]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(try run(["mark", sample, "1", "--unflag"]).status, 0)
        XCTAssertEqual(try run(["mark", sample, "1", "--unread"]).status, 0)
        XCTAssertEqual(try listRows(sample).map { $0["read"] as? Bool }, [false, false])
        let export = try run(["export", sample])
        XCTAssertTrue(export.stdout.contains("\"flagged\" : true"), export.stdout)
    }

    /// Commands that only read leave the state file as it was, byte for byte (each `list`
    /// opened it for writing and changed its schema cookie), and read one they may not write.
    func testReadingCommandsWriteNothing() throws {
        let sample = Fixtures.sample.path
        XCTAssertEqual(try run(["mark", sample, "1", "--read"]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: statePath))
        for arguments in [["list", sample], ["list", "--json", sample], ["export", sample], [sample]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stdout.contains("Dutch Tighten"), "\(arguments)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), before)
        // Made immutable where this machine allows it (root passes permission checks).
        let immutable = Process()
        immutable.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        immutable.arguments = ["+i", statePath]
        immutable.standardError = FileHandle.nullDevice
        guard (try? immutable.run()) != nil else { return }
        immutable.waitUntilExit()
        guard immutable.terminationStatus == 0 else { return }
        defer {
            let undo = Process()
            undo.executableURL = immutable.executableURL
            undo.arguments = ["-i", statePath]
            try? undo.run()
            undo.waitUntilExit()
        }
        let listed = try run(["list", sample])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.hasPrefix("1    Iran"), listed.stdout)
        let marked = try run(["mark", sample, "2", "--read"])
        XCTAssertEqual(marked.status, 1)
        XCTAssertTrue(marked.stderr.contains("read-only"), marked.stderr)
    }

    func testMarkAllAndById() throws {
        let sample = Fixtures.sample.path
        let id = try XCTUnwrap(try listRows(sample)[1]["id"] as? String)
        XCTAssertEqual(try run(["mark", sample, id, "--read"]).status, 0)
        XCTAssertEqual(try listRows(sample).map { $0["read"] as? Bool }, [false, true])
        XCTAssertEqual(try run(["mark", sample, "--all", "--read"]).status, 0)
        XCTAssertEqual(try listRows(sample).map { $0["read"] as? Bool }, [true, true])
    }

    /// What `mark` did is its result, told on standard output without the `gazette: ` of an
    /// error: it was on standard error as `gazette: marked read 1 article`, which reads as a
    /// failure (found by QA). Standard error keeps to failures.
    func testMarkTellsWhatItDidOnStandardOutputNotAsAnError() throws {
        let sample = Fixtures.sample.path
        let marked = try run(["mark", sample, "2", "--flag"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "flagged 1 article\n")
        XCTAssertEqual(marked.stderr, "")
        let failed = try run(["mark", sample, "9", "--flag"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertEqual(failed.stdout, "")
        XCTAssertTrue(failed.stderr.hasPrefix("gazette: no article '9'"), failed.stderr)
    }

    /// Ids made of digits are ids: `mark` (all or nothing) refused the whole batch for one
    /// (found by QA).
    func testMarkTakesIdsMadeOfDigits() throws {
        let path = folder.appendingPathComponent("digits.txt").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(DumpText.digitIDs.utf8)))
        let outcome = try run(["mark", path, "0257757916452848", "9916638815555786", "--read"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "marked read 2 articles\n")
        XCTAssertEqual(try listRows(path).map { $0["read"] as? Bool }, [true, true, false])
    }

    /// Thousands of articles, options among them, are every one marked (the parser took time
    /// growing with the square of their count: 8,000 took 3 s; found by QA).
    func testMarkTakesThousandsOfArticlesWithOptionsAmongThem() throws {
        let path = folder.appendingPathComponent("many.txt").path
        let text = (1...3000).map { DumpText.article(title: "Story \($0)", paragraphs: ["Text \($0)."]) }
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: path, contents: Data(text.joined(separator: "\n\n\n").utf8)))
        let numbers = (1...3000).map(String.init)
        let outcome = try run(["mark", path] + numbers[..<1500] + ["--flag"] + numbers[1500...])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "flagged 3,000 articles\n")
        XCTAssertEqual(try listRows(path).filter { $0["flagged"] as? Bool == true }.count, 3000)
    }

    /// An article named twice is one article: "1 1 1" said "marked read 3 articles" (found by QA).
    func testAnArticleNamedTwiceIsMarkedAndCountedOnce() throws {
        let sample = Fixtures.sample.path
        let id = try XCTUnwrap(try listRows(sample)[0]["id"] as? String)
        let outcome = try run(["mark", sample, "1", "1", id, "--read"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "marked read 1 article\n")
        XCTAssertEqual(try listRows(sample).map { $0["read"] as? Bool }, [true, false])
    }

    /// `show` takes `--state` as every other command does (a script passes it to each), and
    /// refuses an empty one as they do.
    func testShowTakesTheStateOptionLikeTheOtherCommands() throws {
        let shown = try run(["show", Fixtures.sample.path, "1", "--width", "60"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertFalse(shown.stdout.isEmpty)
        let empty = try CommandRunner.run(["show", Fixtures.sample.path, "1", "--state", ""])
        XCTAssertEqual(empty.status, 2, empty.stderr)
    }

    /// Articles that were so already are counted apart ("marked read 0 articles" read as a
    /// failure), and two changes are refused in the program's words, not the parser's (found
    /// by QA).
    func testMarkCountsWhatWasSoAlreadyAndRefusesTwoChanges() throws {
        let sample = Fixtures.sample.path
        XCTAssertEqual(try run(["mark", sample, "1", "--read"]).stdout, "marked read 1 article\n")
        XCTAssertEqual(
            try run(["mark", sample, "1", "2", "--read"]).stdout,
            "marked read 1 article (1 was read already)\n")
        XCTAssertEqual(
            try run(["mark", sample, "--all", "--unflag"]).stdout,
            "unflagged 0 articles (2 were not flagged)\n")
        let both = try run(["mark", sample, "1", "--read", "--unread"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(
            both.stderr.hasPrefix("gazette: give one change, not 2: --read, --unread, --flag or --unflag\n"),
            both.stderr)
        XCTAssertEqual(
            try run(["mark", sample, "1", "--flag", "--flag"]).status, 0, "the same change twice is one")
    }

    func testMarkUsageErrors() throws {
        XCTAssertEqual(try run(["mark", Fixtures.sample.path, "1"]).status, 2)
        XCTAssertEqual(try run(["mark", Fixtures.sample.path, "--read"]).status, 2)
        XCTAssertEqual(try run(["mark", Fixtures.sample.path, "1", "--all", "--read"]).status, 2)
        let missing = try run(["mark", Fixtures.sample.path, "7", "--read"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no article '7'"), missing.stderr)
    }

    /// A state path ending in `/` is refused with what to pass instead; a file named like the
    /// folder was made (found by QA).
    func testAStatePathEndingInASlashIsRefused() throws {
        let folderPath = folder.appendingPathComponent("mystate").path + "/"
        // By every command, whether or not it would open the file (list took it for no state).
        for arguments in [["mark", Fixtures.sample.path, "1", "--read"], ["list", Fixtures.sample.path]] {
            let outcome = try CommandRunner.run(arguments + ["--state", folderPath])
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertTrue(
                outcome.stderr.hasPrefix(
                    "gazette: state file '\(folderPath)' ends in '/', which names a folder; pass --state with a "
                        + "file's path (such as '\(folderPath)state.sqlite')\n"), outcome.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: String(folderPath.dropLast())))
        // From the environment, no argument was wrong: a failure, without the usage.
        let fromEnvironment = try CommandRunner.run(
            ["list", Fixtures.sample.path], environment: ["GAZETTE_STATE": folderPath])
        XCTAssertEqual(fromEnvironment.status, 1)
        XCTAssertFalse(fromEnvironment.stderr.contains("Usage"), fromEnvironment.stderr)
    }

    /// A state path whose symbolic links go round in a loop is told, by every command (`list`
    /// took it for no state, `mark` said to fix its permissions; found by QA).
    func testAStatePathThatIsALoopOfLinksIsTold() throws {
        let first = folder.appendingPathComponent("loop-a").path
        let second = folder.appendingPathComponent("loop-b").path
        XCTAssertEqual(symlink(second, first), 0)
        XCTAssertEqual(symlink(first, second), 0)
        for arguments in [["mark", Fixtures.sample.path, "1", "--read"], ["list", Fixtures.sample.path]] {
            let outcome = try CommandRunner.run(arguments + ["--state", first])
            XCTAssertEqual(outcome.status, 1, "\(arguments)")
            XCTAssertTrue(outcome.stderr.contains("its symbolic links go round in a loop"), outcome.stderr)
        }
    }

    func testListDoesNotCreateAStateFile() throws {
        XCTAssertEqual(try run(["list", Fixtures.sample.path]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: statePath))
        // Nor its folder: the one made to see whether it can be is taken away.
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("state").path))
    }

    /// A state file that can never be made where it is named is told by the commands that only
    /// read it, as a locked one is: the stories are printed without marks, and the status is 1
    /// (they were all listed unread, status 0, without a word; found by QA).
    func testAStateFileThatCannotBeMadeIsToldByTheReadingCommands() throws {
        let blocker = write("blocker", "a file where a folder should be")
        var places = [(blocker + "/sub/state.sqlite", "'\(blocker)' is a file, not a folder")]
        if FileManager.default.fileExists(atPath: "/proc/self") {
            places.append(("/proc/nope/x.sqlite", "No such file or directory"))
        }
        for (state, why) in places {
            for command in [["list"], ["list", "--json"], ["export"]] {
                let outcome = try CommandRunner.run(command + [Fixtures.sample.path, "--state", state])
                XCTAssertEqual(outcome.status, 1, "\(command) \(state): \(outcome.stderr)")
                XCTAssertFalse(outcome.stdout.isEmpty, "the stories are printed all the same")
                let said = outcome.stderr.replacingOccurrences(of: "\n", with: " ")
                XCTAssertTrue(
                    said.hasPrefix("gazette: the state file's folder cannot be created (\(why)): "), said)
                XCTAssertTrue(said.contains("read marks and flags are not shown"), said)
                XCTAssertTrue(
                    said.replacingOccurrences(of: " ", with: "").hasSuffix("(statefile'\(state)')"),
                    "the file's name last: \(said)")
            }
        }
    }

    /// `show` reads no reading state, so a state file that cannot be made is not told there
    /// (nothing is marked); its help says the file is not read. `mark`, which writes it, fails.
    func testShowDoesNotReadTheStateFileAndItsHelpSaysSo() throws {
        let blocker = write("blocker", "a file where a folder should be")
        let plain = try CommandRunner.run(["show", Fixtures.sample.path, "1", "--width", "60"])
        for state in [blocker + "/sub/state.sqlite", "/proc/nope/x.sqlite"] {
            let shown = try CommandRunner.run([
                "show", Fixtures.sample.path, "1", "--width", "60", "--state", state,
            ])
            XCTAssertEqual(shown.status, 0, shown.stderr)
            XCTAssertEqual(shown.stderr, "")
            XCTAssertEqual(shown.stdout, plain.stdout)
        }
        let marked = try CommandRunner.run([
            "mark", Fixtures.sample.path, "1", "--read", "--state", blocker + "/s/x",
        ])
        XCTAssertEqual(marked.status, 1, marked.stderr)
        XCTAssertTrue(marked.stderr.hasPrefix("gazette: cannot create folder"), marked.stderr)
        let help = try CommandRunner.run(["show", "--help"]).stdout.split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        XCTAssertTrue(help.contains("--state <PATH> Not read: show reads no reading state"), help)
    }

    func testStateSurvivesReorderCRLFAndAppend() throws {
        let stories = generatedDump(articles: 4)
        let original = write("news.txt", stories.joined(separator: "\n\n\n"))
        XCTAssertEqual(try run(["mark", original, "1", "3", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", original, "2", "--flag"]).status, 0)
        func states(_ path: String) throws -> [String: (Bool, Bool)] {
            var result: [String: (Bool, Bool)] = [:]
            for row in try listRows(path) {
                result[row["title"] as? String ?? ""] = (
                    row["read"] as? Bool ?? false, row["flagged"] as? Bool ?? false
                )
            }
            return result
        }
        let expected = try states(original)
        XCTAssertEqual(expected["Story number 1"]?.0, true)
        XCTAssertEqual(expected["Story number 2"]?.1, true)
        let reordered = write("reordered.txt", stories.reversed().joined(separator: "\n\n"))
        let crlf = write(
            "crlf.txt", stories.joined(separator: "\n\n\n\n").replacingOccurrences(of: "\n", with: "\r\n"))
        let appended = write(
            "appended.txt",
            (stories + [DumpText.article(title: "Fresh story", paragraphs: ["New."])]).joined(
                separator: "\n\n\n"))
        for path in [reordered, crlf, appended] {
            let got = try states(path)
            for (title, state) in expected {
                XCTAssertEqual(got[title]?.0, state.0, "\(path) \(title) read")
                XCTAssertEqual(got[title]?.1, state.1, "\(path) \(title) flagged")
            }
        }
        XCTAssertEqual(try states(appended)["Fresh story"]?.0, false)
    }

    func testTwoProcessesMarkingAtOnceLoseNothing() throws {
        let path = write("big.txt", generatedDump(articles: 1000).joined(separator: "\n\n\n"))
        let group = DispatchGroup()
        let statuses = StatusBox()
        let state = statePath
        for half in 0..<2 {
            let numbers = (1...500).map { String($0 + half * 500) }
            group.enter()
            DispatchQueue.global().async {
                let outcome = try? CommandRunner.run(
                    ["mark", path] + numbers + ["--read", "--state", state])
                statuses.add(outcome?.status ?? -1)
                if let outcome, outcome.status != 0 { print("mark failed: \(outcome.stderr)") }
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(statuses.values.sorted(), [0, 0])
        let rows = try listRows(path)
        XCTAssertEqual(rows.filter { $0["read"] as? Bool == true }.count, 1000)
    }

    func testRandomBytesStateFileIsReportedAndLeftAlone() throws {
        try FileManager.default.createDirectory(
            atPath: (statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        XCTAssertTrue(FileManager.default.createFile(atPath: statePath, contents: junk))
        for arguments in [["mark", Fixtures.sample.path, "1", "--read"], ["list", Fixtures.sample.path]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 1, "\(arguments)")
            XCTAssertTrue(outcome.stderr.hasPrefix("gazette: "), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains(statePath), outcome.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: statePath)), junk)
        }
    }

    func testStateInAnUnwritablePlaceIsReported() throws {
        let blocker = write("blocker", "a file where a folder should be")
        let outcome = try CommandRunner.run([
            "mark", Fixtures.sample.path, "1", "--read", "--state", blocker + "/sub/state.sqlite",
        ])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("gazette: "), outcome.stderr)
    }

    func testGazetteStateEnvironmentVariable() throws {
        let envState = folder.appendingPathComponent("env/state.sqlite").path
        let mark = try CommandRunner.run(
            ["mark", Fixtures.sample.path, "2", "--read"], environment: ["GAZETTE_STATE": envState])
        XCTAssertEqual(mark.status, 0, mark.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: envState))
    }
}

/// Exit statuses collected from several threads.
private final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int32] = []

    func add(_ status: Int32) {
        lock.lock()
        stored.append(status)
        lock.unlock()
    }

    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
