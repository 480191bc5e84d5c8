import XCTest

@testable import GazetteCore

/// A reader over part of a dump (one story, for its details or a command's row) reads nothing
/// past the part: the look ahead for line breaks of the other kind stops at its end.
final class DumpBlockReaderRangeTests: XCTestCase {
    private func blocks(_ reader: inout DumpBlockReader, _ bytes: UnsafeRawBufferPointer) -> [[String]] {
        var lines: [LineSpan] = []
        var found: [[String]] = []
        while let block = reader.nextBlock(into: &lines) {
            found.append(
                lines[block.lines].map {
                    String(
                        decoding: UnsafeRawBufferPointer(rebasing: bytes[$0.start..<$0.end]), as: UTF8.self)
                })
        }
        return found
    }

    func testLookAheadStopsAtTheRangeEnd() {
        let story = "Title\n\nFirst paragraph.\n\nSecond\rparagraph, a lone CR in it.\n\n\n"
        let after = String(repeating: "More text after the story, another\rline.\n", count: 4000)
        let file = FileBytes(bytes: Array((story + story + after).utf8))
        let bytes = file.buffer
        let range = story.utf8.count..<(2 * story.utf8.count)
        var reader = DumpBlockReader(bytes: bytes, range: range)
        let found = blocks(&reader, bytes)
        XCTAssertEqual(found, [["Title"], ["First paragraph."], ["Second", "paragraph, a lone CR in it."]])
        XCTAssertLessThanOrEqual(reader.otherSearched, range.upperBound)
    }

    func testTheWholeFileReadsAsItsParts() {
        let lines = (0..<3000).map { $0 % 7 == 0 ? "" : "Line \($0)\($0 % 11 == 0 ? "\r" : "") of text" }
        let file = FileBytes(bytes: Array(lines.joined(separator: "\n").utf8))
        let bytes = file.buffer
        var whole = DumpBlockReader(bytes: bytes)
        let expected = blocks(&whole, bytes)
        // Cut after a blank line: the parts' blocks, in turn, are the whole file's.
        let text = Array(lines.joined(separator: "\n").utf8)
        var cuts = [0]
        var blankLines = 0
        for index in 1..<text.count where text[index - 1] == 0x0A && text[index] == 0x0A {
            blankLines += 1
            if blankLines % 37 == 0 { cuts.append(index + 1) }
        }
        cuts.append(text.count)
        var parts: [[String]] = []
        for (start, end) in zip(cuts, cuts.dropFirst()) where start < end {
            var reader = DumpBlockReader(bytes: bytes, range: start..<end)
            parts += blocks(&reader, bytes)
            XCTAssertLessThanOrEqual(reader.otherSearched, end)
        }
        XCTAssertEqual(parts, expected)
    }
}
