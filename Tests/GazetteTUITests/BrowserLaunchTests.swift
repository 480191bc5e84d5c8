import Foundation
import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// A graphical browser runs apart from the terminal, a text browser in it (found by QA: a
/// graphical browser's leftover process wrote warnings over the screen a second after `o`,
/// which scrolled it and stayed broken until Ctrl-L).
final class BrowserLaunchTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-browser-launch" }

    func testAGraphicalSessionRunsBrowsersApartButTextBrowsers() throws {
        let x11: EnvironmentVariables = ["DISPLAY": ":0"]
        let wayland: EnvironmentVariables = ["WAYLAND_DISPLAY": "wayland-0"]
        func launch(_ command: String, _ environment: EnvironmentVariables) throws -> BrowserLaunch {
            BrowserLaunch.of(try BrowserCommand(command), environment: environment)
        }
        XCTAssertEqual(try launch("firefox", x11), .apart)
        XCTAssertEqual(try launch("xdg-open", wayland), .apart)
        XCTAssertEqual(try launch("/opt/google/chrome/chrome --new-window %s", x11), .apart)
        XCTAssertEqual(try launch("w3m", x11), .inTerminal)
        XCTAssertEqual(try launch("/usr/bin/lynx -accept_all_cookies %s", wayland), .inTerminal)
        XCTAssertEqual(try launch("elinks", x11), .inTerminal)
        XCTAssertEqual(try launch("'/opt/text browsers/w3m' %s", x11), .inTerminal, "the program as read")
        // No graphical session (a console, ssh): every browser has the terminal, as before.
        XCTAssertEqual(try launch("firefox", [:]), .inTerminal)
        XCTAssertEqual(try launch("xdg-open", ["DISPLAY": ""]), .inTerminal)
        // A command ended by `&` asks for the background, whatever the session and program.
        XCTAssertEqual(try launch("firefox %s &", [:]), .apart)
        XCTAssertEqual(try launch("w3m %s &", x11), .apart)
        XCTAssertEqual(try launch("w3m %s '&'", [:]), .inTerminal)
    }

    /// A script that records its arguments (a line each), and where its input and output go
    /// and whether it leads a session.
    private func recordingBrowser(_ name: String, then rest: String = "") throws -> (
        path: String, record: String, arguments: String
    ) {
        let record = folder.appendingPathComponent("\(name).record").path
        let arguments = folder.appendingPathComponent("\(name).arguments").path
        let path = folder.appendingPathComponent(name).path
        try """
        #!/bin/sh
        printf '%s\\n' "$@" > '\(arguments)'
        i=$(readlink /proc/$$/fd/0); o=$(readlink /proc/$$/fd/1); e=$(readlink /proc/$$/fd/2)
        printf '%s\n' "$i" "$o" "$e" > '\(record)'
        set -- $(cat /proc/$$/stat)
        [ "$6" = "$$" ] && echo own-session >> '\(record)' || echo reader-session >> '\(record)'
        \(rest)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return (path, record, arguments)
    }

    func testABrowserStartedApartHasNothingOfTheTerminal() throws {
        let browser = try recordingBrowser("firefox")
        var handedOver = false
        let failure = LinkOpener.open(
            "https://example.com/", environment: ["BROWSER": browser.path, "DISPLAY": ":0"],
            handingOverTheTerminal: { run in
                handedOver = true
                run()
            })
        XCTAssertNil(failure)
        XCTAssertFalse(handedOver, "the screen stays")
        let record = try String(contentsOfFile: browser.record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(record, ["/dev/null", "/dev/null", "/dev/null", "own-session"])
    }

    /// `BROWSER='browser %s &'` (found by QA: the browser was given a `&` argument): the `&`
    /// is not passed, and the browser runs apart even with no graphical session.
    func testATrailingAmpersandRunsTheBrowserApartWithoutIt() throws {
        let browser = try recordingBrowser("lynx")
        var handedOver = false
        let failure = LinkOpener.open(
            "https://example.com/a?b&c", environment: ["BROWSER": "'\(browser.path)' -x %s &"],
            handingOverTheTerminal: { run in
                handedOver = true
                run()
            })
        XCTAssertNil(failure)
        XCTAssertFalse(handedOver, "the screen stays")
        let record = try String(contentsOfFile: browser.record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(record, ["/dev/null", "/dev/null", "/dev/null", "own-session"])
        let arguments = try String(contentsOfFile: browser.arguments, encoding: .utf8)
        XCTAssertEqual(arguments, "-x\nhttps://example.com/a?b&c\n")
    }

    /// A browser started apart that fails at once is told, as one in the terminal is; one that
    /// goes on running (a graphical browser not already open) is not waited for.
    func testABrowserStartedApartThatFailsIsToldAndOneThatRunsOnIsNotWaitedFor() throws {
        let graphical: EnvironmentVariables = ["DISPLAY": ":0"]
        var environment = graphical
        environment["BROWSER"] = "/bin/false"
        XCTAssertEqual(
            LinkOpener.open("https://example.com", environment: environment),
            .browserFailed("/bin/false", status: 1))
        environment["BROWSER"] = "/nonexistent/browser"
        XCTAssertEqual(
            LinkOpener.open("https://example.com", environment: environment),
            .noBrowser("/nonexistent/browser"))
        let running = try recordingBrowser("chromium", then: "sleep 5")
        environment["BROWSER"] = running.path
        let started = ContinuousClock.now
        XCTAssertNil(LinkOpener.open("https://example.com", environment: environment))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    /// `o` on the screen: a graphical browser leaves the screen in place; a text browser (here
    /// a script named w3m) is given the terminal.
    func testOGivesTheTerminalOnlyToATextBrowser() throws {
        for (name, handOvers) in [("firefox", 0), ("w3m", 1)] {
            let browser = try recordingBrowser(name)
            let feed = Fixtures.feeds.appendingPathComponent("feedjira/HuffPostCanada.xml").path
            let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [feed]).sources)
            let tracker = try ReadingTracker(
                store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
            let reader = Reader(catalog: catalog, tracker: tracker, width: 80, height: 24)
            let terminal = MemoryTerminal(width: 80, height: 24)
            let app = ReaderApp(
                reader: reader, terminal: terminal, environment: ["BROWSER": browser.path, "DISPLAY": ":0"])
            terminal.send(keys: "o")
            app.run(stopWhenIdle: true)
            XCTAssertEqual(terminal.suspendCount, handOvers, name)
            XCTAssertTrue(terminal.screen.lines[23].contains("opened http"), terminal.screen.lines[23])
            XCTAssertTrue(FileManager.default.fileExists(atPath: browser.record), name)
        }
    }
}
