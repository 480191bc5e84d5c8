import XCTest

@testable import GazetteTUI

/// A `$BROWSER` command is read into words as Python's `shlex.split` reads it (found by QA: a
/// quoted program path was cut at its blank, and a quoted argument reached the browser as two,
/// quote marks and all). Each expectation is what `shlex.split` gives.
final class BrowserCommandTests: XCTestCase {
    private func words(_ text: String) throws -> [String] { try BrowserCommand(text).words }

    func testBlanksPartWords() throws {
        XCTAssertEqual(try words("firefox --new-tab %s"), ["firefox", "--new-tab", "%s"])
        XCTAssertEqual(try words("  a \t b\nc\r d  "), ["a", "b", "c", "d"])
        XCTAssertEqual(try words(" \t "), [])
        XCTAssertEqual(try words("a#b ~/x $HOME"), ["a#b", "~/x", "$HOME"], "no comments, no expansion")
    }

    func testQuotesKeepBlanksAndAreRemoved() throws {
        XCTAssertEqual(try words("'/opt/my browser.sh' %s"), ["/opt/my browser.sh", "%s"])
        XCTAssertEqual(try words(#"browser.sh "two words" %s"#), ["browser.sh", "two words", "%s"])
        XCTAssertEqual(try words(#"a'b c'"d e"f"#), ["ab cd ef"], "quoted parts join the word around them")
        XCTAssertEqual(try words(#"'say "hi"' "it's""#), [#"say "hi""#, "it's"])
        XCTAssertEqual(try words(#"x '' "" y"#), ["x", "", "", "y"], "an empty quote is a word")
        XCTAssertEqual(try words("a''b"), ["ab"])
    }

    func testBackslashes() throws {
        XCTAssertEqual(try words(#"/opt/my\ browser %s"#), ["/opt/my browser", "%s"])
        XCTAssertEqual(try words(#"a\'b \"c\\d \x"#), [#"a'b"#, #""c\d"#, "x"])
        // Inside single quotes a backslash is a backslash; inside double quotes it keeps only
        // a quote or a backslash after it.
        XCTAssertEqual(try words(#"'a\b\'"#), [#"a\b\"#])
        XCTAssertEqual(try words(#""a\"b\\c\d\$e""#), [#"a"b\c\d\$e"#])
    }

    func testAnUnmatchedQuoteOrALoneBackslashIsUnreadable() {
        for text in ["'/opt/my browser.sh %s", #"browser "two words %s"#, #"a "b\"#, #"it's %s"#] {
            XCTAssertThrowsError(try BrowserCommand(text), text) {
                XCTAssertEqual($0 as? BrowserCommand.Unreadable, .unmatchedQuote, text)
            }
        }
        XCTAssertThrowsError(try BrowserCommand(#"browser %s \"#)) {
            XCTAssertEqual($0 as? BrowserCommand.Unreadable, .trailingBackslash)
        }
    }

    /// `%s` is found after the words are read (quoted or not, inside a word or alone), and the
    /// address is one argument whatever it holds: it is never read into words.
    func testTheAddressTakesThePlaceOfPercentSAndStaysOneArgument() throws {
        let address = #"https://example.com/a b'c"d\e%s;$(x)"#
        XCTAssertEqual(
            try BrowserCommand(#"b '%s' "--url=%s" x%sy"#).arguments(opening: address),
            ["b", address, "--url=" + address, "x" + address + "y"])
        XCTAssertEqual(
            try BrowserCommand("'my browser' --new-tab").arguments(opening: address),
            ["my browser", "--new-tab", address], "no %s: the address comes last")
    }

    /// A last bare `&` asks for the background, as Python's `webbrowser` reads it: it is not a
    /// word. Quoted, escaped, inside a word, before the end or alone, it is a word.
    func testALastBareAmpersandIsNotAWordButAsksForTheBackground() throws {
        let background = try BrowserCommand("firefox %s &")
        XCTAssertEqual(background.words, ["firefox", "%s"])
        XCTAssertTrue(background.inBackground)
        XCTAssertEqual(background.arguments(opening: "https://a/"), ["firefox", "https://a/"])
        XCTAssertEqual(try BrowserCommand("'my browser'\t&  ").words, ["my browser"])
        XCTAssertEqual(
            try BrowserCommand("firefox &").arguments(opening: "https://a/"), ["firefox", "https://a/"])
        for (text, expected) in [
            ("firefox %s '&'", ["firefox", "%s", "&"]), (#"firefox %s "&""#, ["firefox", "%s", "&"]),
            (#"firefox %s \&"#, ["firefox", "%s", "&"]), ("firefox %s a&", ["firefox", "%s", "a&"]),
            ("firefox %s &&", ["firefox", "%s", "&&"]), ("firefox & %s", ["firefox", "&", "%s"]),
            ("&", ["&"]), ("firefox %s", ["firefox", "%s"]),
        ] {
            let command = try BrowserCommand(text)
            XCTAssertEqual(command.words, expected, text)
            XCTAssertFalse(command.inBackground, text)
        }
    }
}
