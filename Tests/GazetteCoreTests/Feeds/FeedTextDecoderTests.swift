import Foundation
import XCTest

@testable import GazetteCore

final class FeedTextDecoderTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> FeedTextDecoder.Decoded {
        bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
    }

    private func declared(_ encoding: String, _ body: [UInt8]) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<rss><channel><title>".utf8) + body
            + Array("</title></channel></rss>".utf8)
    }

    /// The feed title of an RSS file whose title holds `body`, declared in `encoding`.
    private func title(_ encoding: String, _ body: [UInt8]) -> String? {
        ParsedFeed(declared(encoding, body)).header?.title
    }

    /// A reference's character is written as the standard library encodes it, and a value that
    /// is no character (a surrogate, past U+10FFFF) as U+FFFD.
    func testAppendScalarEncodesAsTheStandardLibrary() {
        var values = Array(UInt32(0)...0x11_0000)
        values += [0x7FFF_FFFF, UInt32.max]
        for value in values {
            var output: [UInt8] = [0x61]
            FeedTextDecoder.appendScalar(value, to: &output)
            let expected = [0x61] + Array(String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
            if output != expected {
                XCTFail("U+\(String(value, radix: 16)): \(output) instead of \(expected)")
                return
            }
        }
    }

    func testUTF8WithAndWithoutBOM() {
        let plain = decode(Array("<rss>é</rss>".utf8))
        XCTAssertEqual(plain.text, "<rss>é</rss>")
        XCTAssertEqual(plain.encoding, "UTF-8")
        let marked = decode([0xEF, 0xBB, 0xBF] + Array("<rss>é</rss>".utf8))
        XCTAssertEqual(marked.text, "<rss>é</rss>")
        XCTAssertNil(marked.warning)
    }

    func testUTF16WithMarksAndWithout() {
        let text =
            "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><title>Ωmega 日本</title></channel></rss>"
        let units = Array(text.utf16)
        let little = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let rewritten = text.replacingOccurrences(of: "utf-16", with: "UTF-8")
        XCTAssertEqual(decode([0xFF, 0xFE] + little).text, rewritten)
        XCTAssertEqual(decode([0xFF, 0xFE] + little).encoding, "UTF-16LE")
        XCTAssertEqual(decode([0xFE, 0xFF] + big).text, rewritten)
        XCTAssertEqual(decode(little).encoding, "UTF-16LE")
        XCTAssertEqual(decode(big).encoding, "UTF-16BE")
        XCTAssertEqual(ParsedFeed([0xFF, 0xFE] + little).header?.title, "Ωmega 日本")
        XCTAssertEqual(ParsedFeed([0xFE, 0xFF] + big).header?.title, "Ωmega 日本")
    }

    func testDeclaredSingleByteEncodings() {
        XCTAssertEqual(title("ISO-8859-1", [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E]), "München")
        XCTAssertEqual(title("latin1", [0xE9, 0x74, 0xE9]), "été")
        XCTAssertEqual(title("windows-1252", [0x80, 0x20, 0x93, 0x71, 0x94]), "€ “q”")
        XCTAssertEqual(
            title("iso-8859-1", [0x92]), "\u{2019}", "ISO-8859-1 is read as windows-1252, as browsers do")
        XCTAssertEqual(title("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]), "Привет")
        XCTAssertEqual(title("iso-8859-7", [0xE1, 0xE2, 0xE3]), "αβγ")
        XCTAssertEqual(title("windows-1255", [0xF9, 0xEC, 0xE5, 0xED]), "שלום")
        XCTAssertEqual(title("KOI8-R", [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]), "привет")
        // Mac OS Roman was read as windows-1252 (found by QA): 0x8E is é, 0xD2 and 0xD3 quotes.
        XCTAssertEqual(title("macintosh", [0x8E, 0x74, 0x8E, 0x20, 0xD2, 0x71, 0xD3]), "été “q”")
        XCTAssertEqual(title("x-mac-roman", [0xA5]), "•")
    }

    /// The five bytes windows-1252 leaves undefined are C1 controls, as in browsers; the rest
    /// of the text stays windows-1252 (Foundation fails on them, and the whole file was read
    /// as ISO-8859-1: every smart quote, € and dash a C1 control).
    func testWindows1252UndefinedBytesAreC1ControlsNotAReasonForLatin1() {
        let body: [UInt8] = [0x93, 0x71, 0x94, 0x20, 0x80, 0x20, 0x96, 0x20, 0x85, 0x20, 0x9C, 0x20, 0x81]
        let expected = "“q” € – … œ \u{81}"
        for name in ["windows-1252", "ISO-8859-1", "us-ascii", "latin1", "cp1252"] {
            let decoded = decode(declared(name, body))
            XCTAssertEqual(decoded.encoding, "windows-1252", name)
            XCTAssertNil(decoded.warning, name)
            XCTAssertTrue(decoded.text.contains("<title>\(expected)</title>"), "\(name): \(decoded.text)")
        }
        let all: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        XCTAssertTrue(
            decode(declared("windows-1252", [0x80] + all)).text.contains("€\u{81}\u{8D}\u{8F}\u{90}\u{9D}"))
        // Undeclared Latin text with one of them is guessed windows-1252 and read the same way.
        let latin: [UInt8] =
            Array("caf".utf8) + [0xE9, 0x20] + Array("na".utf8) + [0xEF] + Array("ve ".utf8) + [
                0xE0, 0x20, 0xE9,
            ]
            + Array("t".utf8) + [
                0xE9, 0x20, 0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9,
            ]
            + [0x20, 0xFC, 0x62, 0x65, 0x72, 0x20, 0x93, 0x71, 0x94, 0x20, 0x9D]
        let guessed = decode(
            Array("<rss><channel><title>".utf8) + latin + Array("</title></channel></rss>".utf8))
        XCTAssertEqual(guessed.encoding, "windows-1252")
        XCTAssertTrue(
            guessed.text.contains("café naïve à été déjà résumé über “q” \u{9D}"), guessed.text)
        // Through the parser, the item title keeps its quotes, € and dash.
        let feed = ParsedFeed(
            Array(
                "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss version=\"2.0\"><channel><item><title>"
                    .utf8)
                + [0x93] + Array("Quoted".utf8) + [0x94] + Array(" price ".utf8) + [0x80] + Array(" 5 ".utf8)
                + [0x96, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x81]
                + Array("undefined</title></item></channel></rss>".utf8))
        let title = feed.first?.title ?? ""
        XCTAssertTrue(title.hasPrefix("“Quoted” price € 5 – café "), title)
        XCTAssertTrue(title.hasSuffix("undefined"), title)
    }

    func testDeclaredMultibyteEncodings() {
        XCTAssertEqual(title("Shift_JIS", [0x93, 0xFA, 0x96, 0x7B]), "日本")
        XCTAssertEqual(title("gb2312", [0xD6, 0xD0, 0xCE, 0xC4]), "中文")
        XCTAssertEqual(title("GBK", [0xD6, 0xD0, 0xCE, 0xC4]), "中文")
        XCTAssertEqual(title("EUC-KR", [0xC7, 0xD1, 0xB1, 0xB9]), "한국")
        XCTAssertEqual(title("Big5", [0xA4, 0xA4, 0xA4, 0xE5]), "中文")
        XCTAssertEqual(title("GB18030", [0xA2, 0xE3, 0x94, 0x39, 0xFC, 0x36]), "€😀")
        XCTAssertEqual(
            title("ISO-2022-JP", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]), "日本")
    }

    /// A feed in a declared two-byte encoding with one character cut (a title cut by bytes) is
    /// read in it, the cut character as U+FFFD: the whole feed was read as windows-1256 or
    /// windows-1253 mojibake (found by QA).
    func testADeclaredTwoByteEncodingWithOneCharacterCutIsKept() {
        let cases: [(String, [UInt8], String)] = [
            (
                "Shift_JIS",
                [
                    0x93, 0x8C, 0x8B, 0x9E, 0x82, 0xCC, 0x93, 0x56, 0x8B, 0x43, 0x82, 0xCD, 0x90, 0xB0, 0x82,
                    0xEA,
                ],
                "東京の天気は晴れ"
            ),
            ("GB2312", [0xB1, 0xB1, 0xBE, 0xA9, 0xCC, 0xEC, 0xC6, 0xF8, 0xC7, 0xE7, 0xC0, 0xCA], "北京天气晴朗"),
            ("Big5", [0xA5, 0x78, 0xA5, 0x5F, 0xA4, 0xD1, 0xAE, 0xF0, 0xB4, 0xB8, 0xAE, 0xD4], "台北天氣晴朗"),
            ("EUC-KR", [0xBC, 0xAD, 0xBF, 0xEF, 0xB3, 0xAF, 0xBE, 0xBE, 0xB8, 0xBC, 0xC0, 0xBD], "서울날씨맑음"),
        ]
        for (name, title, text) in cases {
            func item(_ bytes: [UInt8]) -> [UInt8] {
                Array("<item><title>".utf8) + bytes
                    + Array("</title><guid>g\(bytes.count)</guid></item>".utf8)
            }
            let feed =
                Array("<?xml version=\"1.0\" encoding=\"\(name)\"?>\n<rss><channel><title>".utf8) + title
                + Array("</title>".utf8) + item(title) + item(Array(title.dropLast())) + item(title + title)
                + Array("</channel></rss>".utf8)
            let decoded = decode(feed)
            XCTAssertNil(decoded.warning, name)
            let cut = String(text.dropLast()) + "\u{FFFD}"
            XCTAssertEqual(ParsedFeed(feed).items.map(\.title), [text, cut, text + text], name)
        }
    }

    /// Declared EUC-JP is read as EUC-JP: Foundation on Linux has no converter for it, so every
    /// EUC-JP feed was told "declares EUC-JP but is not" and read as windows-1251 (found by QA).
    func testDeclaredEUCJPIsReadAsEUCJP() {
        // こんにちは and 日本銀行が利上げ (iconv -t EUC-JP).
        let hello: [UInt8] = [0xA4, 0xB3, 0xA4, 0xF3, 0xA4, 0xCB, 0xA4, 0xC1, 0xA4, 0xCF]
        let news: [UInt8] = [
            0xC6, 0xFC, 0xCB, 0xDC, 0xB6, 0xE4, 0xB9, 0xD4, 0xA4, 0xAC, 0xCD, 0xF8, 0xBE, 0xE5, 0xA4, 0xB2,
        ]
        for (name, body, text) in [
            ("EUC-JP", hello, "こんにちは"), ("euc-jp", news, "日本銀行が利上げ"),
            // NEC's circled numbers (row 13) and half-width katakana (after 0x8E).
            ("EUC-JP", [0xAD, 0xA1, 0x20, 0x8E, 0xB1], "① ｱ"), ("x-euc-jp", hello, "こんにちは"),
        ] {
            let decoded = decode(declared(name, body))
            XCTAssertEqual(decoded.encoding, "EUC-JP", name)
            XCTAssertNil(decoded.warning, name)
            XCTAssertTrue(decoded.text.contains("<title>\(text)</title>"), decoded.text)
            XCTAssertEqual(title(name, body), text)
        }
        // Bytes that are mostly not EUC-JP (lead bytes before spaces) are still told.
        let bad = (0..<80).map { $0 % 2 == 0 ? UInt8(0xA4) : UInt8(0x20) }
        XCTAssertNotNil(decode(declared("EUC-JP", bad)).warning)
        // A stray byte or two, or a character cut short at the end, read as U+FFFD: one bad byte
        // made the whole file Cyrillic (found by QA).
        let damaged = Array(news[..<8]) + [0xFF] + Array(news[8...]) + [0xA4]
        let decoded = decode(declared("EUC-JP", damaged))
        XCTAssertEqual(decoded.encoding, "EUC-JP")
        XCTAssertTrue(decoded.text.contains("<title>日本銀行\u{FFFD}が利上げ\u{FFFD}</title>"), decoded.text)
    }

    /// Thai declared as windows-874, TIS-620 or ISO-8859-11 is read as windows-874, as browsers
    /// do: the first two were unknown and read as windows-1251 (found by QA).
    func testDeclaredThaiIsReadAsWindows874() {
        // ภาษาไทย “ข่าว”… (iconv -t CP874): Thai letters, and windows-1252's quotes and ellipsis.
        let thai: [UInt8] = [
            0xC0, 0xD2, 0xC9, 0xD2, 0xE4, 0xB7, 0xC2, 0x20, 0x93, 0xA2, 0xE8, 0xD2, 0xC7, 0x94, 0x85,
        ]
        for name in ["windows-874", "TIS-620", "ISO-8859-11", "tis620", "cp874"] {
            let decoded = decode(declared(name, thai))
            XCTAssertEqual(decoded.encoding, "windows-874", name)
            XCTAssertNil(decoded.warning, name)
            XCTAssertEqual(title(name, thai), "ภาษาไทย “ข่าว”…", name)
        }
        // The last Thai characters (๛ and ฿ after the gap), a no-break space, and the bytes no
        // Thai standard defines, which are U+FFFD rather than the whole file read as another.
        XCTAssertEqual(title("TIS-620", [0xFB, 0xDF, 0xA0, 0xA1]), "๛฿\u{A0}ก")
        XCTAssertEqual(title("TIS-620", [0xA1, 0xDB, 0xFF]), "ก\u{FFFD}\u{FFFD}")
    }

    func testTheDeclarationIsRewrittenToUTF8() {
        let decoded = decode(declared("windows-1251", [0xC0]))
        XCTAssertTrue(decoded.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), decoded.text)
        XCTAssertTrue(decoded.text.contains("<title>А</title>"))
        XCTAssertEqual(decoded.encoding, "windows-1251")
    }

    func testAPrologThatLies() {
        let lying = decode(declared("windows-1252", Array("€ é".utf8)))
        XCTAssertEqual(lying.encoding, "UTF-8")
        XCTAssertNotNil(lying.warning)
        XCTAssertTrue(lying.text.contains("<title>€ é</title>"))
        XCTAssertEqual(title("windows-1252", Array("€ é".utf8)), "€ é")
        // Plain ASCII under a single-byte declaration is read as declared (it is the same).
        XCTAssertEqual(decode(declared("windows-1252", Array("plain".utf8))).encoding, "windows-1252")
        // Declared UTF-16 in bytes that are readable as ASCII cannot be UTF-16.
        XCTAssertEqual(decode(declared("utf-16", Array("é".utf8))).encoding, "UTF-8")
    }

    func testDeclarationsAreReadWithTheirSpacingAndQuotes() {
        func encoding(_ prolog: String) -> String {
            decode(Array((prolog + "\n<rss><channel><title>\u{E9}</title></channel></rss>").utf8)).encoding
        }
        XCTAssertEqual(encoding("<?xml version='1.0' encoding = 'windows-1251' ?>"), "UTF-8")
        XCTAssertEqual(decode(declared(" windows-1251 ", [0xC0])).encoding, "windows-1251", "trimmed")
        let single =
            Array("<?xml version='1.0' encoding\t=\t'KOI8-R'?><rss><channel><title>".utf8) + [0xD0]
            + Array("</title></channel></rss>".utf8)
        XCTAssertEqual(decode(single).encoding, "KOI8-R")
        // No encoding, an empty one, or an unclosed quote: undeclared, so guessed (valid UTF-8 here).
        XCTAssertEqual(encoding("<?xml version=\"1.0\"?>"), "UTF-8")
        XCTAssertEqual(encoding("<?xml version=\"1.0\" encoding=\"\"?>"), "UTF-8")
        let unclosed = Array("<?xml version=\"1.0\" encoding=\"windows-1251".utf8) + [0xCF, 0xF0, 0xE8]
        XCTAssertEqual(decode(unclosed).encoding, "windows-1251", "the value runs to the end of the look")
        XCTAssertNotEqual(decode(Array("<?xml encoding=windows-1251?><rss/>".utf8)).encoding, "windows-1251")
    }

    func testUnknownOrWrongDeclarations() {
        let unknown = decode(declared("x-klingon", Array("qapla'".utf8)))
        XCTAssertEqual(unknown.encoding, "UTF-8")
        XCTAssertEqual(unknown.warning, "unknown encoding x-klingon; read as UTF-8")
        let wrongUTF8 = decode(declared("utf-8", Array("Caf\u{E9} ".utf8) + [0x4D, 0xFC, 0x6E]))
        XCTAssertTrue(
            wrongUTF8.text.contains("Café M\u{FFFD}n"), "invalid UTF-8 among UTF-8 characters is U+FFFD")
        XCTAssertNil(wrongUTF8.warning)
    }

    /// Declared UTF-8 that holds windows-1252 (bytes that are not UTF-8, and no UTF-8 character
    /// of more than a byte) is read as windows-1252 and told, as the declared ISO-8859-1 that
    /// holds UTF-8 is: every accent, quote and euro sign showed as U+FFFD (found by QA).
    func testDeclaredUTF8ThatHoldsWindows1252IsReadAsIt() {
        let body: [UInt8] =
            Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80]
            + Array("100 Stra".utf8) + [0xDF, 0x65]
        for name in ["UTF-8", "utf8"] {
            let decoded = decode(declared(name, body))
            XCTAssertEqual(decoded.encoding, "windows-1252", name)
            XCTAssertEqual(
                decoded.warning, "the file declares \(name) but holds windows-1252; read as windows-1252")
            XCTAssertTrue(decoded.text.contains("<title>Café “quoted” €100 Straße</title>"), decoded.text)
            let feed = ParsedFeed(declared(name, body))
            XCTAssertEqual(feed.header?.title, "Café “quoted” €100 Straße")
            XCTAssertEqual(
                feed.warnings, ["the file declares \(name) but holds windows-1252; read as windows-1252"])
        }
        // One UTF-8 character among the bad bytes: UTF-8, the bad bytes U+FFFD.
        let mixed = decode(declared("UTF-8", body + Array(" — ".utf8)))
        XCTAssertEqual(mixed.encoding, "UTF-8")
        XCTAssertNil(mixed.warning)
        XCTAssertTrue(mixed.text.contains("Caf\u{FFFD} \u{FFFD}quoted\u{FFFD} \u{FFFD}100"), mixed.text)
        // ASCII alone, or a character cut by the end of the file, is UTF-8 as declared.
        XCTAssertEqual(decode(declared("UTF-8", Array("plain".utf8))).encoding, "UTF-8")
        let cut = decode(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>caf".utf8) + [0xC3])
        XCTAssertEqual(cut.encoding, "UTF-8")
        XCTAssertNil(cut.warning)
        // Only the start is looked at (a big feed opens no slower): a bad byte after it is U+FFFD.
        let late = declared("UTF-8", Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + body)
        XCTAssertEqual(decode(late).encoding, "UTF-8")
    }

    func testUndeclaredEncodingsAreGuessed() {
        func guess(_ body: [UInt8]) -> FeedTextDecoder.Decoded {
            decode(Array("<rss><channel><title>".utf8) + body + Array("</title></channel></rss>".utf8))
        }
        // French in ISO-8859-1: accented letters inside Latin words.
        let french = guess(
            Array("Les ".utf8) + [0xE9] + Array("tudes montrent qu'".utf8) + [0xE0] + Array(" l'".utf8))
        XCTAssertEqual(french.encoding, "windows-1252")
        XCTAssertTrue(french.text.contains("Les études montrent qu'à l'"))
        // Hebrew in windows-1255: whole words of letters from 0xE0 to 0xFA.
        let hebrew = guess([
            0xF9, 0xEC, 0xE5, 0xED, 0x20, 0xF2, 0xEC, 0xE9, 0xEB, 0xED, 0x20, 0xE4, 0xE0, 0xED,
        ])
        XCTAssertEqual(hebrew.encoding, "windows-1255")
        XCTAssertTrue(hebrew.text.contains("שלום עליכם האם"))
        // Japanese in Shift_JIS: lead bytes from 0x81 to 0x9F.
        let japanese = guess([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xC5, 0x82, 0xB7, 0x81, 0x63])
        XCTAssertEqual(japanese.encoding, "Shift_JIS")
        XCTAssertTrue(japanese.text.contains("日本語です…"))
        // Cyrillic in windows-1251: whole words outside the Hebrew range.
        let russian = guess([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0])
        XCTAssertEqual(russian.encoding, "windows-1251")
        XCTAssertTrue(russian.text.contains("Привет мир"))
        // Lone high bytes are Latin letters or signs, not Cyrillic words: "ü" read as "ь".
        for (bytes, text) in [([0xFC], "ü"), ([0xA3] + Array(" 5, ".utf8) + [0xE9], "£ 5, é")] {
            let latin = guess(bytes)
            XCTAssertEqual(latin.encoding, "windows-1252", text)
            XCTAssertTrue(latin.text.contains(text), latin.text)
        }
    }

    /// Undeclared Chinese in GBK, Japanese in EUC-JP and Korean in EUC-KR are told from Cyrillic
    /// by their two-byte characters: they were read as windows-1251 (found by QA). Cyrillic of
    /// even-length words, a few such words with і and ї, and Latin letters stay as they were.
    func testUndeclaredTwoByteEncodingsAreGuessed() {
        func undeclared(_ body: [UInt8]) -> [UInt8] {
            Array("<?xml version=\"1.0\"?>\n<rss><channel><title>".utf8) + body
                + Array("</title></channel></rss>".utf8)
        }
        func guess(_ body: [UInt8]) -> FeedTextDecoder.Decoded { decode(undeclared(body)) }
        // 中国人民银行宣布降准，释放长期资金 (iconv -t GBK)
        let chinese: [UInt8] = [
            0xD6, 0xD0, 0xB9, 0xFA, 0xC8, 0xCB, 0xC3, 0xF1, 0xD2, 0xF8, 0xD0, 0xD0, 0xD0, 0xFB, 0xB2, 0xBC,
            0xBD, 0xB5, 0xD7, 0xBC, 0xA3, 0xAC, 0xCA, 0xCD, 0xB7, 0xC5, 0xB3, 0xA4, 0xC6, 0xDA, 0xD7, 0xCA,
            0xBD, 0xF0,
        ]
        // 日本銀行が利上げ、マイナス金利政策を解除。 (iconv -t EUC-JP)
        let japanese: [UInt8] = [
            0xC6, 0xFC, 0xCB, 0xDC, 0xB6, 0xE4, 0xB9, 0xD4, 0xA4, 0xAC, 0xCD, 0xF8, 0xBE, 0xE5, 0xA4, 0xB2,
            0xA1, 0xA2, 0xA5, 0xDE, 0xA5, 0xA4, 0xA5, 0xCA, 0xA5, 0xB9, 0xB6, 0xE2, 0xCD, 0xF8, 0xC0, 0xAF,
            0xBA, 0xF6, 0xA4, 0xF2, 0xB2, 0xF2, 0xBD, 0xFC, 0xA1, 0xA3,
        ]
        // 한국은행 기준금리 동결, 서울 주가 상승 마감 (iconv -t EUC-KR)
        let korean: [UInt8] = [
            0xC7, 0xD1, 0xB1, 0xB9, 0xC0, 0xBA, 0xC7, 0xE0, 0x20, 0xB1, 0xE2, 0xC1, 0xD8, 0xB1, 0xDD, 0xB8,
            0xAE, 0x20, 0xB5, 0xBF, 0xB0, 0xE1, 0x2C, 0x20, 0xBC, 0xAD, 0xBF, 0xEF, 0x20, 0xC1, 0xD6, 0xB0,
            0xA1, 0x20, 0xBB, 0xF3, 0xBD, 0xC2, 0x20, 0xB8, 0xB6, 0xB0, 0xA8,
        ]
        // The same and 😀, which takes four bytes in GB18030 (iconv -t GB18030).
        let emoji = chinese + [0x94, 0x39, 0xFC, 0x36]
        for (body, encoding, text) in [
            (chinese, "GB18030", "中国人民银行宣布降准，释放长期资金"),
            (japanese, "EUC-JP", "日本銀行が利上げ、マイナス金利政策を解除。"),
            (korean, "EUC-KR", "한국은행 기준금리 동결, 서울 주가 상승 마감"), (emoji, "GB18030", "中国人民银行宣布降准，释放长期资金😀"),
        ] {
            let decoded = guess(body)
            XCTAssertEqual(decoded.encoding, encoding, text)
            XCTAssertTrue(decoded.text.contains("<title>\(text)</title>"), decoded.text)
            XCTAssertEqual(ParsedFeed(undeclared(body)).header?.title, text)
        }
        // Наши люди тоже рады, наши дети тоже: words of even length, letters from 0xC0.
        let russian: [UInt8] = [
            0xCD, 0xE0, 0xF8, 0xE8, 0x20, 0xEB, 0xFE, 0xE4, 0xE8, 0x20, 0xF2, 0xEE, 0xE6, 0xE5, 0x20, 0xF0,
            0xE0, 0xE4, 0xFB, 0x2C, 0x20, 0xED, 0xE0, 0xF8, 0xE8, 0x20, 0xE4, 0xE5, 0xF2, 0xE8, 0x20, 0xF2,
            0xEE, 0xE6, 0xE5,
        ]
        // Київ цієї: two words of even length, half their letters from 0xA1 to 0xBF.
        let ukrainian: [UInt8] = [0xCA, 0xE8, 0xBF, 0xE2, 0x20, 0xF6, 0xB3, 0xBA, 0xBF]
        for (body, text) in [(russian, "Наши люди тоже рады, наши дети тоже"), (ukrainian, "Київ цієї")] {
            let decoded = guess(body)
            XCTAssertEqual(decoded.encoding, "windows-1251", text)
            XCTAssertTrue(decoded.text.contains(text), decoded.text)
        }
        // Größe Straße für Fußgänger: pairs of Latin letters (öß) among ASCII.
        let german: [UInt8] = [
            0x47, 0x72, 0xF6, 0xDF, 0x65, 0x20, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x20, 0x66, 0xFC, 0x72,
            0x20, 0x46, 0x75, 0xDF, 0x67, 0xE4, 0x6E, 0x67, 0x65, 0x72,
        ]
        XCTAssertEqual(guess(german).encoding, "windows-1252")
        XCTAssertTrue(guess(german).text.contains("Größe Straße für Fußgänger"))
    }

    /// Undeclared windows-1252 whose only high bytes are quotes and apostrophes next to letters
    /// is windows-1252: each makes a valid Shift_JIS pair with the letter after it, and the
    /// text showed as kanji ("Don稚 go"). Japanese (here from iconv) is still Shift_JIS.
    func testWindows1252QuotesBeforeLettersAreNotShiftJIS() {
        func rss(_ prolog: String, _ body: [UInt8]) -> FeedTextDecoder.Decoded {
            decode(
                Array((prolog + "<rss><channel><title>").utf8) + body + Array("</title></channel></rss>".utf8)
            )
        }
        func windows1252(_ text: String) -> [UInt8] {
            text.unicodeScalars.map { scalar in
                switch scalar {
                case "\u{2018}": return 0x91
                case "\u{2019}": return 0x92
                case "\u{201C}": return 0x93
                case "\u{201D}": return 0x94
                default: return UInt8(scalar.value)
                }
            }
        }
        for prolog in ["", "<?xml version=\"1.0\"?>\n"] {
            for text in [
                "It’s the best. Don’t go, we’re here and they’ll stay.", "The “New”York ‘Times’s",
                "Don’t",
            ] {
                let latin = rss(prolog, windows1252(text))
                XCTAssertEqual(latin.encoding, "windows-1252", text)
                XCTAssertTrue(latin.text.contains(text), latin.text)
            }
            // 東京で記者会見が開かれ、首相は「経済対策を急ぐ」と述べた。 (iconv -t SHIFT_JIS)
            let japanese: [UInt8] = [
                0x93, 0x8C, 0x8B, 0x9E, 0x82, 0xC5, 0x8B, 0x4C, 0x8E, 0xD2, 0x89, 0xEF, 0x8C, 0xA9, 0x82,
                0xAA,
                0x8A, 0x4A, 0x82, 0xA9, 0x82, 0xEA, 0x81, 0x41, 0x8E, 0xF1, 0x91, 0x8A, 0x82, 0xCD, 0x81,
                0x75,
                0x8C, 0x6F, 0x8D, 0xCF, 0x91, 0xCE, 0x8D, 0xF4, 0x82, 0xF0, 0x8B, 0x7D, 0x82, 0xAE, 0x81,
                0x76,
                0x82, 0xC6, 0x8F, 0x71, 0x82, 0xD7, 0x82, 0xBD, 0x81, 0x42,
            ]
            let expected = "東京で記者会見が開かれ、首相は「経済対策を急ぐ」と述べた。"
            for body in [japanese, Array("MT3.2 ".utf8) + japanese + Array(" RSS 1.0".utf8)] {
                let decoded = rss(prolog, body)
                XCTAssertEqual(decoded.encoding, "Shift_JIS")
                XCTAssertTrue(decoded.text.contains(expected), decoded.text)
            }
        }
    }

    /// Undeclared UTF-8 with a stray byte is still UTF-8: the byte becomes U+FFFD (it made the
    /// whole file read as windows-1251).
    func testUndeclaredUTF8WithAStrayByteStaysUTF8() {
        let body = Array("Café — ".utf8) + [0xFF] + Array(" 中文".utf8)
        let rss = decode(Array("<rss><channel><title>".utf8) + body + Array("</title></channel></rss>".utf8))
        XCTAssertEqual(rss.encoding, "UTF-8")
        XCTAssertTrue(rss.text.contains("Café — \u{FFFD} 中文"), rss.text)
        let json =
            Array(
                #"{"version":"https://jsonfeed.org/version/1.1","title":"Caf\#u{E9}","items":[{"id":"1","title":""#
                    .utf8)
            + body + Array(#""}]}"#.utf8)
        let feed = ParsedFeed(json)
        XCTAssertEqual(feed.header?.title, "Café")
        XCTAssertEqual(feed.items.first?.title, "Café — \u{FFFD} 中文")
        // More bad bytes than characters: a guess, as before.
        let latin = decode(
            Array("<rss><channel><title>caf".utf8) + [0xE9] + Array(" d".utf8) + [0xE9] + Array("j".utf8) + [
                0xE0
            ]
                + Array(" caf".utf8) + [0xC3, 0xA9] + Array("</title></channel></rss>".utf8))
        XCTAssertEqual(latin.encoding, "windows-1252")
    }

    func testC1ControlsInUTF8GetTheirWindows1252Meaning() {
        let decoded = decode(
            Array("<rss>don".utf8) + [0xC2, 0x92] + Array("t ".utf8) + [0xC2, 0x80] + [0xC2, 0x81])
        XCTAssertEqual(decoded.text, "<rss>don\u{2019}t €\u{FFFD}")
        let feed = ParsedFeed(
            Array("<rss><channel><item><description>don".utf8) + [0xC2, 0x92]
                + Array("t</description></item></channel></rss>".utf8))
        XCTAssertEqual(feed.first?.content, "don\u{2019}t")
    }

    func testTruncatedMultibyteSequencesAreRepaired() {
        XCTAssertEqual(decode(Array("<rss>a".utf8) + [0xE6, 0x97]).text, "<rss>a\u{FFFD}")
        XCTAssertEqual(decode([0xF0, 0x9F, 0x98, 0x80]).text, "\u{1F600}")
    }
}
