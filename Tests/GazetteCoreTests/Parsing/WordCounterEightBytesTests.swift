import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// The word counter's eight-byte steps through printable ASCII and spaces count what its
/// byte-by-byte rule counts, whatever comes before, between and after them.
final class WordCounterEightBytesTests: XCTestCase {
    private func expectSameCounts(
        _ bytes: [UInt8], lines: [LineSpan], file: StaticString = #filePath, line: UInt = #line
    ) {
        bytes.withUnsafeBytes { buffer in
            var fast = WordCounter()
            var slow = WordCounter()
            for span in lines {
                fast.add(span, in: buffer)
                slow.addByteByByte(span, in: buffer)
                XCTAssertEqual(fast.count, slow.count, "\(bytes) \(span)", file: file, line: line)
                XCTAssertEqual(fast.ideographs, slow.ideographs, file: file, line: line)
            }
        }
    }

    func testRandomTextsAreCountedAsByteByByte() {
        var generator = SeededGenerator(seed: 53)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("word".utf8), Array("Z9".utf8), Array(" ".utf8), Array("  ".utf8),
            Array("\t".utf8), [0x0B], [0x0C], [0x7F], [0x00], [0x1B], [0x0D],
            Array("\u{200B}".utf8), Array("\u{00A0}".utf8), Array("\u{00AD}".utf8), Array("é".utf8),
            Array("—".utf8), Array("東京".utf8), Array("、".utf8), Array("ประเทศ".utf8),
            Array("မြို့".utf8), Array("👍🏽".utf8), Array("\u{0301}".utf8), [0xC3], [0xE2, 0x80],
            Array("~!@#".utf8),
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            var lines: [LineSpan] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 0...40, using: &generator))
                lines.append(LineSpan(start: start, end: end))
                start = end + (Int.random(in: 0...3, using: &generator) == 0 ? 1 : 0)
            }
            lines.append(LineSpan(start: 0, end: bytes.count))
            expectSameCounts(bytes, lines: lines)
        }
    }

    func testRealDumpsAreCountedAsByteByByte() throws {
        for url in [Fixtures.realNews, Fixtures.sample] {
            let bytes = Array(try Data(contentsOf: url))
            var lines: [LineSpan] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(LineSpan(start: start, end: index))
                start = index + 1
            }
            lines.append(LineSpan(start: start, end: bytes.count))
            expectSameCounts(bytes, lines: lines)
        }
    }
}
