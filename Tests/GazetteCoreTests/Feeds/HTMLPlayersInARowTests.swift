import XCTest

@testable import GazetteCore

/// Players in a row (iframe, video, audio placeholders) shared one line; each stands on a line
/// of its own, and what follows starts a line. A player in a sentence stays in it, as an image.
final class HTMLPlayersInARowTests: XCTestCase {
    func testPlayersInARowStandOnLinesOfTheirOwn() {
        let rendered = HTMLRenderer.render(
            """
            <p>Watch: <iframe src="https://player.vimeo.com/1" title="One"></iframe>
            <iframe src="https://player.vimeo.com/2"></iframe><video src="https://player.vimeo.com/3.mp4"></video>
            <audio src="https://player.vimeo.com/4.mp3"></audio> and read on.</p>
            <p>A clip <iframe src="https://player.vimeo.com/5"></iframe> in a sentence, <img alt="a chart"> too.</p>
            <iframe src="https://player.vimeo.com/6"></iframe><br><iframe src="https://player.vimeo.com/7"></iframe>
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            [
                "Watch:\n[video: One] [1]\n[video] [2]\n[video] [3]\n[audio] [4]\nand read on.",
                "A clip [video] [5] in a sentence, [image: a chart] too.",
                "[video] [6]\n[video] [7]",
            ])
    }

    /// An embed is a player, in a link or not, and the text after it stays (it was never drawn,
    /// its link with it; found by QA).
    func testAnEmbedIsAPlayer() {
        let rendered = HTMLRenderer.render(
            """
            <p>w1 <embed src="https://player.vimeo.com/1"> w2</p>
            <p>w3 <a href="https://e.example/x"><embed src="https://player.vimeo.com/2"></a> w4 <embed> w5</p>
            """)
        XCTAssertEqual(rendered.paragraphs, ["w1 [video] [1] w2", "w3 [video] [2] [3] w4 w5"])
        XCTAssertEqual(
            rendered.links,
            ["https://player.vimeo.com/1", "https://player.vimeo.com/2", "https://e.example/x"])
    }

    /// Players in a row inside links stand on lines of their own too, a link's number on its
    /// player's line: they shared one (found by QA).
    func testPlayersInARowInsideLinksStandOnLinesOfTheirOwn() {
        let rendered = HTMLRenderer.render(
            """
            <p>Watch: <a href="https://l.example/"><iframe src="https://player.vimeo.com/1"></iframe>\
            <iframe src="https://player.vimeo.com/2"></iframe></a> then
            <a href="https://m.example/"><iframe src="https://player.vimeo.com/3"></iframe></a>
            <a href="https://n.example/"><video src="https://player.vimeo.com/4.mp4"></video></a> more
            <a href="https://o.example/"><iframe src="https://player.vimeo.com/5"></iframe></a> in a sentence.</p>
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            [
                "Watch:\n[video] [1]\n[video] [2] [3]\nthen\n[video] [4] [5]\n[video] [6] [7]\nmore [video] [8] [9] in a sentence."
            ])
    }

    /// Players in separate cells or paragraphs are not in a row.
    func testPlayersApartAreNotInARow() {
        XCTAssertEqual(
            HTMLRenderer.render(
                """
                <table><tr><td><iframe src="https://player.vimeo.com/1"></iframe></td>\
                <td><iframe src="https://player.vimeo.com/2"></iframe></td></tr></table>
                <p><iframe src="https://player.vimeo.com/3"></iframe> x <iframe src="https://player.vimeo.com/4"></iframe></p>
                """
            ).paragraphs,
            ["[video] [1]  [video] [2]", "[video] [3] x [video] [4]"])
    }

    /// Players in a row in a cell of a table in columns share the cell's line: the line break
    /// between them was measured as no column and drawn as a space, so the cell was sized one
    /// column short, and a player in the next cell broke the line of the cell before (found by QA).
    func testPlayersInACellOfATableInColumnsShareItsLine() throws {
        let rendered = HTMLRenderer.render(
            """
            <table><tr><td><a href="https://l.example/x"><iframe src="https://player.vimeo.com/1" title="One">\
            </iframe><iframe src="https://player.vimeo.com/2" title="Two"></iframe></a></td><td>next</td></tr>\
            <tr><td>a</td><td>b</td></tr></table>
            <table><tr><td>x <iframe src="https://player.vimeo.com/3"></iframe></td>\
            <td><iframe src="https://player.vimeo.com/4"></iframe></td><td>y</td></tr></table>
            """)
        XCTAssertEqual(
            rendered.paragraphs,
            [
                "[video: One] [1] [video: Two] [2] [3]  next\na                                      b",
                "x [video] [4]  [video] [5]  y",
            ])
        let table = try XCTUnwrap(rendered.tables[0])
        let lines = ArticleLayout.lines(of: table, width: 80).map(\.text)
        XCTAssertEqual(lines.map { $0.firstRange(of: "next")?.lowerBound.utf16Offset(in: $0) }, [39, nil])
        XCTAssertEqual(lines[1].firstRange(of: "b")?.lowerBound.utf16Offset(in: lines[1]), 39)
    }
}
