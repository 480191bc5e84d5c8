import GazetteCore
import XCTest

@testable import GazetteTUI

/// How one headline row shares its columns: the title first, then the credit.
final class HeadlineListViewTests: XCTestCase {
    private func rendered(_ row: HeadlineRow, width: Int = 80) -> String {
        var canvas = Canvas(width: width, height: 1)
        HeadlineListView.render(
            rows: [row], numberWidth: 3, top: 0, height: 1, emptyText: "", into: &canvas)
        return canvas.text(ofRow: 0)
    }

    private func row(_ title: String, credit: String? = nil, source: String? = nil) -> HeadlineRow {
        HeadlineRow(
            number: 3, title: title, credit: credit, minutes: 4, unread: true, flagged: false,
            selected: false,
            source: source)
    }

    /// The row drawn at `width` with `query`'s matches lit, and the text of its lit cells (a
    /// space between runs).
    private func lit(_ row: HeadlineRow, query: String, width: Int = 80) -> (text: String, lit: String) {
        var canvas = Canvas(width: width, height: 1)
        HeadlineListView.render(
            rows: [row], numberWidth: 3, top: 0, height: 1, emptyText: "", query: SearchQuery(query),
            into: &canvas)
        let text = canvas.text(ofRow: 0)
        var runs: [String] = []
        var run = ""
        for (column, character) in text.enumerated() {
            if canvas[0, column].style.contains(.highlight) {
                run.append(character)
            } else if !run.isEmpty {
                runs.append(run)
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return (text, runs.joined(separator: " "))
    }

    /// The search reads a story's title and credit, and its source's name as the row shows it
    /// (several sources open): each is lit where it matches.
    func testTheMatchesAreLitInTheTitleTheCreditAndTheSourcesName() {
        let story = row("Slack and the storm", credit: "Slack Wire", source: "Google Alert - Slack")
        // At 80 columns the name is cut before its match: only what shows is lit.
        for (width, name, lit) in [
            (80, "[Google Alert -…] Slack", "Slack Slack"),
            (120, "[Google Alert - Slack] Slack", "Slack Slack Slack"),
        ] {
            let shown = self.lit(story, query: "slack", width: width)
            XCTAssertTrue(shown.text.contains(name + " and the storm"), shown.text)
            XCTAssertTrue(shown.text.contains("Slack Wire"), shown.text)
            XCTAssertEqual(shown.lit, lit, shown.text)
        }
        XCTAssertEqual(lit(row("Calm seas", source: "Slack news"), query: "slack").lit, "Slack")
        // A match in a credit cut short is lit up to the "…".
        let title = "Storm floods the harbours!"
        let cut = lit(
            row(title, credit: "Zebracredit Agency", source: "A feed"), query: "zebracredit", width: 64)
        XCTAssertTrue(cut.text.contains(title + "  Zebracred…   4 min"), cut.text)
        XCTAssertEqual(cut.lit, "Zebracred", cut.text)
    }

    /// Below the credit column's width, a row shows its credit where its title leaves room,
    /// and never cuts the title for it.
    func testANarrowRowShowsTheCreditWhereTheTitleLeavesRoom() {
        let short = rendered(row("Moscow hosts a summit", credit: "TASS"), width: 60)
        XCTAssertTrue(short.hasPrefix(" N   3  Moscow hosts a summit "), short)
        XCTAssertTrue(short.hasSuffix(" TASS   4 min"), short)
        XCTAssertEqual(DisplayWidth.of(short), 59)
        let long = "Kenya Says Troops Will Stay in Somalia Until the Job Is Done"
        let full = rendered(row(long, credit: "TASS"), width: 60)
        XCTAssertFalse(full.contains("TASS"), full)
        XCTAssertEqual(full, rendered(row(long), width: 60))
        // Where the credit fits in part, it is cut with "…"; no room for three columns, none.
        let some = rendered(
            row("Kenya Says Troops Will Stay in Somalia", credit: "Agence France-Presse"), width: 60)
        XCTAssertTrue(some.hasSuffix("Kenya Says Troops Will Stay in Somalia  Ag…   4 min"), some)
        let tight = rendered(row("Kenya Says Troops Will Stay in Somalia!", credit: "Agence"), width: 60)
        XCTAssertFalse(tight.contains("Ag"), tight)
        // Without the reading time (below 40 columns), the credit ends the row.
        let narrow = rendered(row("Moscow", credit: "TASS"), width: 30)
        XCTAssertTrue(narrow.hasPrefix(" N   3  Moscow ") && narrow.hasSuffix(" TASS"), narrow)
    }

    /// The line that stands for an empty list is cut with "…" like every other cut text.
    func testTheEmptyListLineIsCutWithAnEllipsis() {
        var canvas = Canvas(width: 40, height: 1)
        HeadlineListView.render(
            rows: [], numberWidth: 3, top: 0, height: 1,
            emptyText: "no story matches (Esc clears the search)",
            into: &canvas)
        XCTAssertEqual(canvas.text(ofRow: 0), "   no story matches (Esc clears the sea…")
    }

    func testAStoryWithoutWordsShowsNoReadingTime() {
        var empty = row("Untitled notice")
        empty.minutes = 0
        XCTAssertEqual(rendered(empty).trimmingCharacters(in: .whitespaces), "N   3  Untitled notice")
    }

    /// A story of hours keeps the credit column where the other rows have it.
    func testALongReadingTimeKeepsTheCreditInLine() {
        var long = row("Lift Sudan Sanctions", credit: "AFP")
        long.minutes = 2000
        let short = rendered(row("Lift Sudan Sanctions", credit: "AFP"))
        let text = rendered(long)
        XCTAssertTrue(text.hasSuffix("AFP    33 h"), text)
        XCTAssertEqual(
            text.range(of: "AFP")?.lowerBound.utf16Offset(in: text),
            short.range(of: "AFP")?.lowerBound.utf16Offset(in: short))
    }

    func testALongCreditTakesWhatAShortTitleLeaves() {
        let text = rendered(row("Lift Sudan Sanctions", credit: "Agence France-Presse — Getty Images"))
        XCTAssertTrue(text.hasPrefix(" N   3  Lift Sudan Sanctions   "), text)
        XCTAssertTrue(text.hasSuffix("   Agence France-Presse — Getty Images   4 min"), text)
        XCTAssertEqual(DisplayWidth.of(text), 79, "the reading time ends one column from the edge")
    }

    func testALongTitleKeepsItsRoomAndTheCreditIsCut() {
        let title = "Kenya Says Troops Will Stay in Somalia Until the Job Is Done, Minister Tells Parliament"
        let text = rendered(row(title, credit: "Agence France-Presse — Getty Images"))
        XCTAssertEqual(DisplayWidth.of(text), 79)
        XCTAssertTrue(text.hasSuffix("  Agence France-P…   4 min"), text)
        XCTAssertTrue(text.hasPrefix(" N   3  Kenya Says Troops Will Stay in Somalia Until…"), text)
    }

    func testALongFeedNameLeavesTheStoryTitleInSight() {
        let source = "Все для Nokia 5800 XM Nokia N97 Samsung i8910 Omnia HD : Программы, игры, темы"
        let text = rendered(row("Opera Mini 5 beta", credit: "iPod", source: source), width: 120)
        XCTAssertEqual(DisplayWidth.of(text), 119)
        XCTAssertTrue(text.hasPrefix(" N   3  [Все для Nokia 5800 XM Nok…] Opera Mini 5 beta  "), text)
        XCTAssertTrue(text.hasSuffix("iPod   4 min"), text)
        let short = rendered(row("Opera Mini 5 beta", source: "Don't Hit Save"))
        XCTAssertTrue(short.hasPrefix(" N   3  [Don't Hit Save] Opera Mini 5 beta "), short)
        // The name's room is the same in every row, whatever the row's credit.
        let credited = rendered(row("建国35周年纪念", credit: "sushenghai", source: "投资资讯网交易在线--流通纪念币"))
        let plain = rendered(row("出南京泰山5盒", source: "投资资讯网交易在线--流通纪念币"))
        XCTAssertTrue(credited.hasPrefix(" N   3  [投资资讯网交易…] 建国"), credited)
        XCTAssertTrue(plain.hasPrefix(" N   3  [投资资讯网交易…] 出南京"), plain)
    }

    /// Beside a source's name at 80 columns, the title comes before the credit: the credit
    /// column and the name are narrower (the title had 26 columns of 80; found by QA).
    func testBesideASourcesNameANarrowRowKeepsRoomForTheTitle() {
        let text = rendered(
            row(
                "United States to Lift Sudan Sanctions on Friday", credit: "Agence France-Presse",
                source: "realnews_dump.txt"))
        XCTAssertEqual(DisplayWidth.of(text), 79)
        XCTAssertTrue(
            text.hasPrefix(" N   3  [realnews_dump.…] United States to Lift Sudan Sanc…  Agence Fr…   4 min"),
            text)
        let wide = rendered(
            row(
                "United States to Lift Sudan Sanctions", credit: "Agence France-Presse",
                source: "realnews_dump.txt"),
            width: 120)
        XCTAssertTrue(
            wide.hasSuffix("Agence France-Presse   4 min"), "a wide row keeps the whole credit: \(wide)")
    }
}

/// A source's name cut in the narrow column keeps what tells it apart from another of its name.
final class SharedSourceNameColumnTests: XCTestCase {
    func testTheTagStaysWholeWhenTheNameIsCut() {
        XCTAssertEqual(
            HeadlineListView.sourceName("Daring Fireball", tag: "JSON", width: 15), "Daring… (JSON)")
        XCTAssertEqual(HeadlineListView.sourceName("Daring Fireball", tag: nil, width: 15), "Daring Fireball")
        XCTAssertEqual(HeadlineListView.sourceName("DF", tag: "RSS", width: 15), "DF (RSS)")
    }

    /// A column too narrow for the tag after the name cut takes room from the title for it:
    /// at 40 columns two feeds of one name both showed "[Dari…]" (found by QA).
    func testANarrowColumnKeepsTheTagAfterTwoCharactersOfTheName() {
        XCTAssertEqual(
            HeadlineListView.sourceName("Daring Fireball", tag: "JSON", width: 5, widest: 10), "Da… (JSON)")
        XCTAssertEqual(HeadlineListView.sourceName("DF", tag: "JSON", width: 5, widest: 10), "DF (JSON)")
        // No room for it: cut as one.
        XCTAssertEqual(
            HeadlineListView.sourceName("Daring Fireball", tag: "JSON", width: 5, widest: 8), "Daring…")
    }

    /// The reader's list at 40 and 80 columns tells two feeds of one name apart.
    func testTwoFeedsOfOneNameAreToldApartAtFortyAndEightyColumns() throws {
        let rss = """
            <rss version="2.0"><channel><title>Daring Fireball</title>
            <item><guid>r1</guid><title>From the RSS</title><description>Text.</description></item>
            </channel></rss>
            """
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Daring Fireball",
             "items": [{"id": "j1", "title": "From the JSON", "content_text": "Text."}]}
            """
        let sources = [
            OpenedSource(
                source: Source(path: "/n/df.rss", displayName: "Daring Fireball", format: .rss),
                bytes: FileBytes(bytes: Array(rss.utf8))),
            OpenedSource(
                source: Source(path: "/n/df.json", displayName: "Daring Fireball", format: .jsonFeed),
                bytes: FileBytes(bytes: Array(json.utf8))),
        ]
        let catalog = ArticleCatalog.indexed(sources)
        XCTAssertEqual(catalog.entries.count, 2)
        for (width, rssName, jsonName) in [
            (40, "[Da… (RSS)]", "[Da… (JSON)]"), (80, "[Daring F… (RSS)]", "[Daring… (JSON)]"),
        ] {
            let reader = Reader(
                catalog: catalog, tracker: try ReadingTracker(store: InMemoryReadingStateStore(), ids: []),
                width: width, height: 24)
            let terminal = MemoryTerminal(width: width, height: 24)
            let app = ReaderApp(reader: reader, terminal: terminal)
            app.run(stopWhenIdle: true)
            let rows = (0..<24).map { terminal.screen.text(ofRow: $0) }
            XCTAssertTrue(rows.contains { $0.contains(rssName + " From") }, "\(width): \(rows)")
            XCTAssertTrue(rows.contains { $0.contains(jsonName + " From") }, "\(width): \(rows)")
        }
    }
}
