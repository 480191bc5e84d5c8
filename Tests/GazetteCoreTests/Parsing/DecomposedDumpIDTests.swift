import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A dump written decomposed (NFD: "é" as "e" and a combining accent, Hangul as jamo, as macOS
/// tools and some scrapers write) gives its stories the ids of the same dump composed (NFC),
/// and a story's marks kept under the id earlier versions gave it as written are taken over.
final class DecomposedDumpIDTests: TemporaryFolderTestCase {
    /// Stories in scripts with marks: Latin with accents, Vietnamese with stacked marks, Korean
    /// and Devanagari (Marathi's ऱ, a letter and a nukta); and one in ASCII.
    private let stories: [(title: String, paragraphs: [String])] = [
        (
            "Élection à Montréal: les électeurs déçus",
            ["Le député a été réélu après une campagne très disputée."]
        ),
        ("Thủ tướng phát biểu tại Hà Nội", ["Người dân đã đổ về quảng trường để xem lễ diễu hành."]),
        ("서울에서 열린 정상 회의", ["대통령은 오늘 국회에서 새 예산안에 대해 연설했다."]),
        ("दिल्ली में नया क़ानून", ["पर्यावरणाचा \u{931}्हास थांबवण्यासाठी सरकारने आज नवा क़ानून मांडला."]),
        ("Markets calm", ["Shares rose."]),
    ]

    private func dump(_ normalise: (String) -> String) -> String {
        stories.map {
            DumpText.article(
                title: normalise($0.title), paragraphs: $0.paragraphs.map(normalise), widgets: false,
                repeatedHeader: false)
        }.joined(separator: "\n\n\n")
    }

    private var composed: String { dump { $0.precomposedStringWithCanonicalMapping } }
    private var decomposed: String { dump { $0.decomposedStringWithCanonicalMapping } }

    /// The id earlier versions gave a story of a title and one-line paragraphs, as written.
    private func writtenID(_ title: String, _ paragraphs: [String]) -> ArticleID {
        var fingerprint = ContentFingerprint()
        for part in [title] + paragraphs {
            fingerprint.add(part)
            fingerprint.endPart()
        }
        return ArticleID(fingerprint.hexDigest)
    }

    /// Composed and decomposed, the stories get the same ids: those a composed file always had.
    /// The decomposed ones name the ids they had as written; the composed ones name none.
    func testADecomposedDumpGetsTheIdsOfTheComposedOne() {
        XCTAssertNotEqual(Array(composed.utf8), Array(decomposed.utf8))
        let nfc = DumpText.index(composed)
        let nfd = DumpText.index(decomposed)
        XCTAssertEqual(nfc.count, stories.count)
        XCTAssertEqual(nfd.map(\.id), nfc.map(\.id))
        let composedIDs = stories.map {
            writtenID(
                $0.title.precomposedStringWithCanonicalMapping,
                $0.paragraphs.map(\.precomposedStringWithCanonicalMapping))
        }
        XCTAssertEqual(nfc.map(\.id), composedIDs)
        XCTAssertEqual(nfc.map(\.previousID), Array(repeating: nil, count: stories.count))
        let decomposedIDs = stories.map {
            writtenID(
                $0.title.decomposedStringWithCanonicalMapping,
                $0.paragraphs.map(\.decomposedStringWithCanonicalMapping))
        }
        XCTAssertEqual(nfd.map(\.previousID), decomposedIDs.dropLast() + [nil])
        XCTAssertEqual(nfd.map(\.title), stories.map { $0.title.decomposedStringWithCanonicalMapping })
    }

    /// Devanagari's क़ written as one code point (which NFC writes as क and a nukta) and as two
    /// gives one id: that of the two, which NFC keeps.
    func testACharacterNFCWritesOtherwiseGetsTheIdOfItsNFCForm() {
        let precomposed = "दिल्ली में नया \u{958}ानून\n\nसरकार ने आज संसद में नया \u{958}ानून पेश किया।"
        let nfc = precomposed.precomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(precomposed.utf8), Array(nfc.utf8))
        let ids = DumpText.index(nfc)
        XCTAssertEqual(DumpText.index(precomposed).map(\.id), ids.map(\.id))
        XCTAssertEqual(
            DumpText.index(precomposed).map(\.previousID),
            [writtenID("दिल्ली में नया \u{958}ानून", ["सरकार ने आज संसद में नया \u{958}ानून पेश किया।"])])
    }

    /// A decomposed story whose paragraph is hard-wrapped too gets the id of the composed one on
    /// one line, and names the id the last version gave it (its lines joined, as written).
    func testAWrappedDecomposedStoryNamesTheIdTheLastVersionGaveIt() {
        let lines = [
            "Le député a été réélu après une campagne très disputée, qui a duré", "plus de trois mois.",
        ]
        let title = "Élection à Montréal"
        let wrapped = (title + "\n\n" + lines.joined(separator: "\n")).decomposedStringWithCanonicalMapping
        let oneLine = (title + "\n\n" + lines.joined(separator: " ")).precomposedStringWithCanonicalMapping
        XCTAssertEqual(DumpText.index(wrapped).map(\.id), DumpText.index(oneLine).map(\.id))
        let lastVersion = writtenID(
            title.decomposedStringWithCanonicalMapping,
            [lines.joined(separator: " ").decomposedStringWithCanonicalMapping])
        XCTAssertEqual(DumpText.index(wrapped).map(\.previousID), [lastVersion])
    }

    /// Marks made on the decomposed file by an earlier version (under the ids it had as
    /// written) are shown, and stored under the ids now, which the composed file shares.
    func testMarksUnderTheIdsAsWrittenAreTakenOver() throws {
        let store = try ReadingStateStore(path: folder.appendingPathComponent("state.sqlite").path)
        let korean = stories[2]
        let earlier = writtenID(
            korean.title.decomposedStringWithCanonicalMapping,
            korean.paragraphs.map(\.decomposedStringWithCanonicalMapping))
        try store.setStates([earlier: ArticleState(isRead: true, isFlagged: true)])
        let summaries = DumpText.index(decomposed)
        let tracker = try ReadingTracker(store: store, summaries: summaries)
        XCTAssertTrue(tracker.isRead(summaries[2].id))
        XCTAssertTrue(tracker.isFlagged(summaries[2].id))
        XCTAssertEqual(summaries.map { tracker.isRead($0.id) }, [false, false, true, false, false])
        let composedID = DumpText.index(composed)[2].id
        XCTAssertEqual(try store.states(for: [composedID])[composedID]?.isFlagged, true)
    }
}
