import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// Text is measured in terminal columns: no row overflows, wide characters take two cells, the
/// reading-time column lines up, whatever the script of the titles.
final class WidthTests: XCTestCase {
    private static let sizes = [(100, 30), (60, 20), (40, 12)]
    private static let chineseTitle = "海外留学生看两会：出国前后关注点大不同"
    private static let arabicTitle = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"

    private var files: [URL] = []

    override func tearDown() {
        for file in files { try? FileManager.default.removeItem(at: file) }
        files = []
        super.tearDown()
    }

    private func app(_ path: URL, width: Int, height: Int) throws -> (ReaderApp, MemoryTerminal) {
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path.path]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
        let reader = Reader(catalog: catalog, tracker: tracker, width: width, height: height)
        let terminal = MemoryTerminal(width: width, height: height)
        let app = ReaderApp(reader: reader, terminal: terminal)
        app.run(stopWhenIdle: true)
        return (app, terminal)
    }

    // MARK: checks

    /// Every row uses exactly `width` columns: single cells of width 1, wide heads of width 2 each
    /// followed by their continuation, nothing of width 0.
    private func assertRowsFit(_ canvas: Canvas, _ context: String, line: UInt = #line) {
        for row in 0..<canvas.height {
            var column = 0
            var used = 0
            var joined = ""
            while column < canvas.width {
                let cell = canvas[row, column]
                joined += cell.text
                if cell.isContinuation {
                    XCTFail(
                        "\(context) row \(row) column \(column): a continuation without its head", line: line)
                    column += 1
                    continue
                }
                let width = DisplayWidth.of(cell.text)
                XCTAssertEqual(
                    cell.text.count, 1, "\(context) row \(row) column \(column): one grapheme", line: line)
                XCTAssertTrue(
                    width == 1 || width == 2,
                    "\(context) row \(row) column \(column): \(cell.text) has width \(width)",
                    line: line)
                if width == 2 {
                    XCTAssertTrue(
                        column + 1 < canvas.width && canvas[row, column + 1].isContinuation,
                        "\(context) row \(row) column \(column): a wide character without its second cell",
                        line: line)
                    column += 2
                } else {
                    column += 1
                }
                used += max(width, 1)
            }
            XCTAssertEqual(used, canvas.width, "\(context) row \(row): cells used", line: line)
            XCTAssertEqual(
                DisplayWidth.of(joined), canvas.width, "\(context) row \(row): width of the row", line: line)
            XCTAssertLessThanOrEqual(
                DisplayWidth.of(canvas.text(ofRow: row)), canvas.width, "\(context) row \(row)", line: line)
        }
    }

    /// The text the list shows for a story's title at this width (as `HeadlineListView` lays it out).
    private func shownTitle(
        _ summary: ArticleSummary, credit: String?, count: Int, width: Int
    ) -> (column: Int, text: String) {
        let numberWidth = max(3, String(count).count)
        let column = 3 + numberWidth + 2
        var rightWidth = 6
        if width >= 64, let credit {
            let short = TextTruncation.truncate(
                TerminalSanitizer.line(CaptionCredit.shortForm(of: credit)), width: 16)
            rightWidth += DisplayWidth.of(short) + 2
        }
        let room = width - column - rightWidth - 3
        return (column, TextTruncation.truncate(TerminalSanitizer.line(summary.title), width: room))
    }

    /// The graphemes of a row from `column` over `columns` columns, wide characters once.
    private func cells(_ canvas: Canvas, row: Int, from column: Int, columns: Int) -> String {
        var text = ""
        for index in column..<min(canvas.width, column + columns) where !canvas[row, index].isContinuation {
            text += canvas[row, index].text
        }
        return text
    }

    /// List rows: the reading time ends one column from the right edge, the title sits in its
    /// columns and is followed by blank space.
    private func assertListRows(_ app: ReaderApp, _ canvas: Canvas, _ context: String, line: UInt = #line) {
        let reader = app.reader
        let layout = reader.layout
        for (offset, index) in reader.listWindow.enumerated() {
            let row = layout.listTop + offset
            let text = canvas.text(ofRow: row)
            XCTAssertTrue(text.hasSuffix(" min"), "\(context) row \(row): \(text)", line: line)
            XCTAssertEqual(
                DisplayWidth.of(text), layout.width - 1,
                "\(context) row \(row): the reading time's last column",
                line: line)
            let summary = reader.catalog.entries[reader.visible[index]].summary
            let credit = reader.catalog.details(at: reader.visible[index]).credit
            let (column, title) = shownTitle(
                summary, credit: credit, count: reader.visible.count, width: layout.width)
            let columns = DisplayWidth.of(title)
            // The pictures of a ZWJ sequence are drawn apart, without their joiners.
            let visibleTitle = title.filter { DisplayWidth.of($0) > 0 }
                .map { DisplayWidth.cells(of: $0).map { $0.map(\.text).joined() } ?? String($0) }.joined()
            XCTAssertEqual(
                cells(canvas, row: row, from: column, columns: columns), visibleTitle,
                "\(context) row \(row): the title's cells", line: line)
            XCTAssertEqual(
                canvas[row, column + columns].text, " ", "\(context) row \(row): after the title", line: line)
            XCTAssertEqual(
                canvas[row, column - 1].text, " ", "\(context) row \(row): before the title", line: line)
        }
    }

    /// Opens `path` at each size, walks through every story with `j` and checks every screen,
    /// open and in the list.
    private func walkEveryStory(_ path: URL, name: String) throws {
        for (width, height) in WidthTests.sizes {
            let (app, terminal) = try app(path, width: width, height: height)
            let count = app.reader.visible.count
            for index in 0..<count {
                let context = "\(name) \(width)x\(height) story \(index + 1)"
                XCTAssertEqual(app.reader.selection, index, context)
                assertRowsFit(terminal.screen, context)
                assertListRows(app, terminal.screen, context)
                terminal.send(keys: "\nj")
                app.run(stopWhenIdle: true)
                assertRowsFit(terminal.screen, context + " open")
                assertListRows(app, terminal.screen, context + " open")
                terminal.send(keys: "qj")
                app.run(stopWhenIdle: true)
            }
            XCTAssertEqual(app.reader.selection, count - 1)
            terminal.send(keys: "z")
            app.run(stopWhenIdle: true)
            assertRowsFit(terminal.screen, "\(name) \(width)x\(height) zoomed")
        }
    }

    // MARK: realnews

    func testRealNewsFitsEveryRowOfEveryStoryAtEverySize() throws {
        try walkEveryStory(Fixtures.realNews, name: "realnews")
    }

    func testChineseTitleTakesTwoColumnsACharacter() throws {
        for (width, height) in WidthTests.sizes {
            let (app, terminal) = try app(Fixtures.realNews, width: width, height: height)
            terminal.send(keys: "12\n")
            app.run(stopWhenIdle: true)
            let canvas = terminal.screen
            let row = app.reader.layout.listTop + (app.reader.selection - app.reader.listScroll)
            XCTAssertEqual(app.reader.selectedEntry?.summary.title, WidthTests.chineseTitle)
            let characters = Array(WidthTests.chineseTitle)
            let shown = width == 40 ? 11 : characters.count
            for (offset, character) in characters.prefix(shown).enumerated() {
                XCTAssertEqual(
                    canvas[row, 8 + 2 * offset].text, String(character), "\(width): character \(offset)")
                XCTAssertTrue(canvas[row, 9 + 2 * offset].isContinuation, "\(width): character \(offset)")
            }
            if width == 40 {
                XCTAssertEqual(canvas[row, 30].text, "…")
                XCTAssertEqual(cells(canvas, row: row, from: 8, columns: 23), "海外留学生看两会：出国…")
            } else {
                XCTAssertEqual(DisplayWidth.of(WidthTests.chineseTitle), 38)
                XCTAssertEqual(canvas[row, 8 + 38].text, " ")
            }
            // 2,320 words, most of them ideographs, read at 400 a minute (it said 12 min; found by QA).
            XCTAssertTrue(canvas.text(ofRow: row).hasSuffix("6 min"))
            XCTAssertEqual(DisplayWidth.of(canvas.text(ofRow: row)), width - 1)
        }
    }

    func testArabicTitleTakesOneColumnALetterInLogicalOrder() throws {
        let letters = Array(WidthTests.arabicTitle)
        XCTAssertEqual(DisplayWidth.of(WidthTests.arabicTitle), letters.count)
        for (width, height) in WidthTests.sizes {
            let (app, terminal) = try app(Fixtures.realNews, width: width, height: height)
            terminal.send(keys: "4\n")
            app.run(stopWhenIdle: true)
            let canvas = terminal.screen
            let row = app.reader.layout.listTop + (app.reader.selection - app.reader.listScroll)
            XCTAssertEqual(app.reader.selectedEntry?.summary.title, WidthTests.arabicTitle)
            let room = width - 8 - 9
            let shown = letters.count <= room ? letters.count : room - 1
            for (offset, letter) in letters.prefix(shown).enumerated() where letter != " " {
                XCTAssertEqual(canvas[row, 8 + offset].text, String(letter), "\(width): letter \(offset)")
            }
            if shown < letters.count {
                XCTAssertEqual(cells(canvas, row: row, from: 8 + shown, columns: 1), "…", "\(width)")
            }
            XCTAssertEqual(DisplayWidth.of(canvas.text(ofRow: row)), width - 1)
        }
    }

    // MARK: generated titles

    private static let trickyTitles = [
        "Cafe\u{301} ole\u{301}: nai\u{308}ve re\u{301}sume\u{301}s pile up in Zu\u{308}rich as the season ends early",
        "🎉 Party time 👩‍👩‍👧 for the family ❤️ love from 🇯🇵 Japan 👍🏽 and a 🧑🏾‍💻 at work late tonight",
        "Netan\u{AD}yahu’s co\u{AD}ali\u{AD}tion talks con\u{AD}tinue into the night in Jeru\u{AD}salem once more",
        "日本語のタイトル with 한국어 text, emoji 🚀 and accents e\u{301}a\u{300}o\u{302} mixed in one headline",
        "Zero\u{200B}width and word\u{2060}joiner and a\u{200D}b with ＦＵＬＬＷＩＤＴＨ letters ｈｅｒｅ",
        "Mn marks: a\u{301}\u{302}\u{303}\u{304} stacked, Hangul jamo \u{1100}\u{1161}\u{11A8} and \u{0915}\u{094D}\u{0937} here",
        "Short 🙂",
    ]

    private func writeTrickyDump() throws -> URL {
        let articles = WidthTests.trickyTitles.enumerated().map { number, title in
            DumpText.article(
                title: title,
                caption: number % 2 == 0 ? "A caption with 😀 e\u{301} 中文 (AP Photo/Some\u{AD}one)" : nil,
                paragraphs: (1...6).map { paragraph in
                    "Paragraph \(paragraph): " + title + " — "
                        + String(repeating: "日本語 🇫🇷 cafe\u{301} Netan\u{AD}yahu ", count: paragraph * 3)
                        + String(repeating: "x", count: 90)
                })
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gazette-widths-\(UUID().uuidString).txt")
        try articles.joined(separator: "\n\n\n").write(to: url, atomically: true, encoding: .utf8)
        files.append(url)
        return url
    }

    func testEmojiCombiningMarksAndSoftHyphensFitEveryRow() throws {
        let url = try writeTrickyDump()
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
        XCTAssertEqual(catalog.entries.map(\.summary.title), WidthTests.trickyTitles)
        try walkEveryStory(url, name: "tricky")
    }

    func testCombiningAccentsStayOnTheirLettersAndSoftHyphensTakeNoCell() throws {
        let url = try writeTrickyDump()
        let (app, terminal) = try app(url, width: 100, height: 30)
        let canvas = terminal.screen
        let first = canvas.text(ofRow: app.reader.layout.listTop)
        XCTAssertTrue(first.contains("Cafe\u{301} ole\u{301}: nai\u{308}ve"), first)
        XCTAssertEqual(canvas[1, 8].text, "C")
        XCTAssertEqual(canvas[1, 11].text, "e\u{301}", "the accent is in the cell of its letter")
        XCTAssertEqual(canvas[1, 12].text, " ")

        let third = app.reader.layout.listTop + 2
        XCTAssertEqual(cells(canvas, row: third, from: 8, columns: 17), "Netanyahu’s coali")
        XCTAssertFalse(canvas.text(ofRow: third).contains("\u{AD}"))

        let second = app.reader.layout.listTop + 1
        XCTAssertEqual(canvas[second, 8].text, "🎉")
        XCTAssertTrue(canvas[second, 9].isContinuation)
        XCTAssertEqual(canvas[second, 10].text, " ")
        // Each picture of a ZWJ family in cells of its own: it was cut to its first member.
        XCTAssertTrue(canvas.text(ofRow: second).contains("👩👩👧"), canvas.text(ofRow: second))
    }
}
