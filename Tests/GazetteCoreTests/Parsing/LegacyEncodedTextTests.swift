import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Dumps saved in an 8-bit encoding (windows-1251, windows-1252) rather than UTF-8.
final class LegacyEncodedTextTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-legacy" }

    private let russian =
        [
            DumpText.article(
                title: "Правительство объявило о новых мерах",
                caption: "Министр финансов на пресс-конференции в Москве (РИА Новости)",
                paragraphs: [
                    "Министр финансов заявил в четверг, что бюджет будет исполнен в полном объёме.",
                    "«Мы ожидаем роста экономики», — сказал он журналистам.",
                ]),
            DumpText.article(
                title: "Снегопад парализовал движение в Санкт-Петербурге",
                caption: "Улицы города после снегопада (ТАСС)",
                paragraphs: ["Коммунальные службы работали всю ночь.", "Движение восстановлено к утру."]),
            DumpText.article(
                title: "Верховна Рада ухвалила закон про освіту",
                caption: "Засідання парламенту у Києві (УНІАН)",
                paragraphs: ["Вісім депутатів голосували проти. Міністр підтримав ініціативу."]),
        ].joined(separator: "\n\n\n") + "\n"

    private let western =
        [
            DumpText.article(
                title: "Le gouvernement annonce de nouvelles mesures économiques",
                caption: "Le ministre à Besançon (AFP)",
                paragraphs: [
                    "« Nous espérons une croissance », a déclaré le ministre à la presse.", "Fin de l’été.",
                ]),
            DumpText.article(
                title: "Übermäßige Ausgaben für Straßenbau in München",
                caption: "Eine Baustelle in München (dpa)",
                paragraphs: ["Die Bundesregierung hat neue Maßnahmen beschlossen, äußerte der Minister."]),
        ].joined(separator: "\n\n\n") + "\n"

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func bytes(_ text: String, _ encoding: String.Encoding) throws -> [UInt8] {
        Array(try XCTUnwrap(text.data(using: encoding)))
    }

    /// The stories of `opened`, whole.
    private func articles(_ opened: OpenedSource) -> [Article] {
        opened.indexAll().compactMap { opened.article($0) }
    }

    /// The stories of a dump's text saved in `encoding` are those of its UTF-8 original:
    /// titles, captions, credits, paragraphs and ids (every letter not ASCII was U+FFFD).
    private func assertReadAsUTF8(_ text: String, _ encoding: String.Encoding, count: Int) throws {
        let expected = articles(try SourceLoader.openFile(try write("utf8.txt", Array(text.utf8))))
        XCTAssertEqual(expected.count, count)
        let opened = try SourceLoader.openFile(try write("legacy.txt", try bytes(text, encoding)))
        XCTAssertEqual(opened.source.format, .plainTextDump)
        let found = articles(opened)
        XCTAssertEqual(found.map(\.title), expected.map(\.title))
        XCTAssertEqual(found.map(\.caption), expected.map(\.caption))
        XCTAssertEqual(found.map(\.credit), expected.map(\.credit))
        XCTAssertEqual(found.map(\.paragraphs), expected.map(\.paragraphs))
        XCTAssertEqual(found.map(\.id), expected.map(\.id))
        XCTAssertFalse(found.contains { $0.title.contains("\u{FFFD}") })
    }

    /// A dump bigger than the megabyte its encoding is told from reads whole in it, byte by
    /// byte through a table (the whole file was guessed and decoded as one string: 3 s and
    /// 320 MB for 46 MB; found by QA), with the stories and ids of its UTF-8 original.
    func testABigDumpIsReadInTheEncodingItsHeadTells() throws {
        let text = Array(repeating: russian, count: 2000).enumerated().map { number, copy in
            copy.replacingOccurrences(of: "Правительство", with: "Правительство \(number)")
        }.joined(separator: "\n\n")
        XCTAssertGreaterThan(try bytes(text, .windowsCP1251).count, 1 << 20)
        try assertReadAsUTF8(text, .windowsCP1251, count: 6000)
        XCTAssertEqual(LegacyEncodedText.table(for: "windows-1251")?[0xC0 - 0x80], Array("А".utf8))
        XCTAssertEqual(LegacyEncodedText.table(for: "KOI8-R")?[0xC1 - 0x80], Array("а".utf8))
        XCTAssertNil(LegacyEncodedText.table(for: "Shift_JIS"), "two-byte encodings go through Foundation")
    }

    func testWindows1251RussianDumpIsRead() throws {
        try assertReadAsUTF8(russian, .windowsCP1251, count: 3)
        let opened = try SourceLoader.openFile(try write("ru.txt", try bytes(russian, .windowsCP1251)))
        let first = try XCTUnwrap(articles(opened).first)
        XCTAssertEqual(first.title, "Правительство объявило о новых мерах")
        XCTAssertEqual(first.credit, "РИА Новости")
        XCTAssertEqual(first.paragraphs.last, "«Мы ожидаем роста экономики», — сказал он журналистам.")
    }

    func testWindows1252FrenchAndGermanDumpIsRead() throws {
        try assertReadAsUTF8(western, .windowsCP1252, count: 2)
        let opened = try SourceLoader.openFile(try write("fr.txt", try bytes(western, .windowsCP1252)))
        XCTAssertEqual(
            opened.indexAll().map(\.title),
            [
                "Le gouvernement annonce de nouvelles mesures économiques",
                "Übermäßige Ausgaben für Straßenbau in München",
            ])
    }

    /// A dump read from standard input is read the same way.
    func testWindows1251DumpFromStandardInputIsRead() throws {
        let input = FileBytes(bytes: try bytes(russian, .windowsCP1251))
        let opened = try SourceLoader.openFile("-", standardInput: input)
        XCTAssertEqual(opened.indexAll().first?.title, "Правительство объявило о новых мерах")
    }

    /// Search finds a Cyrillic word, in any case, in a windows-1251 dump's story.
    func testSearchFindsCyrillicWordInWindows1251Dump() throws {
        let opened = try SourceLoader.openFile(try write("ru.txt", try bytes(russian, .windowsCP1251)))
        let query = SearchQuery("СНЕГОПАД коммунальные")
        let matching = articles(opened).filter { article in
            query.matches(
                folded: TextFolding.fold(([article.title] + article.paragraphs).joined(separator: "\n")))
        }
        XCTAssertEqual(matching.map(\.title), ["Снегопад парализовал движение в Санкт-Петербурге"])
    }

    /// A UTF-8 dump with a few stray bytes that are not UTF-8 stays UTF-8: each is U+FFFD, and
    /// its ids do not change; so does an ASCII dump with a few.
    func testUTF8DumpWithStrayBytesStaysUTF8() throws {
        let text = DumpText.article(
            title: "Café owners in Zürich protest", caption: "A café in Zürich (Reuters)",
            paragraphs: ["The owners of the café STRAY met on Monday.", "Prices rose STRAY again."])
        var stray = Array(text.utf8)
        var ascii = Array(
            DumpText.article(title: "Owners protest", paragraphs: ["Prices STRAY rose STRAY."]).utf8)
        func replacingStray(_ bytes: inout [UInt8], with bad: [UInt8]) {
            let marker = Array("STRAY".utf8)
            var index = 0
            while index + marker.count <= bytes.count {
                if Array(bytes[index..<index + marker.count]) == marker {
                    bytes.replaceSubrange(index..<index + marker.count, with: bad)
                }
                index += 1
            }
        }
        replacingStray(&stray, with: [0xE9, 0xFF, 0x93])
        replacingStray(&ascii, with: [0xFF, 0x85])
        let opened = try SourceLoader.openFile(try write("stray.txt", stray))
        let article = try XCTUnwrap(articles(opened).first)
        XCTAssertEqual(article.title, "Café owners in Zürich protest")
        XCTAssertEqual(
            article.paragraphs.first, "The owners of the café \u{FFFD}\u{FFFD}\u{FFFD} met on Monday.")
        XCTAssertEqual(opened.indexAll().map(\.id), DumpText.index(bytes: stray).map(\.id))
        let asciiOpened = try SourceLoader.openFile(try write("ascii.txt", ascii))
        XCTAssertEqual(
            articles(asciiOpened).first?.paragraphs, ["Prices \u{FFFD}\u{FFFD} rose \u{FFFD}\u{FFFD}."])
        XCTAssertEqual(asciiOpened.indexAll().map(\.id), DumpText.index(bytes: ascii).map(\.id))
    }

    /// A windows-1252 dump with only a few accented letters ("café", "Zürich" in English text)
    /// showed each as U+FFFD: under 8 bytes that are not UTF-8 were taken for stray bytes. Its
    /// accents stand inside Latin words, as stray bytes do not; the same text in a feed that
    /// declares nothing was already read as windows-1252.
    func testWindows1252DumpWithAFewAccentsIsRead() throws {
        let text =
            [
                DumpText.article(
                    title: "Café owners in Zürich protest", caption: "A street in Zurich (Reuters)",
                    paragraphs: ["The owners met on Monday.", "Prices rose again, they said."]),
                DumpText.article(title: "Markets close higher", paragraphs: ["Shares rose in late trading."]),
            ].joined(separator: "\n\n\n") + "\n"
        let latin = try bytes(text, .windowsCP1252)
        XCTAssertEqual(latin.filter { $0 >= 0x80 }.count, 4)
        try assertReadAsUTF8(text, .windowsCP1252, count: 2)
        let opened = try SourceLoader.openFile(try write("few.txt", latin))
        XCTAssertEqual(articles(opened).first?.title, "Café owners in Zürich protest")
        // One accent is enough; Spanish, Portuguese and Danish letters too.
        for title in ["The Café", "Señor Ortega speaks", "São Paulo votes", "Ærø ferry"] {
            try assertReadAsUTF8(
                DumpText.article(title: title, paragraphs: ["Text."]) + "\n", .windowsCP1252, count: 1)
        }
        // A UTF-8 character after the head makes them stray bytes, as before.
        let later =
            Array(repeating: UInt8(ascii: "\n"), count: LegacyEncodedText.headLength) + Array("Zürich".utf8)
        let mixed = latin + later
        XCTAssertFalse(mixed.withUnsafeBytes { LegacyEncodedText.isLegacy($0) })
        let feed = FeedText.undeclaredRSS(
            title: try bytes("Café owners in Zürich protest", .windowsCP1252), description: [])
        XCTAssertEqual(ParsedFeed(feed).items.map(\.title), ["Café owners in Zürich protest"])
    }

    /// A windows-1252 dump whose only bytes that are not ASCII are a few signs among ASCII (a
    /// pound sign before a price, curly quotes, a dash, a degree sign) reads as windows-1252:
    /// each showed as U+FFFD, being no letter inside a word.
    func testWindows1252DumpWithALoneSignIsRead() throws {
        for (title, paragraph) in [
            ("Tickets cost £5 at the door", "Doors open at 7pm."),
            ("Fuel tax rises by 2p", "The rate is €1.80 a litre, up 4°C… or so."),
            ("Minister says “no”", "Talks went on from 1990–1995 — © Reuters."),
        ] {
            try assertReadAsUTF8(
                DumpText.article(title: title, paragraphs: [paragraph]) + "\n", .windowsCP1252, count: 1)
        }
    }

    /// A dump of one word in an 8-bit encoding, too few bytes to tell it from stray bytes in
    /// UTF-8, opens in the encoding guessed: read as UTF-8 it made no title, and the file was
    /// refused ("holds no articles").
    func testOneWordDumpInAnEightBitEncodingOpens() throws {
        let words: [(String, String.Encoding)] = [
            ("Привет", .windowsCP1251), ("שלום", String.Encoding(rawValue: 0x8000_0505)),
            ("مرحبا", String.Encoding(rawValue: 0x8000_0506)),
        ]
        for (word, encoding) in words {
            let opened = try SourceLoader.openFile(try write("word.txt", try bytes(word + "\n", encoding)))
            XCTAssertEqual(articles(opened).map(\.title), [word])
        }
    }

    /// A one-word latin-1 dump reads the same with or without a line feed at its end: without
    /// one, its last byte looked like a UTF-8 character cut by the end of the file, and
    /// "caf\u{E9}" showed as "caf\u{FFFD}" where "caf\u{E9}\n" read as "café".
    func testTheEndOfTheFileDoesNotChangeTheGuess() throws {
        for ending in ["", "\n"] {
            for word in ["café", "Zürich", "Łódź"] {
                let encoding: String.Encoding = word == "Łódź" ? .windowsCP1250 : .isoLatin1
                let opened = try SourceLoader.openFile(
                    try write("word.txt", try bytes(word + ending, encoding)))
                XCTAssertEqual(articles(opened).map(\.title), [word], ending.debugDescription)
            }
        }
    }

    /// A dump of one word in a script's encoding whose bytes make a UTF-8 character by chance
    /// opens in its guess: "中国" in GBK (its "\u{D0}\u{B9}" is "й" in UTF-8) and "Технологии" in
    /// cp866 (its "\u{E5}\u{AD}\u{AE}" is "孮") showed U+FFFD around that character.
    func testOneWordOfAnotherScriptOpensInItsGuess() throws {
        let words: [(String, String.Encoding)] = [
            ("中国", FeedTextDecoder.gb18030), ("Технологии", FeedTextDecoder.ibm866),
        ]
        for (word, encoding) in words {
            for ending in ["", "\n"] {
                let opened = try SourceLoader.openFile(
                    try write("word.txt", try bytes(word + ending, encoding)))
                XCTAssertEqual(articles(opened).map(\.title), [word])
            }
        }
    }

    /// A dump in IBM866 (cp866, DOS Cyrillic) reads as its UTF-8 original; it read as Arabic.
    func testIBM866RussianDumpIsRead() throws {
        // IBM866 has no « » — nor the Ukrainian і of the third story.
        let text = russian.components(separatedBy: "\n\n\n").prefix(2).joined(separator: "\n\n\n")
            .replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
            .replacingOccurrences(of: "—", with: "-")
        try assertReadAsUTF8(text, String.Encoding(rawValue: 0x8000_041B), count: 2)
        XCTAssertEqual(LegacyEncodedText.table(for: "IBM866")?[0xE0 - 0x80], Array("р".utf8))
    }
}
