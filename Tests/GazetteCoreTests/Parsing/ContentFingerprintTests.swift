import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A dump article's id is its content's fingerprint: reading state is kept by it, so the
/// ids of a file must never change from one version of Gazette to the next.
final class ContentFingerprintTests: XCTestCase {
    /// The ids earlier versions gave these files' articles (their state files hold them).
    func testTheIdsOfRealFilesAreTheOnesEarlierVersionsGave() {
        let sample = DumpText.index(bytes: Fixtures.bytes(Fixtures.sample)).map(\.id.rawValue)
        XCTAssertEqual(sample, ["ff56001cad70378a", "44ed1a674fd7b7cd"])
        let realNews = DumpText.index(bytes: Fixtures.bytes(Fixtures.realNews)).map(\.id.rawValue)
        XCTAssertEqual(
            realNews,
            [
                "adabf055e1a51ca8", "8e350b24a2004594", "23400f075055187d", "d7f2f9c42d337a00",
                "1d5d337cab64a48e", "89da2afb0af847cb", "bbf4eed1cd6f79d2", "4bf378d7798b6852",
                "ab7a75b65fadbe79", "aff47468a91864c6", "9ec87f4ca268fffa", "1241c7bafeb55101",
                "c25c46928e4e916a", "b64842b035b5bd88", "85fd618f27e98f33",
            ])
    }

    /// The sample with its paragraphs hard-wrapped at several widths gives its stories the ids
    /// of the file as it is: a paragraph's id is made of its text as shown, its lines joined
    /// (every id changed, and marks made on one copy were not seen on the other; found by QA).
    /// In the real dump so wrapped, every story read as it was keeps its id.
    func testAHardWrappedCopyGivesTheSameIds() {
        for file in [Fixtures.sample, Fixtures.realNews] {
            let text = String(decoding: Fixtures.bytes(file), as: UTF8.self)
            let articles = DumpText.articles(text)
            for width in [30, 45, 60, 80] {
                let wrapped = Self.hardWrapped(text, width: width)
                let name = "\(file.lastPathComponent) at \(width)"
                XCTAssertNotEqual(wrapped, text)
                let wrappedArticles = DumpText.articles(wrapped)
                XCTAssertEqual(DumpText.index(wrapped).map(\.id), wrappedArticles.map(\.id), name)
                if file == Fixtures.sample {
                    XCTAssertEqual(wrappedArticles.map(\.id), articles.map(\.id), name)
                    XCTAssertEqual(wrappedArticles.map(\.paragraphs), articles.map(\.paragraphs), name)
                }
                // Some of the real dump's stories read otherwise wrapped (split where short lines
                // follow one another, lines of speech in Arabic quotes kept apart): not those.
                var same = 0
                for article in wrappedArticles {
                    guard
                        let match = articles.first(where: {
                            $0.title == article.title && $0.paragraphs == article.paragraphs
                        })
                    else { continue }
                    XCTAssertEqual(article.id, match.id, "\(name): \(article.title)")
                    same += 1
                }
                XCTAssertGreaterThanOrEqual(same, articles.count * 2 / 3, name)
            }
        }
    }

    /// A title hard-wrapped as its story's paragraphs are gets the id of the story on one line
    /// each; a list's items keep a line each, and its id is made of them as it always was.
    func testAHardWrappedTitleAndAListKeepTheirIds() {
        let title = "Storm hits the northern islands as thousands of residents flee their\nhomes overnight"
        let body =
            "The storm reached the northern islands late on Tuesday, cutting power\n"
            + "to thousands of homes and closing the main harbour for the night.\n\n"
            + "Rescue teams worked through the night to reach villages cut off by the\n"
            + "floods, officials said, and more rain is expected on Thursday."
        let whole = title.replacingOccurrences(of: "\n", with: " ")
        let paragraphs = body.components(separatedBy: "\n\n").map {
            $0.replacingOccurrences(of: "\n", with: " ")
        }
        for header in ["{t}\n\n{t}\n\n", "{t}\n\n", "{t}\n\nTT\n20\n\n"] {
            let wrapped = header.replacingOccurrences(of: "{t}", with: title) + body
            let oneLine =
                header.replacingOccurrences(of: "{t}", with: whole) + paragraphs.joined(separator: "\n\n")
            XCTAssertEqual(DumpText.articles(wrapped).map(\.title), [whole], header)
            XCTAssertEqual(DumpText.articles(wrapped).map(\.paragraphs), [paragraphs], header)
            XCTAssertEqual(DumpText.index(wrapped).map(\.id), DumpText.index(oneLine).map(\.id), header)
        }
        // A list's items, each on a line: hashed line by line, as they always were.
        let list = "Shopping\n\nTT\n20\n\nShopping\n\nWe need:\n- bread\n- milk"
        XCTAssertEqual(DumpText.articles(list).first?.paragraphs, ["We need:\n- bread\n- milk"])
        var fingerprint = ContentFingerprint()
        for part in [["Shopping"], ["We need:", "- bread", "- milk"]] {
            for line in part { fingerprint.add(line) }
            fingerprint.endPart()
        }
        XCTAssertEqual(DumpText.index(list).first?.id.rawValue, fingerprint.hexDigest)
    }

    /// A title wrapped over lines that its header gives again as such (with no captions, the
    /// second line in lower case; or over three lines, or given again on one line) shows as the
    /// title on one line does, and gets its id; the id earlier versions gave it, made of its
    /// first line alone and the header's blocks, is its earlier id (found by QA: the title of a
    /// story without a caption re-wrapped at 62 columns turned it unread).
    func testATitleWrappedOverLinesGetsTheIdOfTheTitleOnOneLine() throws {
        let earlier = "Earlier Story\n\nTT\n3\n\nEarlier Story\n\nText of the earlier story.\n\n\n\n"
        let body = "The storm arrived on Monday.\n\nThe end."
        let two = "Floods cut the coast road as the river breaks its banks for the\nsecond time this week"
        let three = "Storm Hits Coast As Rescuers\nRace To Reach The Stranded\nVillages In The North"
        let short = "Storm Hits Coast As Rescuers\nRace To Reach Villages"
        let captions = "A flooded street (PA)\nA flooded street (PA)"
        // Each header, with {t} the title as written and {1} the title on one line; the ids
        // Gazette gave the wrapped story before.
        let cases = [
            (two, "{t}\n\nTT\n20\n\n{t}", "db19af1180eacd42"),
            (three, "{t}\n\n\(captions)\nTT\n20\n\n{t}\n\n\(captions)", "651b4159a253cd8b"),
            (three, "{t}\n\nTT\n20\n\n{t}", "f284af8e7d7ea531"),
            (short, "{t}\n\n{1}", "7d22ebf359aa4537"),
            (three, "{t}\n\n{1}", "a773eeb839bd11f8"),
            (short, "{t}\n\nTT\n20\n\n{1}", "8e73bcd998ca98b0"),
            (three, "{t}\n\nTT\n20\n\n{1}", "2531879ab8c98f5c"),
        ]
        for (title, header, earlierID) in cases {
            let whole = title.replacingOccurrences(of: "\n", with: " ")
            let wrapped =
                earlier
                + header.replacingOccurrences(of: "{t}", with: title)
                .replacingOccurrences(of: "{1}", with: whole) + "\n\n" + body
            let oneLine =
                earlier
                + header.replacingOccurrences(of: "{t}", with: whole)
                .replacingOccurrences(of: "{1}", with: whole) + "\n\n" + body
            let name = header + " " + whole
            let shown = DumpText.articles(oneLine)
            XCTAssertEqual(DumpText.articles(wrapped).map(\.title), shown.map(\.title), name)
            XCTAssertEqual(DumpText.articles(wrapped).map(\.paragraphs), shown.map(\.paragraphs), name)
            XCTAssertEqual(DumpText.articles(wrapped).map(\.caption), shown.map(\.caption), name)
            XCTAssertEqual(DumpText.index(wrapped).map(\.id), DumpText.index(oneLine).map(\.id), name)
            XCTAssertEqual(DumpText.articles(wrapped).map(\.id), DumpText.index(oneLine).map(\.id), name)
            XCTAssertEqual(DumpText.index(wrapped).last?.previousID?.rawValue, earlierID, name)
        }
    }

    /// `text` with each paragraph the parser finds that is longer than `width` hard-wrapped at
    /// it, between words.
    private static func hardWrapped(_ text: String, width: Int) -> String {
        let paragraphs = Set(DumpText.articles(text).flatMap(\.paragraphs)).filter {
            $0.count > width && !$0.contains("\n")
        }
        return text.components(separatedBy: "\n").map { paragraph in
            guard paragraphs.contains(paragraph) else { return paragraph }
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The digest is the value as 16 lowercase hex digits, leading zeros kept.
    func testTheDigestIsTheValueInSixteenHexDigits() {
        var generator = SeededGenerator(seed: 7)
        var shortest = 16
        for _ in 0..<5000 {
            var fingerprint = ContentFingerprint()
            var text = (0..<Int.random(in: 0..<90, using: &generator)).map { _ in
                UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            text.withUnsafeMutableBytes { buffer in
                fingerprint.add(LineSpan(start: 0, end: buffer.count), in: UnsafeRawBufferPointer(buffer))
            }
            let expected = String(format: "%016llx", fingerprint.value)
            XCTAssertEqual(fingerprint.hexDigest, expected)
            shortest = min(shortest, String(fingerprint.value, radix: 16).count)
        }
        XCTAssertLessThan(shortest, 16, "some values have leading zeros")
    }
}

/// A line's last bytes (fewer than 8) are read in one load where the buffer goes on past them:
/// a line hashes the same at the end of its buffer and before more bytes, whatever its length.
final class ContentFingerprintTailTests: XCTestCase {
    func testALineHashesTheSameWhereverItsBufferEnds() {
        let text = Array(
            "Ünïcödé and ASCII text, long enough for the four lanes of the hash: 0123456789".utf8)
        for length in 0...text.count {
            let line = Array(text[0..<length])
            func hash(_ bytes: [UInt8], at start: Int) -> UInt64 {
                bytes.withUnsafeBytes { buffer in
                    var fingerprint = ContentFingerprint()
                    fingerprint.add(LineSpan(start: start, end: start + length), in: buffer)
                    return fingerprint.value
                }
            }
            let alone = hash(line, at: 0)
            XCTAssertEqual(hash(line + Array(repeating: 0xFF, count: 8), at: 0), alone, "length \(length)")
            XCTAssertEqual(hash([0x41, 0x42, 0x43] + line, at: 3), alone, "length \(length)")
            XCTAssertEqual(hash([0x41] + line + [0x0A, 0x7A], at: 1), alone, "length \(length)")
        }
    }
}
