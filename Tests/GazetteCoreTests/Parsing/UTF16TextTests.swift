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

    /// UTF-16 without a mark whose text is all CJK, with no Latin letter, is read: a short
    /// story with blank lines, or a long line without line breaks (both were called binary;
    /// found by QA).
    func testAllCJKUTF16WithoutAMarkIsRead() throws {
        let short = "中文标题测试新闻\n\n这是正文第一段内容。\n\n\n第二个标题\n\n第二段正文。\n"
        let long = String(repeating: "中文标题测试这是正文第一段内容。第二个标题第二段正文。", count: 20)
        for (name, text) in [("short", short), ("long", long)] {
            let original = try SourceLoader.openFile(try write(name + ".txt", text.data(using: .utf8)))
            let expected = original.indexAll()
            for (order, encoding) in [("le", String.Encoding.utf16LittleEndian), ("be", .utf16BigEndian)] {
                let data = try XCTUnwrap(text.data(using: encoding))
                XCTAssertEqual(
                    Array(data).withUnsafeBytes { FormatDetector.detect($0) },
                    .failure(.unsupported("UTF-16 text")), "\(name) \(order)")
                let opened = try SourceLoader.openFile(try write("\(name)-\(order).txt", data))
                XCTAssertEqual(opened.indexAll().map(\.id), expected.map(\.id), "\(name) \(order)")
                XCTAssertEqual(opened.indexAll().map(\.title), expected.map(\.title), "\(name) \(order)")
            }
        }
        XCTAssertEqual(
            try SourceLoader.openFile(try write("short-check.txt", short.data(using: .utf8))).indexAll().map(
                \.title),
            ["中文标题测试新闻", "第二个标题"])
    }

    /// Binary files stay binary now that UTF-16 of letters alone is read: a PNG, an ELF
    /// program, random bytes of any length (with a UTF-16 blank line in them or not, when
    /// long); a ZIP archive is told as one.
    func testBinaryFilesAreNoUTF16OfLetters() throws {
        var generator = SystemRandomNumberGenerator()
        func random(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
            + random(3000)
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0] + random(3000)
        let program = try Array(Data(contentsOf: URL(fileURLWithPath: "/bin/ls")).prefix(65536))
        for (name, bytes) in [("png", png), ("elf", program)] {
            XCTAssertEqual(bytes.withUnsafeBytes { FormatDetector.detect($0) }, .failure(.binary), name)
            XCTAssertThrowsError(try SourceLoader.openFile(try write(name + ".bin", Data(bytes))), name)
        }
        XCTAssertEqual(
            zip.withUnsafeBytes { FormatDetector.detect($0) },
            .failure(.unsupported("it is a ZIP archive: unzip it first")))
        for round in 0..<300 {
            var bytes = random(32 + round * 17)
            // Bytes that open with a byte-order mark are UTF-16 by it: 2 rounds in 65,536 did
            // (the test failed about once in a hundred runs).
            if bytes[0] >= 0xFE { bytes[0] = 0x20 }
            // A blank line in UTF-16 makes a short clean head text: only a long one is tried.
            if round % 2 == 1 && bytes.count >= 256 {
                bytes.replaceSubrange(8..<12, with: [0x0A, 0, 0x0A, 0])
            }
            let detected = bytes.withUnsafeBytes { FormatDetector.detect($0) }
            XCTAssertNotEqual(detected, .failure(.unsupported("UTF-16 text")), "round \(round)")
        }
    }
}
