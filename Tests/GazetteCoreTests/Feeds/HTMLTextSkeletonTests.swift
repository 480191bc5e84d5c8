import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// HTML rendered through an `HTMLTextSkeleton` must render exactly as the HTML itself.
final class HTMLTextSkeletonTests: XCTestCase {
    private let words =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"

    /// Renders `html` both ways and compares; whether it had a skeleton to go through.
    @discardableResult
    private func compare(_ html: String, _ label: @autoclosure () -> String) -> Bool {
        let through = HTMLRenderer.render(html, baseURL: nil, pictureCaptions: [:], skeleton: true)
        let plain = HTMLRenderer.render(html, baseURL: nil, pictureCaptions: [:], skeleton: false)
        XCTAssertEqual(through, plain, label())
        return HTMLTextSkeleton(HTMLUnfinishedTag.escaped(html)) != nil
    }

    func testInnerWordsAreCutAndWrittenBack() throws {
        let html = "<p>Reykjavik \(words)\n\tsixteen   <b>bold</b> tail</p>"
        let skeleton = try XCTUnwrap(HTMLTextSkeleton(html))
        XCTAssertEqual(skeleton.cuts.count, 1)
        XCTAssertTrue(skeleton.html.hasPrefix("<p>Reykjavik \u{E000}0\n\tsixteen   <b>"), skeleton.html)
        let cut = try XCTUnwrap(skeleton.cuts.cut(0))
        XCTAssertEqual(String(decoding: cut.text, as: UTF8.self), words)
        XCTAssertEqual(cut.ink, words.filter { $0 != " " }.count)
        XCTAssertEqual(
            HTMLRenderer.render(html).paragraphs, ["Reykjavik \(words) sixteen bold tail"])
        XCTAssertTrue(compare(html, html))
    }

    func testCutsHoldTheInnerWordsAndTheirInk() throws {
        var generator = SeededGenerator(seed: 53)
        let pieces = [
            "word", "a", "Zoë", "Müller’s", "—", "“quoted”", "Москва", "x—y", "$288", "U.S.", "e=mc2",
        ]
        let gaps = [" ", " ", " ", "  ", "\n", "\t", " \n "]
        for _ in 0..<2_000 {
            let words = (0..<Int.random(in: 3...80, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            var run = words[0]
            for word in words.dropFirst() {
                run += gaps[Int.random(in: 0..<gaps.count, using: &generator)] + word
            }
            let inner = words.dropFirst().dropLast().joined(separator: " ")
            guard let skeleton = HTMLTextSkeleton("<p>\(run)</p>") else {
                XCTAssertLessThan(inner.utf8.count, HTMLTextSkeleton.minimumCut, run)
                continue
            }
            let cut = try XCTUnwrap(skeleton.cuts.cut(0))
            XCTAssertEqual(String(decoding: cut.text, as: UTF8.self), inner, run)
            XCTAssertEqual(cut.ink, inner.unicodeScalars.filter { $0 != " " }.count, run)
        }
    }

    func testKnownHTMLRendersAsThroughTheSkeleton() {
        let cases = [
            "<p>\(words)</p><p>Zoë Müller’s “quoted” words — \(words)</p>",
            "<a href=\"https://e.com/\">\(words)</a>, \(words)",
            "<figure><img src=\"x.jpg\" alt=\"\(words)\"/><figcaption>\(words)</figcaption></figure><p>\(words)</p>",
            "<img src=x alt=\"a b c\"><p>\(words)</p>",
            "<ul><li>\(words)</li><li>\(words)</li></ul><blockquote>\(words)</blockquote>",
            "<table><tr><td>\(words)</td><td>\(words)</td></tr></table>",
            "<p><sup>\(words)</sup> <code>\(words)</code> <q>\(words)</q> <del>\(words)</del></p>",
            "<p hidden>\(words)</p><p style=\"display:none\">\(words)</p><p>\(words)</p>",
            "<video src=\"v.mp4\">\(words)</video><p>\(words)</p>",
            "&amp; \(words) &nbsp;\(words)&#8217;s \(words)",
            "<p>\(words)</p>\n\n\(words)\n\(words)",
        ]
        for html in cases { compare(html, html) }
    }

    func testMarksHeldByTheHTMLDeclineTheSkeleton() {
        for html in [
            "<p>\u{E000}0 \(words)</p>", "<p>&#xE000;1 \(words)</p>", "<p>&#57344;0 \(words)</p>",
            "<p>&#xf8ff; \(words)</p>", "<pre>\(words)</pre>", "<LISTING>\(words)</LISTING>",
            "<!-- c --><p>\(words)</p>", "<p>a b c</p>",
        ] {
            XCTAssertNil(HTMLTextSkeleton(html), html)
            compare(html, html)
        }
    }

    func testMarksInACodeTableAreWalkedAsTheyAre() {
        // A table of code is preformatted text that no tag names as such: the builder meets the
        // marks there and says so, and the HTML is walked as it is.
        let html =
            "<table class=\"highlighttable\"><tr><td class=\"code\">\(words)\n  \(words)</td></tr></table>"
        XCTAssertNotNil(HTMLTextSkeleton(html))
        compare(html, html)
        XCTAssertEqual(
            HTMLRenderer.render(html).paragraphs,
            HTMLRenderer.render(html, baseURL: nil, pictureCaptions: [:], skeleton: false).paragraphs)
    }

    func testEveryRealWorldItemRendersAsThroughTheSkeleton() {
        let items = RealWorldHTML.items()
        var compared = 0
        for (file, html) in items where compare(html, file) {
            compared += 1
        }
        print("HTMLTextSkeleton: \(compared) of \(items.count) real-world items read through the skeleton")
        XCTAssertGreaterThan(items.count, 400)
        XCTAssertGreaterThan(compared, items.count / 4)
    }

    func testRandomFragmentsRenderAsThroughTheSkeleton() {
        var generator = SeededGenerator(seed: 2_027)
        var compared = 0
        let rounds = 20_000
        let extras = [
            "\u{E000}", "&#xE000;", "&#57344;", "\u{E000}12", "<pre>", "</pre>",
            "<table class=\"highlight\"><tr><td class=\"code\">", "</td></tr></table>", "<video src=v.mp4>",
            "</video>", "<p hidden>", "<code>", "</code>", "<sup>", "</sup>", "<q>", "</q>", "<dl><dt>",
            "<dd>", "</dl>", "<a href=\"#fn1\">", "<span style=\"white-space: pre\">", "</span>",
        ]
        for round in 0..<rounds {
            var html = RandomHTML.fragment(using: &generator)
            if Int.random(in: 0..<4, using: &generator) == 0 {
                html += extras[Int.random(in: 0..<extras.count, using: &generator)]
                html += RandomHTML.fragment(using: &generator)
            }
            if compare(html, "round \(round): \(html.debugDescription)") { compared += 1 }
        }
        print("HTMLTextSkeleton: \(compared) of \(rounds) random fragments read through the skeleton")
        XCTAssertGreaterThan(compared, rounds / 5)
    }
}
