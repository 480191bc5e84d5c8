import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Dumps in UTF-32 with a byte-order mark.
final class UTF32TextTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-utf32" }

    private func write(_ name: String, _ data: Data?) throws -> String {
        let url = folder.appendingPathComponent(name)
        try XCTUnwrap(data).write(to: url)
        return url.path
    }

    /// A dump in UTF-32 with its mark, of either byte order, is read as the UTF-8 text (it was
    /// refused as "UTF-16 text"; found by QA); a cut-short last character becomes U+FFFD.
    func testUTF32WithAMarkIsRead() throws {
        let text = "Storm Hits Coast\n\nCrews worked through the night in Zürich 東京 🌊.\n"
        let original = try SourceLoader.openFile(try write("utf8.txt", text.data(using: .utf8)))
        let expected = original.indexAll()
        XCTAssertEqual(expected.count, 1)
        for (order, encoding) in [("le", String.Encoding.utf32LittleEndian), ("be", .utf32BigEndian)] {
            let mark: [UInt8] = order == "le" ? [0xFF, 0xFE, 0, 0] : [0, 0, 0xFE, 0xFF]
            let data = Data(mark) + (try XCTUnwrap(text.data(using: encoding)))
            let opened = try SourceLoader.openFile(try write("utf32-\(order).txt", data))
            XCTAssertEqual(opened.source.format, .plainTextDump, order)
            XCTAssertEqual(opened.indexAll().map(\.id), expected.map(\.id), order)
            XCTAssertEqual(opened.indexAll().map(\.title), ["Storm Hits Coast"], order)
            let article = try XCTUnwrap(opened.article(opened.indexAll()[0]), order)
            XCTAssertEqual(article.paragraphs, ["Crews worked through the night in Zürich 東京 🌊."], order)
        }
        let cut =
            Data([0xFF, 0xFE, 0, 0]) + (try XCTUnwrap("Title\n\nText.".data(using: .utf32LittleEndian)))
            + Data([0x41, 0])
        let opened = try SourceLoader.openFile(try write("utf32-cut.txt", cut))
        XCTAssertEqual(try XCTUnwrap(opened.article(opened.indexAll()[0])).paragraphs, ["Text.\u{FFFD}"])
    }
}
