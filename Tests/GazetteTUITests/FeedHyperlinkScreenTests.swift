import Foundation
import GazetteCore
import GazetteTUI
import TestSupport
import XCTest

/// An OSC 8 hyperlink written raw in a feed shows on the screen as a link written `<a href>`
/// does: its text, its number, and its address listed under the story; nothing of the
/// sequence reaches the terminal. Its text showed with no number, the address lost.
final class FeedHyperlinkScreenTests: TemporaryFolderTestCase {
    func testARawHyperlinkIsANumberedLinkAndNoEscapeIsShown() throws {
        let esc = "\u{1B}"
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Escapes</title>
            <item><guid>e1</guid><title>Linked \(esc)]8;;https://ex.com/t\(esc)\\title\(esc)]8;;\(esc)\\ &#7;</title>
            <description>&lt;p&gt;Read \(esc)]8;;https://ex.com/docs\u{07}the docs\(esc)]8;;\u{07} and \
            &#27;]8;;https://ex.com/faq&#27;\\the FAQ&#27;]8;;&#27;\\ now.&#7;&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let path = folder.appendingPathComponent("escapes.xml")
        try Data(feed.utf8).write(to: path)
        let session = try ReaderSession(path, width: 80, height: 24)
        session.send(keys: "\n")
        let rows = session.rows
        XCTAssertTrue(
            rows.contains { $0.contains("Read the docs [1] and the FAQ [2] now.") }, session.screenText)
        XCTAssertTrue(rows.contains { $0.contains("[1] https://ex.com/docs") }, session.screenText)
        XCTAssertTrue(rows.contains { $0.contains("[2] https://ex.com/faq") }, session.screenText)
        XCTAssertTrue(rows.contains { $0.contains("Linked title") }, session.screenText)
        for row in rows {
            XCTAssertFalse(
                row.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, row)
            XCTAssertFalse(
                row.contains("]8;") || row.contains("\u{FFFD}") || row.contains("https://ex.com/t"), row)
        }
    }
}
