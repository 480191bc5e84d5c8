import Foundation
import GazetteCore
import TestSupport
import XCTest

final class SourceLoaderTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-loader" }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let url = folder.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
        return url.path
    }

    func testOpensTheSample() throws {
        let result = try SourceLoader.open(paths: [Fixtures.sample.path])
        XCTAssertEqual(result.sources.count, 1)
        XCTAssertEqual(result.sources[0].indexAll().count, 2)
        XCTAssertEqual(result.sources[0].source.displayName, "000_b85e378bc3d894c4.txt")
        XCTAssertEqual(result.sources[0].source.format, .plainTextDump)
    }

    func testStandardInputGivenIsUsedForDashAndNotReadAgain() throws {
        // (The test's own standard input is never touched: `-` stands for the bytes given.)
        let given = FileBytes(bytes: Fixtures.bytes(Fixtures.sample))
        let result = try SourceLoader.open(
            paths: ["-", Fixtures.realNews.path], standardInput: given)
        XCTAssertEqual(result.sources.map(\.source.displayName), ["standard input", "realnews_dump.txt"])
        XCTAssertTrue(result.sources[0].bytes === given)
        XCTAssertEqual(result.sources[0].indexAll().count, 2)
    }

    func testDashNamedTwiceIsReadOnce() throws {
        let given = FileBytes(bytes: Fixtures.bytes(Fixtures.sample))
        let result = try SourceLoader.open(paths: ["-", Fixtures.realNews.path, "-"], standardInput: given)
        XCTAssertEqual(result.sources.map(\.source.displayName), ["standard input", "realnews_dump.txt"])
    }

    /// A file named twice, by another path, or in a folder also named, is one source (it was
    /// two, and every row was marked with its name; found by QA); a copy is a file of its own.
    func testAFileNamedTwiceIsOneSourceAndACopyIsAnother() throws {
        let bytes = Fixtures.bytes(Fixtures.sample)
        let first = write("first.txt", bytes)
        let copy = write("copy.txt", bytes)
        let again = folder.appendingPathComponent("./first.txt").path
        let named = try SourceLoader.open(paths: [first, again, first, folder.path])
        XCTAssertEqual(named.sources.count, 2, "\(named.sources.map(\.source.path))")
        XCTAssertEqual(named.sources.first?.source.path, first, "the first naming is kept")
        XCTAssertEqual(named.sources.last?.source.displayName, "copy.txt")
        XCTAssertEqual(try SourceLoader.open(paths: [first, copy]).sources.count, 2)
    }

    func testMissingFile() {
        XCTAssertThrowsError(try SourceLoader.open(paths: [folder.appendingPathComponent("nope.txt").path])) {
            error in
            guard case SourceError.cannotOpen(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "No such file or directory")
        }
    }

    func testEmptyFileAndBlankFileAndBinaryFile() {
        let empty = write("empty.txt", [])
        XCTAssertThrowsError(try SourceLoader.open(paths: [empty])) { error in
            XCTAssertEqual(error as? SourceError, .emptyFile(path: empty))
        }
        let blank = write("blank.txt", Array("\n\n  \n".utf8))
        XCTAssertThrowsError(try SourceLoader.open(paths: [blank])) { error in
            XCTAssertEqual(error as? SourceError, .noArticles(path: blank))
        }
        let binary = write("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00])
        XCTAssertThrowsError(try SourceLoader.open(paths: [binary])) { error in
            guard case SourceError.notANewsFile = error else { return XCTFail("\(error)") }
        }
    }

    /// Random bytes are told apart from text, in UTF-8 or an 8-bit encoding: about one file
    /// of random bytes in four passed for a dump (a title of U+FFFD and controls).
    func testRandomBytesAreBinaryAndEightBitTextIsNot() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for size in [600, 2000, 8192, 20000] {
            for _ in 0..<50 {
                let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: next()) }
                let detected = bytes.withUnsafeBytes { FormatDetector.detect($0) }
                XCTAssertEqual(detected, .failure(.binary), "\(size) random bytes")
            }
        }
        // "Заголовок" in windows-1251.
        let cyrillic: [UInt8] = [0xC7, 0xE0, 0xE3, 0xEE, 0xEB, 0xEE, 0xE2, 0xEE, 0xEA, 0x0A, 0x0A]
        let latin = Array("Les ".utf8) + [0xE9] + Array("tudes montrent\n\nCa d".utf8) + [0xE9, 0x6A, 0xE0]
        for text in [cyrillic + cyrillic + Array("Body.".utf8), latin] {
            XCTAssertEqual(text.withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
        }
    }

    /// A dump is a dump whatever its prose quotes: a tag named in a story (`<rss>`, `<feed>`),
    /// or a first title that starts with `<` or `{`, made the whole file "not a news file"
    /// (found by QA). XML, HTML and JSON that are no feeds are still told apart.
    func testADumpThatQuotesMarkupIsADump() throws {
        let sample = try String(contentsOf: Fixtures.sample, encoding: .utf8)
        let dumps = [
            sample + "\n\n\nFeeds explained\n\nFeeds begin with <rss version=\"2.0\"> and a channel.",
            sample + "\n\n\nWeb feeds\n\nUse the <feed> element, or <rdf:RDF> in RSS 1.0.",
            "<Update> Storm hits coast\n\nWaves crash on the pier.\n",
            "{Update} Storm hits coast\n\nWaves crash on the pier.\n",
            "  \n\nStorm hits coast\n\nWrite <br> to break a line, {\"a\": 1} for JSON.\n",
        ]
        for text in dumps {
            let detected = Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) }
            XCTAssertEqual(detected, .success(.plainTextDump), text.prefix(60) + "…")
        }
        let notFeeds: [(String, String)] = [
            ("<?xml version=\"1.0\"?>\n<catalog><book>Title</book></catalog>\n", "XML or HTML"),
            ("<!DOCTYPE html>\n<p>A page</p>\n", "XML or HTML"),
            ("<html>\n<body>A page</body>\n</html>\n", "XML or HTML"),
            ("{\"name\": \"not a feed\"}\n", "JSON"),
            ("{\n  \"items\": []\n}\n", "JSON"),
        ]
        for (text, kind) in notFeeds {
            let detected = Array(text.utf8).withUnsafeBytes { FormatDetector.detect($0) }
            guard case .failure(.unsupported(let what)) = detected else {
                XCTFail("\(text.prefix(40)): \(detected)")
                continue
            }
            XCTAssertTrue(what.hasPrefix(kind), what)
        }
        let feed =
            "\n<?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\"><channel></channel></rss>"
        XCTAssertEqual(Array(feed.utf8).withUnsafeBytes { FormatDetector.detect($0) }, .success(.rss))
        // Lines of other text before a feed near its start are read past, as before (found by
        // QA over a first version that refused them): HTTP headers saved with it, a warning.
        for junk in [
            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n", "Warning: headers already sent\n",
            "\0\0",
        ] {
            XCTAssertEqual(
                Array((junk + feed).utf8).withUnsafeBytes { FormatDetector.detect($0) }, .success(.rss), junk)
        }
        // Far from the start, a line that opens with a tag is a dump's.
        let late = String(repeating: "A story's line of text.\n", count: 200) + "<rss version=\"2.0\">\n"
        XCTAssertEqual(
            Array(late.utf8).withUnsafeBytes { FormatDetector.detect($0) }, .success(.plainTextDump))
    }

    /// A device of random bytes is told binary from its first bytes: it was read up to the
    /// 1 GiB limit first (seconds, and a gigabyte of memory).
    func testADeviceOfRandomBytesIsJudgedBinaryAtOnce() {
        for path in ["/dev/urandom", "/dev/zero"] {
            XCTAssertThrowsError(try SourceLoader.open(paths: [path])) { error in
                XCTAssertEqual(
                    error as? SourceError, .notANewsFile(path: path, reason: "it looks like a binary file"))
            }
        }
    }

    /// Read again (`R`), a file replaced by a pipe is an error: opening it waited for a writer
    /// for ever, freezing the reader.
    func testRereadingAFileReplacedByAPipeIsAnErrorNotAWait() throws {
        let path = write("live.txt", Array(DumpText.article(title: "Live", paragraphs: ["x"]).utf8))
        XCTAssertEqual(try SourceLoader.open(paths: [path], rereading: true).sources.count, 1)
        XCTAssertEqual(unlink(path), 0)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        // Should the reading wait after all, a writer comes and goes after 3 s to end it.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 3)
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let started = Date()
        XCTAssertThrowsError(try SourceLoader.open(paths: [path], rereading: true)) { error in
            XCTAssertEqual(
                error as? SourceError,
                .cannotOpen(
                    path: path, reason: "it is not a regular file, and a pipe or device is not read again"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5, "no wait for a writer")
        // Among several paths, the pipe is skipped and the rest read.
        let other = write("other.txt", Array(DumpText.article(title: "Other", paragraphs: ["y"]).utf8))
        let result = try SourceLoader.open(paths: [path, other], skippingFailures: true, rereading: true)
        XCTAssertEqual(result.sources.map(\.source.path), [other])
        XCTAssertEqual(
            result.warnings,
            [
                "skipped: cannot open '\(path)': it is not a regular file, and a pipe or device is not read again"
            ])
    }

    func testDirectoryOpensNewsFilesByNameAndSkipsOthers() throws {
        _ = write("b.txt", Array(DumpText.article(title: "Second", paragraphs: ["x"]).utf8))
        _ = write("a.txt", Array(DumpText.article(title: "First", paragraphs: ["y"]).utf8))
        _ = write("c.bin", [0, 1, 2, 3])
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["a.txt", "b.txt"])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].contains("c.bin"))
    }

    /// Code, data, settings and documentation named so beside news in a folder are not stories:
    /// `script.py`, `data.csv` and `LICENSE` were listed as stories (found by QA). A file named
    /// on the command line is read whatever its name; feeds saved as `.php` or `.json` are read.
    func testAFolderSkipsCodeDataAndDocumentationByName() throws {
        let story = Array(DumpText.article(title: "Story", paragraphs: ["Text."]).utf8)
        _ = write("news.txt", story)
        _ = write("feed.php", Array(FeedText.rssWithHTMLBodies(items: 2).utf8))
        for name in ["script.py", "data.csv", "app.conf", "LICENSE", "COPYING.txt", "README", "build.log"] {
            _ = write(name, Array("Some words\n\nMore words in a paragraph.\n".utf8))
        }
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(
            result.sources.map { ($0.source.path as NSString).lastPathComponent }, ["feed.php", "news.txt"])
        XCTAssertEqual(result.warnings, [])
        let named = try SourceLoader.open(paths: [folder.appendingPathComponent("LICENSE").path])
        XCTAssertEqual(named.sources.count, 1, "a file named is read")
    }

    /// newsboat's folder beside news: its `config`, `urls` and prompt histories were listed as
    /// stories (found by QA); named alone, each is judged by its content.
    func testAFolderSkipsNewsboatsFilesByName() throws {
        _ = write("news.txt", Array(DumpText.article(title: "Story", paragraphs: ["Text."]).utf8))
        let files = [
            "config": "auto-reload yes\nreload-time 30\nbind-key j down\n",
            "urls": "https://lwn.net/headlines/rss linux \"~LWN\"\n",
            "history.search": "lwn\nkernel\n",
            "history.cmdline": "set browser firefox\nquit\n",
        ]
        for (name, text) in files { _ = write(name, Array(text.utf8)) }
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["news.txt"])
        XCTAssertEqual(result.warnings, [])
        let config = try SourceLoader.open(paths: [folder.appendingPathComponent("config").path])
        XCTAssertEqual(config.sources.count, 1, "a file named is read")
        let urls = folder.appendingPathComponent("urls").path
        XCTAssertThrowsError(try SourceLoader.open(paths: [urls])) { error in
            XCTAssertEqual(error as? SourceError, .feedList(path: urls, list: .addresses))
        }
    }

    /// A file whose name is not UTF-8 cannot be opened by name (Swift's names cannot hold its
    /// bytes): it is said to be skipped, where it vanished without a word (found by QA).
    func testAFileNamedInAnotherEncodingIsToldNotSilentlySkipped() throws {
        _ = write("a.txt", Array(DumpText.article(title: "First", paragraphs: ["y"]).utf8))
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for parent in [folder.path, sub.path] {
            let name = Array(parent.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
            let fd = name.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) }
            }
            XCTAssertGreaterThanOrEqual(fd, 0)
            close(fd)
        }
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["a.txt"])
        XCTAssertEqual(
            result.warnings,
            [folder.path, sub.path].map {
                "skipped a file in '\($0)' whose name is not valid UTF-8 (rename it to read it)"
            })
    }

    /// The reader's way with several paths: a named file or folder that is not news is
    /// skipped with a warning, as inside a folder; the first failure is the error when none opens.
    func testSkippingFailuresAmongSeveralPaths() throws {
        let empty = write("empty.txt", [])
        let binary = write("binary.dat", [0x00, 0x01, 0x02, 0xFF])
        let missing = folder.appendingPathComponent("missing.txt").path
        let result = try SourceLoader.open(
            paths: [empty, Fixtures.sample.path, missing, binary], skippingFailures: true)
        XCTAssertEqual(result.sources.map(\.source.displayName), ["000_b85e378bc3d894c4.txt"])
        XCTAssertEqual(result.warnings.count, 3)
        XCTAssertTrue(result.warnings[0].hasPrefix("skipped: '\(empty)' is empty"), result.warnings[0])
        XCTAssertTrue(result.warnings[1].hasPrefix("skipped: cannot open '\(missing)'"), result.warnings[1])

        XCTAssertThrowsError(try SourceLoader.open(paths: [empty, missing], skippingFailures: true)) {
            error in
            guard case SourceError.emptyFile(let path) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, empty)
        }
        // Without it (the commands for scripts), or with one path, a failure is the error.
        XCTAssertThrowsError(try SourceLoader.open(paths: [empty, Fixtures.sample.path]))
        XCTAssertThrowsError(try SourceLoader.open(paths: [empty], skippingFailures: true))
    }

    /// A named pipe in a folder is skipped, not read (it would wait for a writer for ever).
    func testDirectorySkipsPipesAndDevices() throws {
        _ = write("a.txt", Fixtures.bytes(Fixtures.sample))
        let pipe = folder.appendingPathComponent("b.txt").path
        XCTAssertEqual(mkfifo(pipe, 0o600), 0)
        XCTAssertEqual(symlink("/dev/zero", folder.appendingPathComponent("c.txt").path), 0)
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["a.txt"])
        XCTAssertEqual(
            result.warnings,
            [
                "skipped '\(pipe)': not a regular file",
                "skipped '\(folder.appendingPathComponent("c.txt").path)': not a regular file",
            ])
    }

    /// A link in a folder that leads to no file is skipped with why, as an unreadable or binary
    /// file is: it was passed over without a word (found by QA).
    func testALinkInAFolderThatLeadsNowhereIsToldWhy() throws {
        _ = write("01.txt", Fixtures.bytes(Fixtures.sample))
        let broken = folder.appendingPathComponent("09broken.txt").path
        XCTAssertEqual(symlink("nowhere", broken), 0)
        let loop = folder.appendingPathComponent("loop.txt").path
        XCTAssertEqual(symlink("loop.txt", loop), 0)
        let result = try SourceLoader.open(paths: [folder.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["01.txt"])
        XCTAssertEqual(
            result.warnings,
            [
                "skipped '\(broken)': a link to 'nowhere', which does not exist (restore it, or remove the link)",
                "skipped '\(loop)': a link to 'loop.txt', which never reaches a file: the links go round in a loop "
                    + "(mend or remove one)",
            ])
        // Alone in its folder, it is why the folder holds no news.
        let lonely = folder.appendingPathComponent("lonely")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        XCTAssertEqual(symlink("gone.txt", lonely.appendingPathComponent("a.txt").path), 0)
        XCTAssertThrowsError(try SourceLoader.open(paths: [lonely.path])) { error in
            XCTAssertEqual(
                (error as? SourceError)?.message,
                "'\(lonely.path)' holds no news that opens: '\(lonely.path)/a.txt': a link to 'gone.txt', "
                    + "which does not exist (restore it, or remove the link)")
        }
    }

    /// A link to a folder in a folder is not followed, and says why, as a broken link does: a
    /// folder it is in (a loop), one the walk reads where it is, or one elsewhere (all were
    /// passed over without a word; found by QA).
    func testALinkToAFolderInAFolderIsToldWhy() throws {
        let news = folder.appendingPathComponent("news")
        let other = folder.appendingPathComponent("other")
        for made in [news, news.appendingPathComponent("sub"), other] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: news.appendingPathComponent("a.txt"))
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: other.appendingPathComponent("b.txt"))
        let path = { (name: String) in news.appendingPathComponent(name).path }
        XCTAssertEqual(symlink("../other", path("elsewhere")), 0)
        XCTAssertEqual(symlink(".", path("self")), 0)
        XCTAssertEqual(symlink("..", path("sub/up")), 0)
        XCTAssertEqual(symlink("sub", path("twin")), 0)
        let result = try SourceLoader.open(paths: [news.path])
        XCTAssertEqual(result.sources.map(\.source.displayName), ["a.txt"])
        let otherReal = try XCTUnwrap(realpath(other.path, nil))
        defer { free(otherReal) }
        XCTAssertEqual(
            result.warnings,
            [
                "skipped '\(path("elsewhere"))': a link to the folder '../other', which is not followed "
                    + "(name '\(String(cString: otherReal))' to read it)",
                "skipped '\(path("self"))': a link to '.', a folder it is in: followed, it would go round in a loop",
                "skipped '\(path("sub/up"))': a link to '..', a folder it is in: followed, it would go round in a "
                    + "loop",
                "skipped '\(path("twin"))': a link to the folder 'sub', which is read where it is (links to "
                    + "folders are not followed)",
            ])
        // A hidden folder of the tree is not read where it is: the link is not followed (found by QA).
        let hiding = folder.appendingPathComponent("hiding")
        try FileManager.default.createDirectory(
            at: hiding.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: hiding.appendingPathComponent("a.txt"))
        XCTAssertEqual(symlink(".hidden", hiding.appendingPathComponent("vis").path), 0)
        let hidingReal = try XCTUnwrap(realpath(hiding.path, nil))
        defer { free(hidingReal) }
        XCTAssertEqual(
            try SourceLoader.open(paths: [hiding.path]).warnings,
            [
                "skipped '\(hiding.path)/vis': a link to the folder '.hidden', which is not followed "
                    + "(name '\(String(cString: hidingReal))/.hidden' to read it)"
            ])
        // Alone in its folder, it is why the folder holds no news.
        let lonely = folder.appendingPathComponent("lonely")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        XCTAssertEqual(symlink(".", lonely.appendingPathComponent("here").path), 0)
        XCTAssertThrowsError(try SourceLoader.open(paths: [lonely.path])) { error in
            XCTAssertEqual(
                (error as? SourceError)?.message,
                "'\(lonely.path)' holds no news that opens: '\(lonely.path)/here': a link to '.', a folder it "
                    + "is in: followed, it would go round in a loop")
        }
    }

    /// A folder named through a link is read where the link leads, its files named through
    /// the link (it held "no news files": the walk does not go down a link it starts at).
    /// Links to folders inside it are still not followed.
    func testAFolderNamedThroughALinkIsReadWhereItLeads() throws {
        let news = folder.appendingPathComponent("news")
        for made in [news, news.appendingPathComponent("sub")] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: news.appendingPathComponent("a.txt"))
        try Data(Fixtures.bytes(Fixtures.sample)).write(to: news.appendingPathComponent("sub/b.txt"))
        XCTAssertEqual(symlink("sub", news.appendingPathComponent("twin").path), 0)
        let link = folder.appendingPathComponent("link").path
        XCTAssertEqual(symlink("news", link), 0)
        for named in [link, link + "/"] {
            let result = try SourceLoader.open(paths: [named])
            XCTAssertEqual(
                result.sources.map(\.source.path),
                [
                    (named as NSString).appendingPathComponent("a.txt"),
                    (named as NSString).appendingPathComponent("sub/b.txt"),
                ])
            XCTAssertEqual(
                result.warnings,
                [
                    "skipped '\((named as NSString).appendingPathComponent("twin"))': a link to the folder 'sub', "
                        + "which is read where it is (links to folders are not followed)"
                ])
        }
    }

    /// A folder of files that are all skipped says why, once (it said it held no news files,
    /// and the files' own lines said otherwise; found by QA).
    func testDirectoryWithoutNewsFiles() throws {
        let binary = write("c.bin", [0, 1, 2, 3])
        XCTAssertThrowsError(try SourceLoader.open(paths: [folder.path])) { error in
            let reason = "skipped: '\(binary)' is not a news file (it looks like a binary file)"
            XCTAssertEqual(error as? SourceError, .noNewsFiles(directory: folder.path, skipped: [reason]))
            XCTAssertEqual(
                (error as? SourceError)?.message,
                "'\(folder.path)' holds no news that opens: '\(binary)' is not a news file (it looks like a binary file)"
            )
        }
        _ = write("d.txt", [])
        let result = try SourceLoader.open(
            paths: [folder.path, Fixtures.sample.path], skippingFailures: true)
        XCTAssertEqual(result.sources.count, 1)
        XCTAssertEqual(result.warnings.count, 1, "the folder's files are told with it: \(result.warnings)")
        XCTAssertTrue(
            result.warnings[0].hasPrefix(
                "skipped: '\(folder.path)' holds no news that opens: 2 files skipped, the first: "),
            result.warnings[0])
        XCTAssertEqual(SourceError.noNewsFiles(directory: "/x").message, "'/x' holds no news files")
    }

    func testCatalogKeepsOneCopyOfTheSameArticle() throws {
        let path = write("copy.txt", Fixtures.bytes(Fixtures.sample))
        let result = try SourceLoader.open(paths: [Fixtures.sample.path, path])
        let catalog = ArticleCatalog.indexed(result.sources)
        XCTAssertEqual(catalog.entries.count, 2)
        XCTAssertEqual(catalog.resolve("2"), .found(1))
        XCTAssertEqual(catalog.resolve(catalog.entries[1].summary.id.rawValue), .found(1))
        XCTAssertEqual(catalog.resolve("3"), .notFound)
        XCTAssertEqual(catalog.resolve("0"), .notFound)
    }
}
