import Foundation
import GazetteCore
import XCTest

@testable import GazetteTUI

final class LinkOpenerTests: XCTestCase {
    func testOnlyWebAddressesAreOpened() {
        for address in [
            "javascript:alert(1)", "-e touch /tmp/x", "file:///etc/passwd", "http://a b", "http://a\u{1B}b",
            "", "https://example.com/\u{202E}gnp.exe", "https://example.com/a\u{200B}b",
            "https://a\u{AD}b.com/", "https://a.com/\u{E0041}", "https://a.com/\u{FE00}",
            "https://a.com/\u{3164}",
            "https://a.com/\u{2062}", "https://a.com/\u{2800}",
        ] {
            XCTAssertEqual(
                LinkOpener.open(address, environment: ["BROWSER": "/bin/false"]), .unsafeAddress(address),
                address)
        }
    }

    /// The refusal shows the address's controls as escapes: with them removed it looked like a
    /// good address refused for nothing (found by QA).
    func testARefusedAddressShowsWhyItIsRefused() {
        let address = "https://example.com/\u{1B}]0;PWNED\u{7}"
        XCTAssertEqual(
            LinkOpener.Failure.unsafeAddress(address).message,
            "not opening 'https://example.com/\\e]0;PWNED\\a': not a web address")
    }

    /// Addresses in other scripts are opened: letters and their marks show.
    func testAddressesInOtherScriptsAreWebAddresses() {
        XCTAssertTrue(LinkOpener.isSafe("https://ru.wikipedia.org/wiki/Москва"))
        XCTAssertTrue(LinkOpener.isSafe("https://hi.example/नमस्ते"))
        XCTAssertTrue(LinkOpener.isSafe("https://例え.jp/ページ"))
        XCTAssertTrue(LinkOpener.isSafe("https://fa.wikipedia.org/wiki/می\u{200C}خواهم"), "Persian's ZWNJ")
        XCTAssertTrue(LinkOpener.isSafe("https://i❤\u{FE0F}.ws/"), "an emoji domain")
        XCTAssertEqual(
            LinkOpener.Failure.unsafeAddress("https://a\u{AD}b.com/").message,
            #"not opening 'https://a\u{AD}b.com/': not a web address"#)
    }

    func testBrowserGetsTheAddressAndPercentS() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("args").path
        let script = folder.appendingPathComponent("browser").path
        try "#!/bin/sh\nprintf '%s|' \"$@\" >> '\(record)'\necho >> '\(record)'\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        XCTAssertNil(LinkOpener.open("https://example.com/a?b=1&c=2", environment: ["BROWSER": script]))
        XCTAssertNil(
            LinkOpener.open(
                "https://example.com/x", environment: ["BROWSER": "/nonexistent:\(script) --new %s"]))
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines, ["https://example.com/a?b=1&c=2|", "--new|https://example.com/x|"])
        XCTAssertEqual(
            LinkOpener.open("https://example.com", environment: ["BROWSER": "/nonexistent/browser"]),
            .noBrowser("/nonexistent/browser"))
        XCTAssertEqual(
            LinkOpener.open("https://example.com", environment: ["BROWSER": "/bin/false"]),
            .browserFailed("/bin/false", status: 1))
    }

    /// `$BROWSER`'s commands are read as Python's `webbrowser` reads them (found by QA: a
    /// quoted program path with a blank could not start, and a quoted argument reached the
    /// browser as two, its quote marks kept).
    func testQuotedWordsOfBrowserReachTheBrowserWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("args").path
        let script = folder.appendingPathComponent("my browser.sh").path
        try "#!/bin/sh\nprintf '%s|' \"$@\" >> '\(record)'\necho >> '\(record)'\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let escaped = script.replacingOccurrences(of: " ", with: #"\ "#)
        for browser in [
            "'\(script)' %s", #""\#(script)" "two words" --url="%s""#, "\(escaped) 'it'\\''s' '%s'",
        ] {
            XCTAssertNil(LinkOpener.open("https://example.com/a", environment: ["BROWSER": browser]), browser)
        }
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(
            lines,
            [
                "https://example.com/a|", "two words|--url=https://example.com/a|",
                "it's|https://example.com/a|",
            ])
        // A command cut short is told for what it is, and nothing is started.
        let unmatched = "'\(script) %s"
        XCTAssertEqual(
            LinkOpener.open("https://example.com/b", environment: ["BROWSER": unmatched])?.message,
            "BROWSER has an unmatched quote: " + unmatched)
        XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").count, 3)
    }

    /// A link longer than the system hands to a program is told as such, before any browser
    /// starts (found by QA: a 200 KB link said "could not start a browser …; set BROWSER" of a
    /// BROWSER that opened the next story's link).
    func testALinkTooLongToHandOverIsToldAndNoBrowserStarts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("started").path
        let script = folder.appendingPathComponent("browser").path
        try "#!/bin/sh\necho \"${#1}\" >> '\(record)'\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let site = "https://example.com/"
        let long = site + String(repeating: "a", count: 200_000)
        XCTAssertEqual(
            LinkOpener.open(long, environment: ["BROWSER": script])?.message,
            "the link is 200,020 bytes, too long to hand to a browser")
        // One argument may have 131,072 bytes with its closing NUL.
        let longest = site + String(repeating: "a", count: 131_071 - site.utf8.count)
        XCTAssertEqual(
            LinkOpener.open(longest + "a", environment: ["BROWSER": script])?.message,
            "the link is 131,072 bytes, too long to hand to a browser")
        XCTAssertFalse(FileManager.default.fileExists(atPath: record), "no browser started")
        XCTAssertNil(LinkOpener.open(longest, environment: ["BROWSER": script]))
        XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8), "131071\n")
        // Each argument fits, all of them together do not (the system's limit is at most 6 MiB).
        let many = script + String(repeating: " %s", count: 60)
        let fits = site + String(repeating: "a", count: 120_000)
        XCTAssertEqual(
            LinkOpener.open(fits, environment: ["BROWSER": many])?.message,
            "the link is 120,020 bytes, too long to hand to a browser")
        XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8), "131071\n", "not started again")
    }

    /// `o` on a story whose enclosure or link the feed writes with raw spaces opens it with each
    /// space as `%20`, as a browser would (it said "not a web address"; found by QA).
    func testOOpensAnAddressWrittenWithSpacesEncoded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-link-spaces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("args").path
        let script = folder.appendingPathComponent("browser").path
        try "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '\(record)'\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let feed = folder.appendingPathComponent("sermons.xml").path
        try """
        <rss version="2.0"><channel><title>Sermons</title><link>https://church.example/sermons</link>
        <item><title>Hope</title><guid isPermaLink="false">hope</guid><description>On hope.</description>
        <enclosure url="https://church.example/media/Sermon Hope.mp3" type="audio/mpeg"/></item>
        <item><title>Joy</title><link>https://church.example/sermons/Joy Dec 8</link>
        <description>On joy.</description></item>
        </channel></rss>
        """.write(toFile: feed, atomically: true, encoding: .utf8)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [feed]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: 80, height: 24)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = ReaderApp(reader: reader, terminal: terminal, environment: ["BROWSER": script])
        terminal.send(keys: "ojo")
        app.run(stopWhenIdle: true)
        XCTAssertEqual(
            try String(contentsOfFile: record, encoding: .utf8),
            "https://church.example/media/Sermon%20Hope.mp3\nhttps://church.example/sermons/Joy%20Dec%208\n",
            terminal.screen.lines.joined(separator: "\n"))
    }
}
