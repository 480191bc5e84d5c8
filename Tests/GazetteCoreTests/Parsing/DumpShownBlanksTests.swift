import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A tab where a space shows (in a title, a paragraph, a hard-wrapped one) gives a dump story
/// the id it has with the space, and the story carries the id earlier versions made of the
/// bytes as written; a run of spaces, which the screen keeps, is hashed as one space too.
final class DumpShownBlanksTests: TemporaryFolderTestCase {
    private let title = "Storm floods the old harbour district"
    private let caption = "Boats in a flooded street (AFP)"
    private let first = "The river rose two metres in the night and flooded the harbour district."
    private let second = "Residents were moved to schools on the hill, officials said."

    private func story(title: String? = nil, _ paragraphs: [String]) -> String {
        DumpText.article(title: title ?? self.title, caption: caption, paragraphs: paragraphs)
    }

    /// The ids Gazette gave these stories before (each line's bytes as written).
    private let earlierIDs = [
        "The\triver": "bc497ebb025f3e62", "hill, \t officials": "debcc719d9498c5a",
        "old\tharbour": "d2a459446680bf71",
    ]

    func testATabWhereASpaceShowsKeepsTheId() throws {
        let plain = DumpText.index(story([first, second]))
        XCTAssertEqual(plain.map(\.id.rawValue), ["b2b04887d753bac3"])
        XCTAssertEqual(plain.map(\.previousID), [nil])
        let shown = DumpText.articles(story([first, second])).map(\.paragraphs)
        let variants = [
            ("The\triver", story(["The\triver" + first.dropFirst(9), second])),
            (
                "hill, \t officials",
                story([first, "Residents were moved to schools on the hill, \t officials said."])
            ),
            ("old\tharbour", story(title: "Storm floods the old\tharbour district", [first, second])),
        ]
        for (name, text) in variants {
            XCTAssertEqual(DumpText.articles(text).map(\.paragraphs), shown, name)
            XCTAssertEqual(DumpText.articles(text).map(\.title), [title], name)
            let summaries = DumpText.index(text)
            XCTAssertEqual(summaries.map(\.id), plain.map(\.id), name)
            XCTAssertEqual(summaries.map(\.previousID?.rawValue), [earlierIDs[name]], name)
        }
        // A hard-wrapped paragraph with a tab: its earlier id was made of each line as written.
        let lines = ["The\triver rose two metres in the night", "and flooded the harbour district."]
        let wrapped = DumpText.index(story([lines.joined(separator: "\n"), second]))
        XCTAssertEqual(wrapped.map(\.id), plain.map(\.id))
        var earlier = ContentFingerprint()
        for part in [[title], lines, [second]] {
            for line in part { earlier.add(line) }
            earlier.endPart()
        }
        XCTAssertEqual(wrapped.map(\.previousID?.rawValue), [earlier.hexDigest])
        // Two spaces show as two, and are hashed as one (DumpHashedBlanks): the id Gazette gave
        // the story before is carried.
        let doubled = story([first, "Residents were moved to schools on the hill,  officials said."])
        XCTAssertEqual(DumpText.articles(doubled).last?.paragraphs.last?.contains(",  officials"), true)
        XCTAssertEqual(DumpText.index(doubled).map(\.id), plain.map(\.id))
        XCTAssertEqual(DumpText.index(doubled).map(\.previousID?.rawValue), ["703bc5dfb4089869"])
    }

    /// A story marked read and flagged by an earlier Gazette under the id of its bytes as
    /// written shows the marks, which are stored under the id it shares with the copy that
    /// has a space for the tab: that copy shows them too.
    func testAMarkUnderTheEarlierIdIsCarried() throws {
        let store = try ReadingStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        let earlier = ArticleID("bc497ebb025f3e62")
        try store.setStates([earlier: ArticleState(isRead: true, isFlagged: true)])
        let summaries = DumpText.index(story(["The\triver" + first.dropFirst(9), second]))
        let tracker = try ReadingTracker(store: store, summaries: summaries)
        XCTAssertTrue(tracker.isRead(summaries[0].id))
        XCTAssertTrue(tracker.isFlagged(summaries[0].id))
        let spaced = DumpText.index(story([first, second]))
        let copy = try ReadingTracker(store: store, summaries: spaced)
        XCTAssertTrue(copy.isRead(spaced[0].id))
        XCTAssertTrue(copy.isFlagged(spaced[0].id))
    }

    func testShownBlanks() {
        for (line, shown) in [
            ("a\tb", "a b"), ("a \t b", "a b"), ("a  b", "a  b"), ("a b", "a b"), ("\ta\t", "a"),
            ("a\t\t", "a"), ("", ""),
        ] {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBytes { buffer in
                let span = LineSpan(start: 0, end: buffer.count)
                XCTAssertEqual(
                    String(decoding: DumpShownBlanks.shown(span, in: buffer), as: UTF8.self), shown)
                XCTAssertEqual(DumpShownBlanks.holdsTab(span, in: buffer), line.contains("\t"))
            }
        }
    }
}
