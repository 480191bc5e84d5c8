import GazetteCore
import TestSupport
import XCTest

/// A dump story's title hard-wrapped over two or three lines, which its header gives again.
final class DumpTitleLinesTests: XCTestCase {
    private let earlier = "Earlier Story\n\nTT\n3\n\nEarlier Story\n\nText of the earlier story.\n\n\n\n"
    private let lines = "Storm Hits Coast As Rescuers\nRace To Reach The Stranded\nVillages In The North"
    private let whole = "Storm Hits Coast As Rescuers Race To Reach The Stranded Villages In The North"
    private let body = "The storm arrived on Monday.\n\nThe end."

    /// The three lines, the widget block (with captions or none), the three lines again: one
    /// title; the captions once, the title's lines no caption. The id is the one the title on
    /// one line gives, the one it had its earlier id.
    func testATitleOverThreeLinesGivenAgainIsOneTitle() {
        let captions = "A flooded street (PA)\nA flooded street (PA)"
        for (header, caption) in [
            ("\(captions)\nTT\n20\n\n\(lines)\n\n\(captions)", "A flooded street (PA)"),
            ("TT\n20\n\n\(lines)", nil),
        ] {
            let text = earlier + "\(lines)\n\n\(header)\n\n\(body)"
            let story = DumpText.articles(text).last
            XCTAssertEqual(DumpText.articles(text).map(\.title), ["Earlier Story", whole], header)
            XCTAssertEqual(story?.caption, caption, header)
            XCTAssertEqual(story?.paragraphs, ["The storm arrived on Monday.", "The end."], header)
            let oneLine =
                earlier + "\(whole)\n\n\(header)\n\n\(body)".replacingOccurrences(of: lines, with: whole)
            XCTAssertEqual(story?.id, DumpText.articles(oneLine).last?.id, header)
            XCTAssertEqual(
                DumpText.index(text).last?.previousID?.rawValue, Self.ids[header.hasPrefix("TT") ? 1 : 0],
                header)
        }
    }

    /// Two or three lines, given again joined on one line after the widget block or with none:
    /// one title, the line given again no paragraph.
    func testATitleGivenAgainOnOneLineIsOneTitle() {
        let two = "Storm Hits Coast As Rescuers\nRace To Reach Villages"
        let twoWhole = "Storm Hits Coast As Rescuers Race To Reach Villages"
        for (title, joined) in [(two, twoWhole), (lines, whole)] {
            for widget in ["", "TT\n20\n\n"] {
                let text = earlier + "\(title)\n\n\(widget)\(joined)\n\n\(body)"
                let story = DumpText.articles(text).last
                XCTAssertEqual(story?.title, joined, widget + title)
                XCTAssertEqual(
                    story?.paragraphs, ["The storm arrived on Monday.", "The end."], widget + title)
            }
        }
    }

    /// Without that evidence the lines stay as they were: a second line with nothing given
    /// again, a title and its caption given twice without the widget block, a caption and a
    /// different alt text under a title in title case, a byline.
    func testLinesWithoutTheTitleAgainStayApart() {
        let two = "Storm Hits Coast As Rescuers\nRace To Reach Villages"
        XCTAssertEqual(
            DumpText.articles(earlier + "\(two)\n\n\(body)").last?.title, "Storm Hits Coast As Rescuers")
        XCTAssertEqual(
            DumpText.articles(earlier + "\(two)\n\n\(two)\n\n\(body)").last?.title,
            "Storm Hits Coast As Rescuers")
        let captioned = "Storm Hits Coast\nRescuers in a boat on a street\nA boat on a flooded street"
        XCTAssertEqual(
            DumpText.articles(earlier + "\(captioned)\n\nTT\n20\n\n\(captioned)\n\n\(body)").last?.title,
            "Storm Hits Coast")
        XCTAssertEqual(
            DumpText.articles(earlier + "Storm Hits Coast\nBy Jane Smith\n\n\(body)").last?.title,
            "Storm Hits Coast")
    }

    /// The ids the stories had before their titles were read whole: their earlier ids now.
    private static let ids = ["651b4159a253cd8b", "f284af8e7d7ea531"]
}
