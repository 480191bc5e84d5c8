import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Two spaces after a full stop where one was (a re-scrape, another editor), three, a tab: a
/// dump story keeps its id, every run of blanks hashed as one space, and carries the ids
/// earlier versions gave it, so that its marks are kept (found by QA: the story came back
/// unread). A no-break space is a character of the text: another id.
final class DumpHashedBlanksTests: TemporaryFolderTestCase {
    private let title = "Storm floods the old harbour district"
    private let caption = "Boats in a flooded street (AFP)"
    private let first = "The river rose two metres in the night. It flooded the harbour district."
    private let second = "Residents were moved to schools on the hill, officials said."

    private func story(title: String? = nil, _ paragraphs: [String]) -> String {
        DumpText.article(title: title ?? self.title, caption: caption, paragraphs: paragraphs)
    }

    /// The id of `parts` (title, then paragraphs), each line hashed as written.
    private func idAsWritten(_ parts: [[String]]) -> String {
        var fingerprint = ContentFingerprint()
        for part in parts {
            for line in part { fingerprint.add(line) }
            fingerprint.endPart()
        }
        return fingerprint.hexDigest
    }

    func testEveryRunOfBlanksIsHashedAsOneSpaceNoneAtTheEnds() {
        for (line, hashed) in [
            ("a b", "a b"), ("a  b", "a b"), ("a     b", "a b"), ("a\tb", "a b"), ("a \t b", "a b"),
            ("a\t\tb", "a b"), (" a b", "a b"), ("a b  ", "a b"), ("\ta\t", "a"), ("  ", ""), ("", ""),
            ("end.  Next.  Last", "end. Next. Last"),
            // No-break and other Unicode spaces are characters: as written, spaces beside them too.
            ("a\u{A0}b", "a\u{A0}b"), ("a\u{A0}\u{A0}b", "a\u{A0}\u{A0}b"), ("a \u{A0}  b", "a \u{A0} b"),
            ("«\u{A0}noire\u{A0}»", "«\u{A0}noire\u{A0}»"), ("10\u{202F}km", "10\u{202F}km"),
            ("\u{3000}\u{3000}出国", "\u{3000}\u{3000}出国"), ("a\u{2009}b", "a\u{2009}b"),
        ] {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBytes { buffer in
                let span = LineSpan(start: 0, end: buffer.count)
                let got = DumpHashedBlanks.hashed(span, in: buffer)
                XCTAssertEqual(String(decoding: got, as: UTF8.self), hashed, line.debugDescription)
                XCTAssertEqual(
                    DumpHashedBlanks.isAsWritten(span, in: buffer), got == bytes, line.debugDescription)
            }
        }
    }

    /// Two spaces or a tab are found wherever they are in a line (within the hash's 32-byte
    /// steps, across two, in the last few, in a line too short for a step), in the pass that
    /// hashes the line as written (its hash as ever), and the bytes around a line are not
    /// looked at.
    func testTwoSpacesOrATabAreFoundAnywhereInTheHashsPass() {
        /// Whether the hash's pass finds `line` hashed as written, its hash unchanged.
        func asWritten(_ line: [UInt8], around: UInt8) -> Bool {
            let bytes = [around, around] + line + [around, around]
            return bytes.withUnsafeBytes { buffer in
                let span = LineSpan(start: 2, end: 2 + line.count)
                var checked = ContentFingerprint()
                let found = checked.add(checkingBlanks: span, in: buffer)
                var plain = ContentFingerprint()
                plain.add(span, in: buffer)
                XCTAssertEqual(checked.value, plain.value)
                XCTAssertEqual(DumpHashedBlanks.isAsWritten(span, in: buffer), found)
                return found
            }
        }
        for length in 2...110 {
            for position in 0..<(length - 1) {
                var line = Array(repeating: UInt8(ascii: "x"), count: length)
                line[position] = 0x20
                line[position + 1] = 0x20
                XCTAssertFalse(asWritten(line, around: 0x20), "\(length) \(position)")
                line[position] = UInt8(ascii: "x")
                line[position + 1] = 0x09
                XCTAssertFalse(asWritten(line, around: 0x20), "tab \(length) \(position)")
            }
            // Spaces one apart, other controls, blanks before and after the line: as written.
            let line = (0..<length).map { $0 % 2 == 1 && $0 < length - 1 ? UInt8(0x20) : UInt8(ascii: "x") }
            XCTAssertTrue(asWritten(line, around: 0x20), "\(length)")
            XCTAssertTrue(asWritten(line, around: 0x09), "\(length)")
            var controls = line
            controls[length / 2] = 0x01
            controls[length - 1] = 0x1F
            XCTAssertTrue(asWritten(controls, around: 0x20), "controls \(length)")
        }
    }

    func testTwoSpacesWhereOneWasKeepTheId() throws {
        let plain = DumpText.index(story([first, second]))
        XCTAssertEqual(plain.map(\.earlierIDs), [EarlierIDs()])
        for blanks in ["  ", "   ", "\t", " \t "] {
            let text = story(
                title: "Storm floods the old" + blanks + "harbour district",
                [first.replacingOccurrences(of: ". ", with: "." + blanks), second])
            let summaries = DumpText.index(text)
            XCTAssertEqual(summaries.map(\.id), plain.map(\.id), blanks.debugDescription)
        }
        // Its earlier id: the one Gazette gave it up to now (each line as written), one only.
        let doubled = first.replacingOccurrences(of: ". ", with: ".  ")
        let summaries = DumpText.index(story([doubled, second]))
        XCTAssertEqual(summaries.map(\.id), plain.map(\.id))
        XCTAssertEqual(summaries.map(\.previousID?.rawValue), [idAsWritten([[title], [doubled], [second]])])
        XCTAssertEqual(summaries.map(\.earlierIDs.older), [nil])
        // The screen still shows the two spaces.
        XCTAssertEqual(DumpText.articles(story([doubled, second])).first?.paragraphs.first, doubled)
        // A no-break space for a space is another character: another id.
        let noBreak = DumpText.index(story([first.replacingOccurrences(of: ". ", with: ".\u{A0}"), second]))
        XCTAssertNotEqual(noBreak.map(\.id), plain.map(\.id))
        XCTAssertEqual(noBreak.map(\.earlierIDs), [EarlierIDs()])
    }

    /// A hard-wrapped paragraph with two spaces had two ids before: the version before's (its
    /// lines joined, the spaces as written) and the one before that (each line as written).
    func testAHardWrappedStoryWithTwoSpacesCarriesBothEarlierIds() {
        let lines = ["The river rose two metres in the night.  It flooded", "the harbour district."]
        let wrapped = DumpText.index(story([lines.joined(separator: "\n"), second]))
        XCTAssertEqual(wrapped.map(\.id), DumpText.index(story([first, second])).map(\.id))
        XCTAssertEqual(
            wrapped.map(\.earlierIDs.newest?.rawValue),
            [idAsWritten([[title], [lines.joined(separator: " ")], [second]])])
        XCTAssertEqual(wrapped.map(\.earlierIDs.older?.rawValue), [idAsWritten([[title], lines, [second]])])
        // Wrapped with a tab and no two spaces, it had one: the version before's was its id now.
        let tabbed = ["The river rose two metres in the night.\tIt flooded", "the harbour district."]
        let summaries = DumpText.index(story([tabbed.joined(separator: "\n"), second]))
        XCTAssertEqual(summaries.map(\.id), wrapped.map(\.id))
        XCTAssertEqual(
            summaries.map(\.earlierIDs.newest?.rawValue), [idAsWritten([[title], tabbed, [second]])])
        XCTAssertEqual(summaries.map(\.earlierIDs.older), [nil])
    }

    /// Marks stored under either earlier id are carried; where both hold some, the newest's
    /// (stored later: the version before took the older over) are.
    func testMarksUnderEitherEarlierIdAreCarried() throws {
        let lines = ["The river rose two metres in the night.  It flooded", "the harbour district."]
        let summaries = DumpText.index(story([lines.joined(separator: "\n"), second]))
        let earlier = try XCTUnwrap(summaries.first?.earlierIDs)
        let newest = try XCTUnwrap(earlier.newest)
        let older = try XCTUnwrap(earlier.older)
        for (stored, expected) in [
            ([older: ArticleState(isRead: true)], ArticleState(isRead: true)),
            ([newest: ArticleState(isFlagged: true)], ArticleState(isFlagged: true)),
            (
                [older: ArticleState(isRead: true), newest: ArticleState(isFlagged: true)],
                ArticleState(isFlagged: true)
            ),
        ] {
            let store = try ReadingStateStore(path: folder.appendingPathComponent(UUID().uuidString).path)
            try store.setStates(stored)
            let tracker = try ReadingTracker(store: store, summaries: summaries)
            XCTAssertEqual(tracker.isRead(summaries[0].id), expected.isRead)
            XCTAssertEqual(tracker.isFlagged(summaries[0].id), expected.isFlagged)
        }
    }

    /// A hard-wrapped story with two spaces that ran on into the next story's glued header in
    /// Gazettes before dd7a6f8 (``DumpGluedHeader`` splits it off now) had three ids: its id then
    /// and its two earlier ones. The marks made under the oldest (each line as written, the
    /// glued header a paragraph of the story) are its own too, as under the other two.
    func testAStoryThatRanOnCarriesTheOldestOfItsThreeIds() throws {
        let lines = ["A storm hit the coast on Monday.  Officials", "said so."]
        let rescue = "Rescue teams worked through the night."
        let header = ["Markets Rise", "TT", "20"]
        let markets = [
            "Stocks rose on Monday after the central bank held rates.", "Analysts expected the move.",
        ]
        let text =
            "Storm Hits Coast\n\nTT\n20\n\n\(lines.joined(separator: "\n"))\n\n\(rescue)\n\n"
            + "\(header.joined(separator: "\n"))\n\n\(markets.joined(separator: "\n\n"))\n\n\n\nNext Story\n\nIts text."
        let summaries = DumpText.index(text)
        XCTAssertEqual(summaries.map(\.title), ["Storm Hits Coast", "Markets Rise", "Next Story"])
        let oldest = idAsWritten([["Storm Hits Coast"], lines, [rescue], header] + markets.map { [$0] })
        let earlier = try XCTUnwrap(summaries.first?.earlierIDs)
        XCTAssertEqual(Set([earlier.newest, earlier.older].compactMap { $0 }).count, 2)
        for stored in [[ArticleID(oldest)], [earlier.newest, earlier.older].compactMap { $0 }] {
            for id in stored {
                let store = InMemoryReadingStateStore()
                store.setStates([id: ArticleState(isRead: true, isFlagged: true)])
                let tracker = try ReadingTracker(store: store, summaries: summaries)
                XCTAssertEqual(summaries.map { tracker.isRead($0.id) }, [true, false, false], id.rawValue)
                XCTAssertEqual(summaries.map { tracker.isFlagged($0.id) }, [true, false, false], id.rawValue)
            }
        }
    }

    /// Two earlier ids are kept inline, in 8 bytes a story more than one id was (the catalog
    /// holds 50,000 stories and more), none allocated.
    func testASummaryKeepsItsEarlierIdsInline() {
        XCTAssertLessThanOrEqual(MemoryLayout<EarlierIDs>.size, 25)
        XCTAssertLessThanOrEqual(MemoryLayout<ArticleSummary>.stride, 112)
    }
}
