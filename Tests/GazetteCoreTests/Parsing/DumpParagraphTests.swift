import TestSupport
import XCTest

@testable import GazetteCore

final class DumpParagraphTests: XCTestCase {
    func testEmDashItemsKeepALineEach() {
        XCTAssertEqual(DumpParagraph.text(of: ["— one", "— two"]), "— one\n— two")
        XCTAssertEqual(
            DumpParagraph.text(of: ["Il a dit :", "— Oui.", "— Non, pas ici."]),
            "Il a dit :\n— Oui.\n— Non, pas ici.")
    }

    /// Quoted lines that each end a sentence keep a line each.
    func testQuotedLinesKeepALineEach() {
        XCTAssertEqual(DumpParagraph.text(of: ["> Line one.", "> Line two!"]), "> Line one.\n> Line two!")
        XCTAssertEqual(
            DumpParagraph.text(of: ["He wrote:", "> Yes.", "> No, not here."]),
            "He wrote:\n> Yes.\n> No, not here.")
    }

    /// A quotation hard-wrapped inside a sentence is one quoted line, its marks in the middle
    /// dropped, so the pane wraps it to its width (it kept the scraper's ragged lines).
    func testAHardWrappedQuotationIsJoined() {
        XCTAssertEqual(
            DumpParagraph.text(of: [
                "> A quoted passage that was hard wrapped at seventy two columns by the",
                "> scraper and continues here.",
            ]),
            "> A quoted passage that was hard wrapped at seventy two columns by the scraper and continues here."
        )
        XCTAssertEqual(
            DumpParagraph.text(of: ["The plan:", "> first part of a", "> sentence.", "> Another one."]),
            "The plan:\n> first part of a sentence.\n> Another one.")
        XCTAssertEqual(
            DumpParagraph.text(of: ["> a well-", "> known quote of a", "> wrapped line"]),
            "> a well-known quote of a wrapped line")
    }

    /// A hard-wrapped line that starts with a dash goes on its paragraph, as before.
    func testALoneDashedOrQuotedLineRunsOn() {
        XCTAssertEqual(
            DumpParagraph.text(of: ["The minister said the plan", "— which failed twice — was back."]),
            "The minister said the plan — which failed twice — was back.")
        XCTAssertEqual(
            DumpParagraph.text(of: ["a long line", "— cut here", "and more", "— cut again"]),
            "a long line — cut here and more — cut again")
        XCTAssertEqual(DumpParagraph.text(of: ["if x", "> 5 then"]), "if x > 5 then")
    }

    /// The lines joined to the line before as the rest of a word broken at a hyphen: those the
    /// paragraph's text joins so, which the search reads joined too.
    func testBrokenWordLinesAreThoseTheTextJoins() {
        let cases: [([String], [Int], String)] = [
            (
                ["It is a well-", "known fact, an exam-", "ple too"], [1, 2],
                "It is a well-known fact, an exam-ple too"
            ),
            (["the pre-", "and post-", "war years"], [2], "the pre- and post-war years"),
            (
                ["a dash -", "here, or this --", "there, or 1990-", "1991"], [],
                "a dash - here, or this -- there, or 1990- 1991"
            ),
            (["Items:", "a) a well-", "b) known list"], [], "Items:\na) a well-\nb) known list"),
            (
                ["Items:", "a) a well-", "known one", "b) and more"], [2],
                "Items:\na) a well-known one\nb) and more"
            ),
        ]
        for (lines, broken, text) in cases {
            XCTAssertEqual(DumpParagraph.brokenWordLines(of: lines), broken, "\(lines)")
            XCTAssertEqual(DumpParagraph.text(of: lines), text)
        }
    }

    func testOtherListsAsBefore() {
        XCTAssertEqual(DumpParagraph.text(of: ["- one", "- two"]), "- one\n- two")
        XCTAssertEqual(DumpParagraph.text(of: ["Intro", "1. a", "2. b"]), "Intro\n1. a\n2. b")
    }

    /// Lines of speech, each opening with a quote mark after a line ending as a sentence does,
    /// keep a line each in every language's quotes, as `— ` lines do: they ran into one line
    /// (straight quotes too).
    func testLinesOfSpeechKeepALineEach() {
        for (open, close) in [
            ("\"", "\""), ("“", "”"), ("‘", "’"), ("„", "“"), ("«", "»"), ("« ", " »"), ("»", "«"),
            ("「", "」"),
        ] {
            XCTAssertEqual(
                DumpParagraph.text(of: [
                    "The mayor spoke on Monday:", "\(open)We will rebuild.\(close)",
                    "\(open)Nobody will be left behind,\(close) she said.",
                ]),
                "The mayor spoke on Monday:\n\(open)We will rebuild.\(close)\n"
                    + "\(open)Nobody will be left behind,\(close) she said.", open)
        }
    }

    /// A quote mark that starts a hard-wrapped line, or a line after one cut inside a sentence,
    /// goes on its paragraph.
    func testAQuoteInsideASentenceRunsOn() {
        XCTAssertEqual(
            DumpParagraph.text(of: ["The mayor said", "“We will rebuild,” and the crowd", "“cheered.”"]),
            "The mayor said “We will rebuild,” and the crowd “cheered.”")
        XCTAssertEqual(
            DumpParagraph.text(of: ["It was a storm.", "“Never again,” she said."]),
            "It was a storm. “Never again,” she said.")
        XCTAssertEqual(
            DumpParagraph.text(of: ["“Where?” he asked.", "\" she said, and left."]),
            "“Where?” he asked. \" she said, and left.")
    }

    /// In a dump built as the real ones are, the lines of speech of one block show a line each,
    /// and the story's id is the one it had (made from its lines as they are).
    func testLinesOfSpeechInADumpStory() {
        let text =
            "Storm Hits Coast\n\nA flooded street (PA)\nA flooded street (PA)\nTT\n20\n\nStorm Hits Coast\n\n"
            + "A flooded street (PA)\nA flooded street (PA)\n\nThe storm arrived on Monday.\n\n"
            + "“It was the worst night of my life,” said one resident.\n„Wir haben alles verloren.“\n"
            + "« On reconstruira. »\n\nThe end."
        XCTAssertEqual(
            DumpText.articles(text).first?.paragraphs,
            [
                "The storm arrived on Monday.",
                "“It was the worst night of my life,” said one resident.\n„Wir haben alles verloren.“\n"
                    + "« On reconstruira. »",
                "The end.",
            ])
    }

    /// A title hard-wrapped over two lines of speech reads on one line.
    func testATitleOverLinesOfSpeechStaysOneLine() {
        let title = "“We will rebuild.”\n“Never again,” says mayor"
        let text =
            "\(title)\n\nA flooded street (PA)\nA flooded street (PA)\nTT\n20\n\n\(title)\n\n"
            + "A flooded street (PA)\nA flooded street (PA)\n\nThe storm arrived on Monday."
        XCTAssertEqual(
            DumpText.articles(text).map(\.title), ["“We will rebuild.” “Never again,” says mayor"])
    }
}
