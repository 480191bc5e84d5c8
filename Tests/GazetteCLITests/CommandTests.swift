import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import gazette

final class CommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-cli" }
    override var stateOption: StateOption { .environment }

    private func write(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        return path
    }

    /// On a terminal, `list` rows fit its width: the title is cut first, then the whole row
    /// (rows went on at the left edge of the next line; found by QA).
    func testListRowsFitTheTerminal() {
        XCTAssertEqual(HeadlineListing.fitted(title: "Short", credit: "  — AFP", columns: 40), "Short  — AFP")
        XCTAssertEqual(
            HeadlineListing.fitted(title: "A rather long title of a story", credit: "  — AFP", columns: 20),
            "A rather lon…  — AFP")
        XCTAssertEqual(
            HeadlineListing.fitted(title: "مرحبا بالعالم ٢٠٢٤ Hello", credit: "  — AFP", columns: 20),
            "مرحبا بالعال…  — AFP")
        XCTAssertEqual(
            HeadlineListing.fitted(title: "Title here", credit: "  — Agence France-Presse", columns: 20),
            "Title here  — Agenc…")
        XCTAssertEqual(HeadlineListing.fitted(title: "東京の天気予報です", credit: "", columns: 9), "東京の天…")
        for columns in 1...30 {
            let row = HeadlineListing.fitted(
                title: "東京 weather 👍 today", credit: "  — REUTERS", columns: columns)
            XCTAssertLessThanOrEqual(DisplayWidth.of(row), columns, row)
        }
    }

    /// Where a row's title, credit and source do not fit, the credit goes and the source stays,
    /// as on the rows without a credit: one cut for every row (a row with a credit lost both
    /// while the others kept the source; found by QA).
    func testNarrowListRowsKeepTheirSourceWithOrWithoutCredit() {
        let title = "Parliament votes on the new budget"
        let source = "  [world.txt]"
        for columns in [25, 30, 35] {
            let withCredit = HeadlineListing.fitted(
                title: title, credit: "  — Agence France-Presse", source: source, columns: columns)
            let without = HeadlineListing.fitted(title: title, credit: "", source: source, columns: columns)
            XCTAssertEqual(withCredit, without, "\(columns)")
            XCTAssertTrue(withCredit.hasSuffix(source), withCredit)
            XCTAssertLessThanOrEqual(DisplayWidth.of(withCredit), columns, withCredit)
        }
        // Room for both: both show; room for neither beside a dozen columns of title: the whole
        // row is cut, with a credit or without.
        XCTAssertEqual(
            HeadlineListing.fitted(title: title, credit: "  — AFP", source: source, columns: 35),
            "Parliament vot…  — AFP  [world.txt]")
        XCTAssertEqual(
            HeadlineListing.fitted(title: title, credit: "  — AFP", source: source, columns: 20),
            HeadlineListing.fitted(title: title, credit: "", source: source, columns: 20))
    }

    /// Each help says all its command takes (found by QA): that a path may be a folder or `-`,
    /// that `show` takes `--state` and how wide `--width` may be, what `list`'s markers and
    /// source column are, and the reader's `--state` at the top.
    func testEveryHelpSaysAllItsCommandTakes() throws {
        func help(_ arguments: [String]) throws -> String {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments)")
            return outcome.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let top = try help(["--help"])
        for text in [
            "A PATH is a news file (a plain-text dump, or an RSS, Atom or JSON feed), a folder of them, or - for standard input.",
            "The reader takes --state <PATH>, as every command does: the reading-state file",
            "Examples: gazette news.txt feeds/",
        ] {
            XCTAssertTrue(top.contains(text), "\(text) in \(top)")
        }
        let show = try help(["show", "--help"])
        for text in [
            "<path> News files, folders of them, or - for standard input: every argument but the last.",
            "USAGE: gazette show <path> ... <article> [--state <PATH>] [--width <width>]",
            "the last is the article, numbered as gazette list of the same PATHs numbers it",
            "--state <PATH> Not read: show reads no reading state", "show reads no reading state",
            "--width <width> Wrap width in columns, from 10 to 500",
        ] {
            XCTAssertTrue(show.contains(text), "\(text) in \(show)")
        }
        let mark = try help(["mark", "--help"])
        for text in [
            "<path> News files, folders of them, or - for standard input: the first argument, and each after it "
                + "that names an existing file or folder, or is -.",
            "Digits that name a file or folder here could be either, and are refused: write ./3 for the file, "
                + "or the story's id for the story.",
            "gazette mark news.txt feeds/ 12 --read", "gazette mark news.txt c6b0dba3 --flag",
        ] {
            XCTAssertTrue(mark.contains(text), "\(text) in \(mark)")
        }
        let list = try help(["list", "--help"])
        XCTAssertTrue(
            list.contains(
                "Each line is a story: its number (what show and mark take), N when it is unread, ! when it is "
                    + "flagged, its title, then — its credit, and [the file it comes from] when several files are listed."
            ),
            list)
        // The widths the help names are those taken.
        for (width, status) in [(9, 2), (10, 0), (500, 0), (501, 2)] {
            let outcome = try run(["show", Fixtures.sample.path, "1", "--width", String(width)])
            XCTAssertEqual(outcome.status, Int32(status), "\(width): \(outcome.stderr)")
        }
    }

    /// A binary copied on its own opens the sample built into it, unpacked once into the data
    /// folder (it said "the bundled sample is missing"; found by QA), and says where it could
    /// not write it.
    func testACopiedBinaryOpensTheSampleBuiltIntoIt() throws {
        XCTAssertEqual(
            BundledSample.embeddedBytes, try Data(contentsOf: Fixtures.sample), "the built-in copy")
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("gazette")
        if link(CommandRunner.executable.path, copy.path) != 0 {
            try FileManager.default.copyItem(at: CommandRunner.executable, to: copy)
        }
        let data = folder.appendingPathComponent("data")
        let state = folder.appendingPathComponent("state.sqlite").path
        for _ in 0..<2 {
            let outcome = try CommandRunner.run(
                ["list"], environment: ["GAZETTE_STATE": state, "XDG_DATA_HOME": data.path],
                executable: copy)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertTrue(outcome.stdout.hasPrefix("1 N  Iran Pays Millions in Ransom"), outcome.stdout)
        }
        let unpacked = data.appendingPathComponent("gazette/\(BundledSample.fileName)")
        XCTAssertEqual(try Data(contentsOf: unpacked), try Data(contentsOf: Fixtures.sample))
        let blocked = write("not-a-folder", "x")
        let refused = try CommandRunner.run(
            ["list"], environment: ["GAZETTE_STATE": state, "XDG_DATA_HOME": blocked], executable: copy)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(
            refused.stderr,
            "gazette: the bundled sample is not installed beside gazette and cannot be written to "
                + "'\(blocked)/gazette'; name a news file to open\n")
    }

    /// The wait is told for every named pipe given, not only the first (it named the first while
    /// the second was read; found by QA); files are not waited on.
    func testTheWaitNamesThePipesGiven() throws {
        let first = folder.appendingPathComponent("a.fifo").path
        let second = folder.appendingPathComponent("b.fifo").path
        XCTAssertEqual(mkfifo(first, 0o600), 0)
        XCTAssertEqual(mkfifo(second, 0o600), 0)
        XCTAssertEqual(StandardInputWait.waitedOn([first]), "'a.fifo'")
        XCTAssertEqual(
            StandardInputWait.waitedOn([Fixtures.sample.path, first, second]), "'a.fifo' and 1 more")
        XCTAssertNil(StandardInputWait.waitedOn([Fixtures.sample.path, folder.path]))
    }

    func testListPrintsTheTwoSampleHeadlines() throws {
        let outcome = try run(["list", Fixtures.sample.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout,
            """
            1 N  Iran Pays Millions in Ransom to End Cyberattack on Banks  — IRNA
            2 N  Dutch Tighten Controls on Military and Dual Use Exports to Israel  — REUTERS

            """)
    }

    /// libxml2 (and the ICU libraries it maps) is loaded only for a feed, never for a dump:
    /// the dynamic loader's own log says which libraries each run mapped.
    func testLibXML2IsLoadedForAFeedOnlyAndOnDemand() throws {
        func loaded(_ path: String) throws -> [String] {
            let outcome = try CommandRunner.run(
                ["list", path],
                environment: [
                    "GAZETTE_STATE": folder.appendingPathComponent("state.sqlite").path, "LD_DEBUG": "files",
                ])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            return outcome.stderr.split(separator: "\n").filter { $0.contains("file=libxml2.so") }.map(
                String.init)
        }
        XCTAssertEqual(try loaded(Fixtures.sample.path), [])
        XCTAssertEqual(try loaded(Fixtures.realNews.path), [])
        let feed = try loaded(Fixtures.feeds.appendingPathComponent("feedjira/HuffPostCanada.xml").path)
        XCTAssertTrue(feed.contains { $0.contains("dynamically loaded by") }, "\(feed)")
        XCTAssertFalse(feed.contains { $0.contains("needed by") && $0.contains("gazette") }, "\(feed)")
    }

    func testNoPathOpensTheBundledSampleAndPipedOutputIsTheList() throws {
        let outcome = try CommandRunner.run(["--state", statePath], stdinFromNullDevice: true)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 2)
        XCTAssertTrue(outcome.stdout.contains("Iran Pays Millions"))
    }

    /// With no PATH, news piped in is what the list shows, as the reader reads it: `cat news.txt
    /// | gazette | grep …` listed the bundled sample (found by QA). `list` reads standard input
    /// only when given `-`.
    func testNoPathListsTheNewsPipedIn() throws {
        let news = try Data(contentsOf: Fixtures.realNews)
        let outcome = try run([], stdin: news)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 15)
        XCTAssertFalse(outcome.stdout.contains("Iran Pays Millions"))
        // Small enough for the pipe's buffer: `list` does not read it.
        let listed = try run(["list"], stdin: Data("Piped title\n\nA paragraph piped in.\n".utf8))
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("Iran Pays Millions"), "list without - keeps to the sample")
    }

    func testListJSON() throws {
        let outcome = try run(["list", "--json", Fixtures.realNews.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 15)
        XCTAssertEqual(rows[0]["index"] as? Int, 1)
        XCTAssertEqual(rows[3]["title"] as? String, "معارضون يسيطرون على مخازن للصواريخ بريف دمشق")
        XCTAssertEqual(rows[0]["source"] as? String, "realnews_dump.txt")
        XCTAssertNotNil(rows[0]["wordCount"] as? Int)
        XCTAssertEqual((rows[0]["id"] as? String)?.count, 16)
        XCTAssertTrue(rows[1]["credit"] is NSNull)
    }

    func testShowPrintsCaptionOnceAndParagraphsWrapped() throws {
        let outcome = try run(["show", Fixtures.sample.path, "1", "--width", "60"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "Iran Pays Millions in Ransom to End Cyberattack on Banks")
        XCTAssertEqual(lines[1], "Iranians at a bank branch in Tehran (IRNA)")
        XCTAssertEqual(lines[2], "")
        XCTAssertEqual(outcome.stdout.components(separatedBy: "Iranians at a bank branch").count - 1, 1)
        XCTAssertFalse(lines.contains("TT"))
        XCTAssertFalse(lines.contains("20"))
        XCTAssertEqual(outcome.stdout.components(separatedBy: "Iran Pays Millions in Ransom").count - 1, 1)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 60 })
        let paragraphs = outcome.stdout.components(separatedBy: "\n\n")
        XCTAssertEqual(paragraphs.count - 1, 11)
    }

    func testShowSecondArticleByIdHasEightParagraphs() throws {
        let list = try run(["list", "--json", Fixtures.sample.path])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let id = try XCTUnwrap(rows[1]["id"] as? String)
        let outcome = try run(["show", Fixtures.sample.path, id, "--width", "80"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("REUTERS/Piroschka van de Wouw/File Photo"))
        XCTAssertEqual(outcome.stdout.components(separatedBy: "\n\n").count - 1, 8)
    }

    /// Paths with options among them are every one listed, as when the options come last.
    func testListTakesPathsWithOptionsAmongThem() throws {
        let files = [Fixtures.sample.path, Fixtures.realNews.path, write("digits.txt", DumpText.digitIDs)]
        let together = try run(["list"] + files + ["--grep", "s", "--grep", "e", "--json"])
        let among = try run(["list", files[0], "--grep", "s", files[1], "--json", "--grep", "e", files[2]])
        XCTAssertEqual(among.status, 0, among.stderr)
        XCTAssertEqual(among.stdout, together.stdout)
        XCTAssertTrue(among.stdout.contains("digits.txt"), among.stdout)
        XCTAssertTrue(among.stdout.contains("realnews_dump.txt"), among.stdout)
    }

    func testShowUnknownArticle() throws {
        let outcome = try run(["show", Fixtures.sample.path, "9"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.hasPrefix("gazette: no article '9'"), outcome.stderr)
    }

    /// An id of digits only is an id, as `list --json` gives it, not a number out of range
    /// ("no article '0257757916452848'"; found by QA); a number in range is still a number.
    func testShowFindsAnIdMadeOfDigits() throws {
        let path = write("digits.txt", DumpText.digitIDs)
        let list = try run(["list", "--json", path])
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? String }.prefix(2), ["0257757916452848", "9916638815555786"])
        for (reference, title) in [
            ("0257757916452848", "Story number 3155"), ("9916638815555786", "Story number 2750"),
            ("0257", "Story number 3155"), ("3", "Other"),
        ] {
            let outcome = try run(["show", path, reference])
            XCTAssertEqual(outcome.status, 0, "\(reference): \(outcome.stderr)")
            XCTAssertTrue(outcome.stdout.hasPrefix(title + "\n"), "\(reference): \(outcome.stdout)")
        }
    }

    /// The start of several ids is said to be ambiguous, with the stories it starts, as git
    /// says of a short hash ("no article 'f403'"; found by QA); the help says how short an id
    /// may be.
    func testTheStartOfSeveralIdsIsToldAmbiguous() throws {
        let path = write("alike.txt", DumpText.idsStartingAlike)
        let ambiguous =
            "gazette: 'f403' is ambiguous in '\(path)': it starts the ids of 2 stories: "
            + "1 (f40359b229411ef0), 2 (f4039d83c056fdae); give more of the id\n"
        let shown = try run(["show", path, "f403"])
        XCTAssertEqual(shown.status, 2)
        XCTAssertTrue(shown.stderr.hasPrefix(ambiguous), shown.stderr)
        XCTAssertEqual(shown.stdout, "")
        let marked = try run(["mark", path, "1", "f403", "--read"])
        XCTAssertEqual(marked.status, 2)
        XCTAssertTrue(marked.stderr.hasPrefix(ambiguous), marked.stderr)
        XCTAssertTrue(try run(["show", path, "f4039"]).stdout.hasPrefix("Story number 412\n"))
        for command in ["show", "mark"] {
            let help = try run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace)
            XCTAssertTrue(help.joined(separator: " ").contains("first 4 or more characters"), "\(help)")
        }
    }

    /// Digits with a leading zero that are a story's number and the start of ids name neither,
    /// in `show` and in `mark` (which marked story 227 for a user who copied the start of story
    /// 16's id `0227…`; found by QA). A feed's ids start with its title: here `0002 News#…`.
    func testANumberWithALeadingZeroThatStartsAnIdIsToldAmbiguous() throws {
        let items = ["One", "Two", "Three"].map {
            "<item><title>\($0)</title><guid>\($0.lowercased())</guid><description>\($0) told.</description></item>"
        }
        let path = write(
            "zero.xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>0002 News</title>"
                + items.joined() + "</channel></rss>")
        let ambiguous =
            "gazette: '0002' is ambiguous in '\(path)': it is story 2's number and starts the ids of 3 "
            + "stories (1 (0002 News#one), 2 (0002 News#two), 3 (0002 News#three)); write 2 for the number, "
            + "or give more of the id\n"
        let shown = try run(["show", path, "0002"])
        XCTAssertEqual(shown.status, 2)
        XCTAssertTrue(shown.stderr.hasPrefix(ambiguous), shown.stderr)
        let state = folder.appendingPathComponent("zero.sqlite").path
        let marked = try run(["mark", path, "0002", "--read", "--state", state])
        XCTAssertEqual(marked.status, 2, marked.stdout)
        XCTAssertTrue(marked.stderr.hasPrefix(ambiguous), marked.stderr)
        XCTAssertTrue(try run(["show", path, "2"]).stdout.hasPrefix("Two\n"))
        XCTAssertTrue(try run(["show", path, "0003"]).stdout.hasPrefix("Three\n"), "seq -w's numbers")
        XCTAssertTrue(try run(["show", path, "0002 News#th"]).stdout.hasPrefix("Three\n"), "more of the id")
        XCTAssertEqual(try run(["mark", path, "0003", "--read", "--state", state]).status, 0)
    }

    /// A negative number is no article: the parser took `-1` for an option and said only that
    /// an argument was missing (found by QA).
    func testANegativeArticleNumberIsNamed() throws {
        let state = folder.appendingPathComponent("s.sqlite").path
        for arguments in [
            ["show", Fixtures.sample.path, "-1"],
            ["mark", Fixtures.sample.path, "-3", "--read", "--state", state],
        ] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertTrue(
                outcome.stderr.hasPrefix(
                    "gazette: no article '\(arguments[2])': article numbers start at 1\n"),
                outcome.stderr)
        }
        for text in ["-1x", "-2.5"] {
            let outcome = try run(["show", Fixtures.sample.path, text])
            XCTAssertEqual(outcome.status, 2)
            XCTAssertTrue(
                outcome.stderr.hasPrefix(
                    "gazette: no article '\(text)': use a story's number (from 1) or its id\n"),
                outcome.stderr)
        }
    }

    func testExportRealNews() throws {
        let outcome = try run(["export", Fixtures.realNews.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let articles = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(articles.count, 15)
        let counts = articles.map { ($0["paragraphs"] as? [String])?.count ?? -1 }
        XCTAssertEqual(counts, [25, 34, 20, 7, 33, 10, 13, 31, 37, 19, 31, 22, 47, 7, 35])
        for key in [
            "id", "title", "caption", "credit", "paragraphs", "wordCount", "readingMinutes", "source",
        ] {
            XCTAssertTrue(articles.allSatisfy { $0[key] != nil }, key)
        }
        XCTAssertEqual(articles[11]["title"] as? String, "海外留学生看两会：出国前后关注点大不同")
    }

    /// An empty list of links is written `[]`: the encoder wrote it over three lines, the middle
    /// one blank (found by QA).
    func testEmptyArraysAreWrittenOnOneLine() throws {
        let outcome = try run(["export", Fixtures.sample.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("    \"links\" : [],\n"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("[\n" + "  \n"), outcome.stdout)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)))
    }

    func testMissingFileExitsOne() throws {
        let outcome = try run(["list", "/nonexistent/news.txt"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(
            outcome.stderr, "gazette: cannot open '/nonexistent/news.txt': No such file or directory\n")
        XCTAssertEqual(outcome.stdout, "")
    }

    /// Of several paths, one that cannot be read is told and skipped, the rest printed, and
    /// the status is 1, as `cat` and `grep` do (the whole command stopped at it).
    func testAMissingFileAmongSeveralIsSkippedAndTheStatusIsOne() throws {
        let missing = folder.appendingPathComponent("nope.txt").path
        let sample = Fixtures.sample.path
        for command in ["list", "export"] {
            let outcome = try run([command, sample, missing])
            XCTAssertEqual(outcome.status, 1, command)
            XCTAssertEqual(
                outcome.stderr, "gazette: skipped: cannot open '\(missing)': No such file or directory\n",
                command)
            let whole = try run([command, sample])
            XCTAssertEqual(whole.status, 0)
            XCTAssertEqual(outcome.stdout, whole.stdout, "\(command) printed every story of the file it read")
        }
        // Piped plain `gazette` lists the same way.
        let piped = try run([sample, missing])
        XCTAssertEqual(piped.status, 1)
        XCTAssertFalse(piped.stdout.isEmpty)
        // None readable: each failure is told, in order (only the first was).
        let empty = write("empty.txt", "")
        let none = try run(["list", missing, empty, missing + "2"])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(
            none.stderr,
            "gazette: cannot open '\(missing)': No such file or directory\n"
                + "gazette: '\(empty)' is empty: there are no articles to show\n"
                + "gazette: cannot open '\(missing)2': No such file or directory\n")
        XCTAssertEqual(none.stdout, "")
    }

    /// `list DIR` tells of a link in the folder that leads to no file, beside a binary file's
    /// line: it was skipped without a word (found by QA).
    func testListOfAFolderTellsOfABrokenLink() throws {
        let directory = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: directory.appendingPathComponent("01.txt"))
        try Data([0, 1, 2, 3]).write(to: directory.appendingPathComponent("05binary.txt"))
        XCTAssertEqual(symlink("nowhere", directory.appendingPathComponent("09broken.txt").path), 0)
        let outcome = try run(["list", directory.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, try run(["list", Fixtures.sample.path]).stdout)
        XCTAssertEqual(
            outcome.stderr,
            "gazette: skipped: '\(directory.path)/05binary.txt' is not a news file (it looks like a binary file)\n"
                + "gazette: skipped '\(directory.path)/09broken.txt': a link to 'nowhere', which does not exist "
                + "(restore it, or remove the link)\n")
    }

    func testEmptyFileAndNoArticlesAndEmptyDirectory() throws {
        let empty = write("empty.txt", "")
        var outcome = try run(["list", empty])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("is empty"), outcome.stderr)
        let blank = write("blank.txt", "\n\n\n")
        outcome = try run(["list", blank])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("holds no articles"), outcome.stderr)
        let directory = folder.appendingPathComponent("nothing")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        outcome = try run(["list", directory.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("holds no news files"), outcome.stderr)
    }

    func testBadOptionExitsTwoWithUsage() throws {
        let outcome = try run(["list", "--bogus"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.hasPrefix("gazette: "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Usage:"), outcome.stderr)
        let width = try run(["show", Fixtures.sample.path, "1", "--width", "abc"])
        XCTAssertEqual(width.status, 2)
        // A negative width is refused as too small, not taken for a missing value (found by QA).
        let negative = try run(["show", Fixtures.sample.path, "1", "--width", "-3"])
        XCTAssertEqual(negative.status, 2)
        XCTAssertTrue(negative.stderr.hasPrefix("gazette: --width must be at least 10"), negative.stderr)
        let mark = try run(["mark", "--help"])
        XCTAssertTrue(mark.stdout.contains("(--read | --unread | --flag | --unflag)"), mark.stdout)
    }

    func testHelpExitsZero() throws {
        for arguments in [["--help"], ["list", "--help"], ["show", "--help"], ["export", "--help"]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments)")
            XCTAssertTrue(outcome.stdout.contains("USAGE"), "\(arguments)")
        }
    }

    /// A file name that is not UTF-8 cannot be passed on (Swift's arguments replace its bytes):
    /// it is said so, rather than "no such file" for a file that is there.
    func testAnArgumentThatIsNotUTF8IsAClearError() throws {
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
        let created = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) }
        }
        XCTAssertGreaterThanOrEqual(created, 0)
        _ = Fixtures.bytes(Fixtures.sample).withUnsafeBytes { Glibc.write(created, $0.baseAddress, $0.count) }
        close(created)
        let state = folder.appendingPathComponent("state.sqlite").path
        for command in [["list"], []] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", "exec \"$0\" $1 \"$(printf 'caf\\351.txt')\" --state \"$2\" < /dev/null",
                CommandRunner.executable.path, command.first ?? "", state,
            ]
            process.currentDirectoryURL = folder
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(process.terminationStatus, 2, "\(command) \(stderr)")
            XCTAssertTrue(stderr.contains("is not valid UTF-8"), stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: state), "nothing written")
    }

    /// A first word that is neither a file nor a command is told to be neither: `gazette lst`
    /// said only that 'lst' could not be opened (found by QA). A path is told as before.
    func testAMistypedCommandIsToldToBeNoCommand() throws {
        // A command's name mistyped, and no file so named: a usage error naming the command
        // meant (it was skipped as a file and the others listed; found by QA).
        for (typo, meant) in [
            ("lst", "list"), ("lsit", "list"), ("exprot", "export"), ("epxrot", "export"), ("shwo", "show"),
        ] {
            let result = try run([typo, Fixtures.sample.path])
            XCTAssertEqual(result.status, 2, typo)
            XCTAssertEqual(result.stdout, "", typo)
            XCTAssertEqual(
                result.stderr,
                "gazette: no command or file '\(typo)': did you mean '\(meant)'? "
                    + "(commands: open, list, show, export, mark)\n")
        }
        let other = try run(["sample", Fixtures.sample.path])
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stdout.contains("Iran Pays Millions"), "the file named is listed")
        XCTAssertEqual(other.stderr, "gazette: skipped: cannot open 'sample': No such file or directory\n")
        // Two letters away from `export` but another word, not a slip: told as any other name, and
        // the file after it read (it was "did you mean 'export'?", and the file not read; QA).
        let word = try run(["import", Fixtures.sample.path])
        XCTAssertEqual(word.status, 1)
        XCTAssertTrue(word.stdout.contains("Iran Pays Millions"), "the file named is listed")
        XCTAssertEqual(word.stderr, "gazette: skipped: cannot open 'import': No such file or directory\n")
        let alone = try run(["frob"])
        XCTAssertEqual(alone.status, 1)
        XCTAssertEqual(
            alone.stderr,
            "gazette: cannot open 'frob': No such file or directory "
                + "(nor is it a command: open, list, show, export, mark)\n")
        let path = try run(["missing.txt"])
        XCTAssertEqual(path.stderr, "gazette: cannot open 'missing.txt': No such file or directory\n")
    }

    /// A feed's web address given as a path says how to read it (it said "No such file or
    /// directory"; found by QA).
    func testAWebAddressSaysToPipeItIn() throws {
        let result = try run(["list", "https://example.com/feed.xml"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, webAddressAdvice("https://example.com/feed.xml"))
    }

    /// What a web address named as a path is told.
    private func webAddressAdvice(_ address: String) -> String {
        "gazette: cannot open '\(address)': Gazette reads files, not web addresses; "
            + "pipe it in: curl -s ADDRESS | gazette -\n"
    }

    /// A `file:` address opens its file, and a feed reader's `feed:` one is a web address (the
    /// first said "No such file or directory", the second too; found by QA).
    func testAFileAddressOpensItsFileAndAFeedAddressSaysToPipeItIn() throws {
        let path = write("my news.txt", DumpText.article(title: "Story by address", paragraphs: ["Text."]))
        let listed = try run(["list", "file://" + path.replacingOccurrences(of: " ", with: "%20")])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("Story by address"), listed.stdout)
        let feed = try run(["list", "feed:https://example.com/rss"])
        XCTAssertEqual(feed.status, 1)
        XCTAssertEqual(feed.stderr, webAddressAdvice("feed:https://example.com/rss"))
    }

    /// newsboat's `urls` named alone is refused with what to do (it listed its lines as stories,
    /// with status 0; found by QA).
    func testAListOfFeedAddressesIsRefused() throws {
        let path = write(
            "urls", "https://lwn.net/headlines/rss linux \"~LWN\"\nhttps://hnrss.org/frontpage\n")
        let result = try run(["list", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(
            result.stderr,
            "gazette: '\(path)' is a list of feed addresses, not news: Gazette reads files, not web addresses; "
                + "fetch each with curl -s ADDRESS > name.xml\n")
    }

    /// `help` takes a command's name; another word is a typo, not a request for the overview.
    func testHelpForACommandThatDoesNotExistIsAUsageError() throws {
        let bogus = try run(["help", "lsit"])
        XCTAssertEqual(bogus.status, 2)
        XCTAssertTrue(
            bogus.stderr.hasPrefix("gazette: no command 'lsit' (commands: open, list"), bogus.stderr)
        XCTAssertEqual(bogus.stdout, "")
        for arguments in [["help"], ["help", "list"], ["help", "open"]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments)")
            XCTAssertTrue(outcome.stdout.contains("USAGE"), "\(arguments)")
        }
        XCTAssertTrue(try run(["help", "list"]).stdout.contains("USAGE: gazette list"))
    }

    /// The top-level help leads with how the reader is started, not only with subcommands.
    func testTopLevelUsageShowsThePaths() throws {
        let lines = try run(["--help"]).stdout.split(separator: "\n")
        let usage = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("USAGE:") })
        XCTAssertEqual(lines[usage], "USAGE: gazette [<paths> ...] [--state <PATH>]")
        XCTAssertEqual(lines[usage + 1], "       gazette <subcommand> [<paths> ...] [options]")
    }

    /// Output that cannot be written (a full disk) is a failure with a message, not a success
    /// with half a file, help included (it ended with 0; found by QA); a reader that has gone
    /// (`| head -1`) still ends it quietly.
    func testAFailedWriteIsAFailure() throws {
        try XCTSkipUnless(FileManager.default.isWritableFile(atPath: "/dev/full"), "no /dev/full")
        let state = folder.appendingPathComponent("full.sqlite").path
        for arguments in [["export"], ["list"], ["list", "--json"], ["show", "1"], [], ["list", "--help"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let command =
                ([CommandRunner.executable.path] + arguments.prefix(1) + [Fixtures.sample.path]
                + arguments.dropFirst() + (arguments.first == "show" ? [] : ["--state", state]))
                .map(TmuxSession.shellQuote).joined(separator: " ")
            process.arguments = ["-c", command + " > /dev/full"]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 1, "\(arguments): \(message)")
            XCTAssertEqual(
                message, "gazette: cannot write the output: No space left on device\n", "\(arguments)")
        }
    }

    /// A closed or full standard error does not crash a command: its message is let go and it
    /// exits with its status, its output written (it died by SIGILL, exit 132, printing
    /// nothing; found by QA).
    func testAClosedOrFullStandardErrorKeepsTheExitStatus() throws {
        let gazette = TmuxSession.shellQuote(CommandRunner.executable.path)
        let missing = TmuxSession.shellQuote(folder.appendingPathComponent("missing.txt").path)
        let sample = TmuxSession.shellQuote(Fixtures.sample.path)
        let cases: [(String, Int32)] = [
            ("\(gazette) list \(missing)", 1), ("\(gazette) --bogus", 2),
            ("\(gazette) show \(sample) 1 --width 0", 2),
        ]
        for (command, status) in cases {
            for redirect in ["2>&-", "2>/dev/full"] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command + " " + redirect]
                try process.run()
                process.waitUntilExit()
                XCTAssertEqual(process.terminationReason, .exit, "\(command) \(redirect)")
                XCTAssertEqual(process.terminationStatus, status, "\(command) \(redirect)")
            }
        }
    }

    /// `--state ""` (a script's empty variable) is a usage error: it used to fall back to the
    /// default state file, the user's own.
    func testAnEmptyStatePathIsAUsageError() throws {
        for arguments in [
            ["list", Fixtures.sample.path, "--state", ""],
            ["mark", Fixtures.sample.path, "1", "--read", "--state="],
            [Fixtures.sample.path, "--state", ""],
        ] {
            let outcome = try CommandRunner.run(arguments, environment: ["HOME": folder.path])
            XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(
                outcome.stderr.hasPrefix("gazette: ") && outcome.stderr.contains("--state"), outcome.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".local").path))
    }

    /// Wider than a terminal in use is a usage error, before the PATHs as after them (`--width
    /// 1000` was taken), with where unwrapped paragraphs are.
    func testShowRefusesAWidthNoTerminalHas() throws {
        for width in ["9223372036854775807", "20000000000", "100001", "1000", "501"] {
            for arguments in [
                ["show", Fixtures.sample.path, "1", "--width", width],
                ["show", "--width", width, Fixtures.sample.path, "1"],
            ] {
                let outcome = try run(arguments)
                XCTAssertEqual(outcome.status, 2, "\(arguments): \(outcome.stderr)")
                XCTAssertTrue(
                    outcome.stderr.hasPrefix(
                        "gazette: --width must be at most 500, wider than a terminal is (gazette export gives "
                            + "the paragraphs unwrapped)\nUsage: gazette show "),
                    outcome.stderr)
            }
        }
        let widest = try run(["show", "--width", "500", Fixtures.sample.path, "1"])
        XCTAssertEqual(widest.status, 0, widest.stderr)
        XCTAssertGreaterThan(widest.stdout.split(separator: "\n").map(\.count).max() ?? 0, 100)
    }

    func testEmptyStandardInputIsNamedSo() throws {
        let outcome = try run(["list", "-"], stdin: Data())
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "gazette: standard input is empty: there are no articles to show\n")
    }

    func testInvalidUTF8IsDecodedNotFatal() throws {
        let path = folder.appendingPathComponent("bad.txt").path
        var bytes = Array("Bad \u{0}".utf8).dropLast()
        bytes += [0xFF, 0xFE]
        bytes += Array(" title\n\nBody text.".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let outcome = try run(["list", path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Bad \u{FFFD}\u{FFFD} title"), outcome.stdout)
    }

    func testStandardInput() throws {
        let outcome = try run(["list", "-"], stdin: try Data(contentsOf: Fixtures.sample))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 2)
    }

    func testClosedPipeEndsQuietly() throws {
        let script = "\"\(CommandRunner.executable.path)\" list \"\(Fixtures.realNews.path)\" | head -1"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let err = Pipe()
        let out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(output.split(separator: "\n").count, 1)
        XCTAssertEqual(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "")
    }
}
