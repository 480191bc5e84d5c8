import GazetteCore
import TestSupport
import XCTest

final class DumpHardWrapTests: XCTestCase {
    /// Two paragraphs hard-wrapped at 72 columns.
    private let body =
        "The storm reached the northern islands late on Tuesday, cutting power\n"
        + "to thousands of homes and closing the main harbour for the night.\n\n"
        + "Rescue teams worked through the night to reach villages cut off by the\n"
        + "floods, officials said, and more rain is expected on Thursday."
    private let paragraphs = [
        "The storm reached the northern islands late on Tuesday, cutting power to thousands of homes and "
            + "closing the main harbour for the night.",
        "Rescue teams worked through the night to reach villages cut off by the floods, officials said, and "
            + "more rain is expected on Thursday.",
    ]
    /// A title hard-wrapped as the body is: "homes" would not fit after its first line.
    private let title =
        "Storm hits the northern islands as thousands of residents flee their\nhomes overnight"
    private let whole = "Storm hits the northern islands as thousands of residents flee their homes overnight"

    /// A title hard-wrapped over two lines at the top of a story without the widget's captions,
    /// its paragraphs hard-wrapped at the same width, is one title: its second line was the
    /// caption (given again with the title) or the first paragraph (not given again).
    func testAHardWrappedTitleWithoutTheWidgetsCaptionsIsOneTitle() {
        for header in [
            "\(title)\n\n\(title)\n\n", "\(title)\n\n", "\(title)\n\nTT\n20\n\n\(title)\n\n",
            "\(title)\n\nTT\n20\n\n",
        ] {
            let text = header + body + "\n\n\nNext story\n\nIts body."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.map(\.title), [whole, "Next story"], header)
            XCTAssertNil(articles.first?.caption, header)
            XCTAssertEqual(articles.first?.paragraphs, paragraphs, header)
            XCTAssertEqual(DumpText.index(text).first?.title, whole, header)
        }
        // A caption given twice between the title and the title again is the caption.
        let caption = "Waves crash on the pier (AP)"
        let captioned = DumpText.articles("\(title)\n\n\(caption)\n\(caption)\n\n\(title)\n\n\(body)")
        XCTAssertEqual(captioned.first?.title, whole)
        XCTAssertEqual(captioned.first?.caption, caption)
        XCTAssertEqual(captioned.first?.paragraphs, paragraphs)
    }

    /// The look-alikes keep their reading: a title with a line under it that would have fit on
    /// the title's line (a byline, a caption), a caption with a credit under a long title, and a
    /// story whose paragraphs are not hard-wrapped.
    func testALineUnderTheTitleThatIsNoWrapStaysWhatItWas() {
        let long = "Storm hits the northern islands as thousands of residents flee their"
        for (first, under) in [
            ("Storm hits the coast", "By Jane Doe"), ("Storm hits the coast", "residents flee inland"),
            (long, "Rescuers search rubble (REUTERS)"),
        ] {
            let head = "\(first)\n\(under)"
            let given = DumpText.articles("\(head)\n\n\(head)\n\n\(body)").first
            XCTAssertEqual(given?.title, first, under)
            XCTAssertEqual(given?.caption, under, under)
            XCTAssertEqual(given?.paragraphs, paragraphs, under)
            let once = DumpText.articles("\(head)\n\n\(body)").first
            XCTAssertEqual(once?.title, first, under)
            XCTAssertEqual(once?.paragraphs, [under] + paragraphs, under)
        }
        let unwrapped = DumpText.articles("\(title)\n\n\(title)\n\nOne long paragraph.\n\nAnother one.")
        XCTAssertEqual(unwrapped.first?.title, String(title.prefix { $0 != "\n" }))
        XCTAssertEqual(unwrapped.first?.caption, "homes overnight")
    }
}
