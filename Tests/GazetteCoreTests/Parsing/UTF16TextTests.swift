import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Dumps in UTF-16 without a byte-order mark whose text is not mostly Latin.
final class UTF16TextTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-utf16" }

    private let russian =
        "Заголовок новости\n\n"
        + String(
            repeating: "Президент заявил в четверг, что экономика выросла на три процента.\n\n", count: 3)
    private let japanese =
        "日本のニュース\n\n" + String(repeating: "東京で記者会見が開かれ、首相は「経済対策を急ぐ」と述べた。\n\n", count: 4)

    private func write(_ name: String, _ data: Data?) throws -> String {
        let url = folder.appendingPathComponent(name)
        try XCTUnwrap(data).write(to: url)
        return url.path
    }

    /// Cyrillic or Japanese in UTF-16 of either byte order, without a mark, is read as the same
    /// stories, with the same ids, as the UTF-8 text (it was called binary; found by QA).
    func testNonLatinUTF16WithoutAMarkIsRead() throws {
        for (name, text) in [("russian", russian), ("japanese", japanese)] {
            let original = try SourceLoader.openFile(try write(name + ".txt", text.data(using: .utf8)))
            let expected = original.indexAll()
            XCTAssertEqual(expected.count, 1, name)
            for (order, encoding) in [("le", String.Encoding.utf16LittleEndian), ("be", .utf16BigEndian)] {
                let opened = try SourceLoader.openFile(
                    try write("\(name)-\(order).txt", text.data(using: encoding)))
                XCTAssertEqual(opened.source.format, .plainTextDump, "\(name) \(order)")
                XCTAssertEqual(opened.indexAll().map(\.id), expected.map(\.id), "\(name) \(order)")
                XCTAssertEqual(opened.indexAll().map(\.title), expected.map(\.title), "\(name) \(order)")
            }
        }
    }

    /// Random bytes are still binary, with line feeds of UTF-16 among them or not, and so is
    /// UTF-16 with a control character or an unpaired surrogate in it.
    func testRandomBytesAndUnclearUTF16AreStillBinary() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            var bytes = (0..<(16 + round * 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 2 == 1 {
                for index in stride(from: 0, to: bytes.count - 1, by: 64) {
                    bytes[index] = 0x0A
                    bytes[index + 1] = 0
                }
            }
            let detected = bytes.withUnsafeBytes { FormatDetector.detect($0) }
            XCTAssertNotEqual(detected, .failure(.unsupported("UTF-16 text")), "round \(round)")
        }
        var bell = try XCTUnwrap(russian.data(using: .utf16LittleEndian))
        bell.append(contentsOf: [0x07, 0x00])
        var surrogate = try XCTUnwrap(russian.data(using: .utf16LittleEndian))
        surrogate.insert(contentsOf: [0x3D, 0xD8], at: 20)
        for data in [bell, surrogate] {
            let detected = Array(data).withUnsafeBytes { FormatDetector.detect($0) }
            XCTAssertEqual(detected, .failure(.binary))
        }
    }
}
