import Foundation
import TestSupport
import XCTest

@testable import GazetteCore
@testable import gazette

/// `list --json` and `export` are written by hand as Foundation's `JSONEncoder` wrote them,
/// byte for byte: the encoder's output, its empty arrays closed and its controls escaped, is
/// the reference here, over every real file's rows, every scalar and random strings.
final class JSONTextTests: XCTestCase {
    func testEveryRealFilesRowsAreWrittenAsTheEncoderWroteThem() throws {
        var files: [String] = []
        for folder in ["samples", "realworld"] {
            let root = Fixtures.shared.appendingPathComponent(folder).path
            let walker = FileManager.default.enumerator(atPath: root)
            while let relative = walker?.nextObject() as? String {
                var isFolder: ObjCBool = false
                let path = root + "/" + relative
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                    !relative.hasSuffix("SOURCES.md")
                {
                    files.append(path)
                }
            }
        }
        XCTAssertGreaterThan(files.count, 40)
        var rows = 0
        for path in files.sorted() {
            // Some are refused (no stories, a broken feed): the rest are what counts.
            guard let catalog = try? PathOptions.openCatalog(paths: [path], withDetails: true) else {
                continue
            }
            for position in catalog.entries.indices {
                let entry = catalog.entries[position]
                let details = catalog.details(at: position)
                let row = ListRow(
                    index: position + 1, id: entry.summary.id.rawValue,
                    title: TerminalSanitizer.line(InvisibleCharacters.removed(from: entry.summary.title)),
                    credit: details.credit.map(TerminalSanitizer.line),
                    source: TerminalSanitizer.line(catalog.source(of: entry).displayName),
                    sourcePath: catalog.source(of: entry).path, wordCount: details.wordCount,
                    readingMinutes: details.readingMinutes, read: position % 2 == 0,
                    flagged: position % 3 == 0)
                try assertWrittenAsByTheEncoder(row, path)
                // Unsanitized too: the texts as the files hold them, controls and all.
                try assertWrittenAsByTheEncoder(
                    ListRow(
                        index: position, id: row.id, title: entry.summary.title, credit: details.credit,
                        source: catalog.source(of: entry).displayName, sourcePath: row.sourcePath,
                        wordCount: 0, readingMinutes: -1, read: true, flagged: false), path)
                let article = try XCTUnwrap(catalog.article(at: position), path)
                try assertWrittenAsByTheEncoder(
                    ExportRecord(article, sourcePath: path, read: row.read, flagged: row.flagged), path)
                rows += 1
            }
        }
        XCTAssertGreaterThan(rows, 500)
    }

    /// Every scalar, a few thousand to a string, in every kind of field.
    func testEveryScalarIsWrittenAsTheEncoderWroteIt() throws {
        let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + 4096)
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<end])
            try assertWrittenAsByTheEncoder(row(text: text, number: start), "from U+\(start)")
            try assertWrittenAsByTheEncoder(record(text: text, number: end), "from U+\(start)")
            start = end
        }
    }

    /// Random strings mixing every class of scalar (escaped short or long, quote, backslash,
    /// slash, ASCII, C1, line separators, bidi, invisible, other BMP, beyond), some empty, in
    /// records with fields nil or there, arrays empty or not, numbers of every size.
    func testRandomStringsAreWrittenAsTheEncoderWroteThem() throws {
        var generator = SeededGenerator(seed: 53)
        let classes: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x22...0x22, 0x5C...0x5C, 0x2F...0x2F, 0x20...0x7E, 0x7F...0x7F, 0x80...0x9F,
            0xA0...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x2028...0x2029, 0x200B...0x200F, 0x202A...0x202E,
            0x2060...0x2069, 0xFEFF...0xFEFF, 0x061C...0x061C, 0x10000...0x10FFFF, 0xE0000...0xE007F,
        ]
        func randomText() -> String {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let range = classes.randomElement(using: &generator) ?? 0x20...0x7E
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            return text
        }
        for round in 0..<2000 {
            let number = Int.random(in: Int.min...Int.max, using: &generator) >> (round % 64)
            let optional: () -> String? = { round % 3 == 0 ? nil : randomText() }
            try assertWrittenAsByTheEncoder(
                ListRow(
                    index: number, id: randomText(), title: randomText(), credit: optional(),
                    source: randomText(), sourcePath: randomText(), wordCount: -number,
                    readingMinutes: round, read: round % 2 == 0, flagged: round % 5 == 0), "round \(round)")
            let article = Article(
                id: ArticleID(randomText()), title: randomText(), caption: optional(), credit: optional(),
                paragraphs: (0..<(round % 4)).map { _ in randomText() }, wordCount: number,
                readingMinutes: -round, source: randomText(), link: optional(),
                date: round % 2 == 0 ? nil : Date(timeIntervalSince1970: Double(number >> 32)),
                links: (0..<(round % 3)).map { _ in randomText() })
            let record = ExportRecord(article, sourcePath: randomText(), read: round % 2 == 1, flagged: true)
            for indent in [0, 2, 5] {
                XCTAssertEqual(
                    JSONText.encode(record, indent: indent), try Self.encoderText(record, indent: indent),
                    "round \(round)")
            }
        }
    }

    /// The empty arrays of the encoder's output closed, as the reference does.
    func testTheReferenceClosesEmptyArraysAndObjects() {
        XCTAssertEqual(
            Self.emptyContainersClosed(
                Array("{\n  \"a\" : [\n\n  ],\n  \"b\" : {\n\n  },\n  \"c\" : \"[\"\n}".utf8)),
            Array("{\n  \"a\" : [],\n  \"b\" : {},\n  \"c\" : \"[\"\n}".utf8))
    }

    private func row(text: String, number: Int) -> ListRow {
        ListRow(
            index: number, id: text, title: text, credit: text, source: text, sourcePath: text,
            wordCount: number, readingMinutes: number, read: false, flagged: true)
    }

    private func record(text: String, number: Int) -> ExportRecord {
        let article = Article(
            id: ArticleID(text), title: text, caption: text, credit: text, paragraphs: [text, "", text],
            wordCount: number, readingMinutes: number, source: text, link: text, links: [text, text])
        return ExportRecord(article, sourcePath: text, read: true, flagged: false)
    }

    private func assertWrittenAsByTheEncoder<T: JSONWritable & Encodable>(
        _ value: T, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(
            JSONText.encode(value, indent: 2), try Self.encoderText(value, indent: 2), message, file: file,
            line: line)
    }

    /// What the commands wrote before: `JSONEncoder`'s text, empty arrays closed, every line
    /// but the first indented, the controls a terminal obeys escaped (below U+10000).
    static func encoderText<T: Encodable>(_ value: T, indent: Int) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let input = emptyContainersClosed(Array(try encoder.encode(value)))
        var bytes: [UInt8] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte < 0x7F {
                bytes.append(byte)
                if byte == 0x0A { bytes.append(contentsOf: repeatElement(0x20, count: indent)) }
                index += 1
                continue
            }
            let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let end = min(input.count, index + length)
            let scalar = String(decoding: input[index..<end], as: UTF8.self).unicodeScalars.first
            if length < 4, let scalar, TerminalSanitizer.isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            } else {
                bytes.append(contentsOf: input[index..<end])
            }
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `json` with its empty arrays and objects written `[]` and `{}`: the encoder writes them
    /// over two lines with a blank one between. (A line break is never inside a string.)
    static func emptyContainersClosed(_ json: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < json.count {
            let byte = json[index]
            result.append(byte)
            index += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{"), index < json.count,
                json[index] == 0x0A
            else { continue }
            var next = index
            while next < json.count && (json[next] == 0x0A || json[next] == 0x20) { next += 1 }
            let closing = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if next < json.count && json[next] == closing {
                result.append(closing)
                index = next + 1
            }
        }
        return result
    }
}

/// A random number generator that gives the same numbers for a seed (SplitMix64).
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// The encoder's keys and values, the reference: `null` for a nil field, as the commands wrote it.
extension ListRow: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(credit, forKey: .credit)
        try container.encode(source, forKey: .source)
        try container.encode(sourcePath, forKey: .sourcePath)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(readingMinutes, forKey: .readingMinutes)
        try container.encode(read, forKey: .read)
        try container.encode(flagged, forKey: .flagged)
    }

    private enum CodingKeys: String, CodingKey {
        case index, id, title, credit, source, sourcePath, wordCount, readingMinutes, read, flagged
    }
}

extension ExportRecord: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(caption, forKey: .caption)
        try container.encode(credit, forKey: .credit)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(readingMinutes, forKey: .readingMinutes)
        try container.encode(source, forKey: .source)
        try container.encode(sourcePath, forKey: .sourcePath)
        try container.encode(link, forKey: .link)
        try container.encode(links, forKey: .links)
        try container.encode(date, forKey: .date)
        try container.encode(read, forKey: .read)
        try container.encode(flagged, forKey: .flagged)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, caption, credit, paragraphs, wordCount, readingMinutes, source, sourcePath, link,
            links,
            date, read, flagged
    }
}
