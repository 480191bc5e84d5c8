import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// What `HTMLWordSkeleton` makes of HTML, and when it declines.
final class HTMLWordSkeletonTests: XCTestCase {
    private func skeleton(_ html: String) -> (html: String, cutWords: Int)? {
        HTMLWordSkeleton(html).map { ($0.html, $0.cutWords) }
    }

    func testRunsKeepTheirFirstAndLastWords() throws {
        let cases: [(html: String, skeleton: String, cut: Int)] = [
            ("<p>The quick brown fox jumps</p>", "<p>x x</p>", 3),
            ("<p> one two three four </p>", "<p> x x </p>", 2),
            ("<b>word</b> and more words here", "<b>x</b> x x", 2),
            ("<p>aaa bbb ccc ddd</p>\n\n\t\n<p>eeeeeeeeeeeeee</p>", "<p>x x</p> <p>x</p>", 2),
            ("one\ttwo\nthree four", "x x", 2),
            // Bytes outside plain runs stay: other text beyond ASCII, CR, form feed, controls.
            ("東京 is large and busy", "東京 x x", 2),
            ("one two three\r\nfour five six", "x x\r x x", 2),
            ("alpha beta\u{0C}gamma delta epsilon", "x x\u{0C}x x", 1),
            ("naïve\u{A0}café au lait", "x\u{A0}x x", 1),
            // Latin and Cyrillic letters, dashes and typographic quotes are a word's, as ASCII's.
            ("café au lait est bon", "x x", 3),
            ("Tōkyō is large and busy", "x x", 3),
            ("“Quoted,” she said — in Genève’s old town", "x x", 6),
            ("Путин сказал что-то важное", "x x", 2),
            ("&amp;é and more words here", "&amp;x x", 3),
            ("&nbspé and more words here", "&nbspé x x", 2),
            // A reference and the byte after it stay as they are.
            ("&amp;abc def ghi jkl mno", "&amp;x x", 3),
            ("&nbsp; one two three four", "&nbsp; x x", 2),
            ("&#!abc def ghi jkl mno", "&#!x x", 3),
            ("&#x26;rest of the words", "&#x26;x x", 2),
            ("&bogus other words here", "&bogus x x", 1),
            // Tags are copied whole.
            ("<a href=\"x > y\" title='z'>one two three four</a>", "<a href=\"x > y\" title='z'>x x</a>", 2),
            ("<TD width=50% nowrap>one two three four five</TD >", "<TD width=50% nowrap>x x</TD >", 3),
            ("<img src=\"a.png\" /><br/>one two three four five", "<img src=\"a.png\" /><br/>x x", 3),
        ]
        for (html, expected, cut) in cases {
            let found = try XCTUnwrap(skeleton(html), html.debugDescription)
            XCTAssertEqual(found.html, expected, html.debugDescription)
            XCTAssertEqual(found.cutWords, cut, html.debugDescription)
        }
    }

    /// Runs of every length and alignment, against the rule written plainly: plain text
    /// (ASCII printable bytes but "<" and "&", space, tab, newline) keeps its first and last
    /// words as "x" and a space for white space at either end; white space alone becomes one
    /// space once a word has come, and stays as it is before.
    func testRunsAsTheRuleSaysThem() throws {
        let pieces = [
            "a", "bc", "def", "ghij", "klmnopq", "0123456789", "well-known,", "\"quoted\"", "a>b", ";",
            " ", "  ", "\t", "\n", " \n\t ", "\r", "\u{01}", "\u{0B}", "\u{0C}", "\u{7F}", "é", "東",
            "\u{A0}", "\u{1F600}", String(repeating: " ", count: 17), String(repeating: "w", count: 23),
            "’", "“", "—", "…", "Ж", "ɐ", "\u{2028}", "\u{2009}", "\u{0301}", "\u{AD}", "\u{85}", "ā",
            "\u{C0}", "\u{27F}", "\u{280}", "\u{BF}", "\u{2010}", "\u{2027}", "\u{200F}", "\u{480}",
        ]
        var generator = SeededGenerator(seed: 77)
        var compared = 0
        for round in 0..<5000 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let expected = Self.ruleSkeleton(text)
            let shortEnough = expected.html.utf8.count * 4 <= text.utf8.count * 3
            guard let found = skeleton(text) else {
                XCTAssertFalse(shortEnough, "round \(round): \(text.debugDescription)")
                continue
            }
            compared += 1
            XCTAssertEqual(found.html, expected.html, "round \(round): \(text.debugDescription)")
            XCTAssertEqual(found.cutWords, expected.cutWords, "round \(round): \(text.debugDescription)")
        }
        XCTAssertGreaterThan(compared, 2500)
    }

    /// The skeleton of text without "<" and "&", byte by byte.
    private static func ruleSkeleton(_ text: String) -> (html: String, cutWords: Int) {
        let bytes = Array(text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        // The length of the plain character at `index`, 0 for another: ASCII, and the Latin and
        // Cyrillic letters, dashes, quotes and dots the skeleton takes as ASCII letters.
        func plainLength(at index: Int) -> Int {
            let byte = bytes[index]
            if byte < 0x80 { return (byte > 0x20 && byte < 0x7F) || isSpace(byte) ? 1 : 0 }
            let scalar = String(decoding: bytes[index...].prefix(4), as: UTF8.self).unicodeScalars.first!
            let taken =
                (0xC0...0x27F).contains(scalar.value) || (0x400...0x47F).contains(scalar.value)
                || (0x2010...0x2027).contains(scalar.value)
            return taken ? String(scalar).utf8.count : 0
        }
        var output: [UInt8] = []
        var cutWords = 0
        var sawWord = false
        var index = 0
        while index < bytes.count {
            guard plainLength(at: index) > 0 else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, case let length = plainLength(at: end), length > 0 { end += length }
            let run = bytes[index..<end]
            let words = run.split(whereSeparator: isSpace).count
            if words == 0 {
                output += sawWord ? [0x20] : Array(run)
            } else {
                sawWord = true
                if isSpace(run[index]) { output.append(0x20) }
                output.append(UInt8(ascii: "x"))
                if words >= 2 { output += [0x20, UInt8(ascii: "x")] }
                if isSpace(run[end - 1]) { output.append(0x20) }
                cutWords += max(0, words - 2)
            }
            index = end
        }
        return (String(decoding: output, as: UTF8.self), cutWords)
    }

    /// The characters beyond ASCII taken as a word's show on their own and show something, as
    /// an ASCII letter does: cut out of a run, or standing for a word as "x", they change neither
    /// the count nor whether the text shows anything. Those beside them are not taken.
    func testTheCharactersTakenBeyondASCIIShowAsLetters() {
        func taken(_ value: UInt32) -> Int {
            Array(String(Unicode.Scalar(value)!).utf8).withUnsafeBufferPointer {
                HTMLWordSkeleton.inkLength($0, at: 0)
            }
        }
        for range: ClosedRange<UInt32> in [0xC0...0x27F, 0x400...0x47F, 0x2010...0x2027] {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                XCTAssertTrue(TerminalSanitizer.showsOnItsOwn(scalar), String(value, radix: 16))
                XCTAssertTrue(TerminalSanitizer.showsSomething(scalar), String(value, radix: 16))
                XCTAssertEqual(taken(value), String(scalar).utf8.count, String(value, radix: 16))
            }
        }
        for value: UInt32 in [
            0x85, 0xA0, 0xAD, 0xBF, 0x280, 0x301, 0x3FF, 0x480, 0x483, 0x200B, 0x200F, 0x2028, 0x3042,
        ] {
            XCTAssertEqual(taken(value), 0, String(value, radix: 16))
        }
        // A lead byte cut short is none.
        XCTAssertEqual([UInt8(0xC3)].withUnsafeBufferPointer { HTMLWordSkeleton.inkLength($0, at: 0) }, 0)
        XCTAssertEqual(
            [UInt8(0xE2), 0x80].withUnsafeBufferPointer { HTMLWordSkeleton.inkLength($0, at: 0) }, 0)
    }

    func testMarkupOtherThanPlainTagsIsDeclined() {
        let words = " one two three four five six seven eight nine ten"
        let declined = [
            "<!-- note -->", "<!DOCTYPE html>", "<?pi x?>", "<![CDATA[x]]>", "a < b", "<3", "<", "</>",
            "<my-el>", "<o:p>", "</o:p>", "<p", "<p class=\"x>", "<p class='x>", "<p a=>", "<p a=`x`>",
            "<a href=\"x\"title=\"y\">", "<p / >", "<p/ >", "</p x>", "</p", "<p\u{0C}>", "<p =x>",
            "<p \(String(repeating: "a", count: 51))>", "<\(String(repeating: "b", count: 51))>",
        ]
        for markup in declined {
            XCTAssertNil(HTMLWordSkeleton(markup + words), markup.debugDescription)
            XCTAssertNil(HTMLWordSkeleton(words + markup), markup.debugDescription)
        }
        for markup in ["<p a>", "<p a=b>", "<p \(String(repeating: "a", count: 50))>", "<p\n\r\ta = 'b' />"] {
            XCTAssertNotNil(HTMLWordSkeleton(markup + words), markup.debugDescription)
        }
    }

    func testRefusedElementsAreDeclinedInAnyCase() {
        let words = " one two three four five six seven eight nine ten"
        for name in HTMLWordSkeleton.refusedElements {
            for tag in ["<\(name)>", "</\(name)>", "<\(name.uppercased()) a=b>", "</\(name.capitalized)>"] {
                XCTAssertNil(HTMLWordSkeleton(tag + words), tag)
            }
            XCTAssertNotNil(HTMLWordSkeleton("<\(name)x>" + words), name)
        }
        XCTAssertEqual(HTMLWordSkeleton.refusedElements.count, 23)
        XCTAssertNotNil(HTMLWordSkeleton("<img src=x alt='a b c'>" + words))
    }

    func testLongOrBarelyShorterHTMLIsDeclined() {
        let longest = String(repeating: "word ", count: HTMLWordSkeleton.maxLength / 5)
        XCTAssertLessThanOrEqual(longest.utf8.count, HTMLWordSkeleton.maxLength)
        XCTAssertEqual(HTMLWordSkeleton(longest)?.cutWords, HTMLWordSkeleton.maxLength / 5 - 2)
        XCTAssertGreaterThan((longest + "word").utf8.count, HTMLWordSkeleton.maxLength)
        XCTAssertNil(HTMLWordSkeleton(longest + "word"))
        XCTAssertNil(HTMLWordSkeleton(""))
        XCTAssertNil(HTMLWordSkeleton("<p>a b</p>"))
        // 12 bytes to 9 is a quarter shorter; 11 to 9 is not.
        XCTAssertEqual(HTMLWordSkeleton("<br>abcd<br>")?.html, "<br>x<br>")
        XCTAssertNil(HTMLWordSkeleton("<br>abc<br>"))
    }
}

/// Counting the words of the skeleton and adding those it cut must give the count of the HTML
/// as it is: the same count and the same "saw <" from the same parser events.
final class HTMLWordSkeletonCountTests: XCTestCase {
    private struct Counted: Equatable {
        var words: Int
        var sawLessThan: Bool
        var sawInk: Bool
    }

    /// The event walk of the HTML as it is; nil when libxml2 could not read it to its end.
    private func plain(_ html: String) throws -> Counted? {
        let library = try XCTUnwrap(LibXML2.shared)
        guard var counter = HTMLEventWalk.walk(html, into: HTMLWordCounter(), with: library) else {
            return nil
        }
        return Counted(words: counter.finish(), sawLessThan: counter.sawLessThan, sawInk: counter.sawInk)
    }

    /// The event walk of the skeleton plus the words it cut; nil when there is none or libxml2
    /// could not read it to its end.
    private func skeletal(_ html: String) throws -> Counted? {
        let library = try XCTUnwrap(LibXML2.shared)
        guard let skeleton = HTMLWordSkeleton(html),
            var counter = HTMLEventWalk.walk(skeleton.html, into: HTMLWordCounter(), with: library)
        else { return nil }
        return Counted(
            words: counter.finish() + skeleton.cutWords, sawLessThan: counter.sawLessThan,
            sawInk: counter.sawInk)
    }

    /// Compares the two readings; whether the skeleton's was there to compare.
    private func compare(_ html: String, _ label: @autoclosure () -> String) throws -> Bool {
        guard let skeletal = try skeletal(html) else { return false }
        let plain = try plain(html)
        XCTAssertEqual(skeletal, plain, label())
        return true
    }

    private func reference(_ html: String) -> Int {
        var words = WordCounter()
        words.add(HTMLRenderer.plainText(html))
        return words.count
    }

    func testKnownCountsThroughTheSkeleton() throws {
        let cases: [(html: String, words: Int)] = [
            ("<p>one two three four five</p><p>six seven eight nine</p>", 9),
            ("&nbsp; one two three four", 4),
            ("<b>a</b>bc de fg hi", 4),
            ("caf&eacute; au lait est bon", 5),
            ("日本 is a big country", 6),
            ("<p>The quick <b>br</b>own fox &amp; the lazy dog</p>", 8),
            ("one two three<br>four five six<img src=x alt='seven eight'>nine ten eleven", 8),
            ("<ul><li>first item here</li><li>second item here</li></ul>", 6),
            ("stuck<div>to the walls of the</div>house", 7),
            ("<p>“Quoted,” she said — in Genève’s old town</p>", 8),
            ("<p>Путин сказал <b>что</b>-то важное о Ølstykke</p>", 6),
        ]
        for (html, words) in cases {
            XCTAssertNotNil(HTMLWordSkeleton(html), html)
            XCTAssertEqual(HTMLRenderer.wordCount(html), words, html)
            XCTAssertEqual(reference(html), words, html)
            XCTAssertTrue(try compare(html, html), html)
        }
    }

    func testEveryRealWorldItemCountsAsThroughTheSkeleton() throws {
        let items = RealWorldHTML.items()
        var compared = 0
        for (file, html) in items where try compare(html, file) {
            compared += 1
        }
        print("HTMLWordSkeleton: \(compared) of \(items.count) real-world items read through the skeleton")
        XCTAssertGreaterThan(items.count, 400)
        XCTAssertGreaterThan(compared, items.count / 4)
    }

    func testRandomFragmentsCountAsThroughTheSkeleton() throws {
        var generator = SeededGenerator(seed: 2_026)
        var compared = 0
        let rounds = 20_000
        for round in 0..<rounds {
            let html = RandomHTML.fragment(using: &generator)
            if try compare(html, "round \(round): \(html.debugDescription)") { compared += 1 }
        }
        print("HTMLWordSkeleton: \(compared) of \(rounds) random fragments read through the skeleton")
        XCTAssertGreaterThan(compared, rounds / 2)
    }
}

/// Random HTML for the skeleton: plain runs of every length (past libxml2's 1000-byte text
/// chunks too), what ends them, references, tags of the grammar taken, and now and then
/// something the skeleton declines.
enum RandomHTML {
    static let text = [
        "word", "two words", "three little words", " ", "  ", "\n", "\t", "\r\n", "\r", "\u{0B}", "\u{0C}",
        "\u{01}", "\u{7F}", "é", "naïve café", "Zoë Müller", "日本語", "東京", "、", "。", "カナ", "\u{A0}",
        "\u{3000}", "\u{2009}", "\u{2028}", "\u{85}", "\u{1F600}", "a\u{301}", "—", "’", "“quoted”", "x;y",
        ";", "!", ",", "?", ">", "\"", "'", "=", "`", "a>b", "&nbsp;", "&nbsp", "&amp;", "&amp", "&lt;",
        "&gt;", "&#8217;", "&#8217", "&#x26;", "&#x26", "&#X41;", "&#38", "&#160;", "&#0;", "&#x110000;",
        "&bogus;", "&bogus", "&", "&;", "&#;", "&#x;", "&#!", "&#", "&#x", "&é", "&nbspé", "&#12,",
        "&a.b-c_d:e;", "&lt;b&gt;bold&lt;/b&gt;", "<p>&nbsp;</p>", "$288 million", "U.S.", "e-mail",
    ]
    static let tags = [
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "<br/>", "<br \n/>", "<hr>", "<div>", "</div>",
        "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "<li>", "</li>", "<ul>", "</ul>", "<ol>",
        "</ol>", "<img src=x>", "<img alt=\"a picture\" src=x>", "<img src=\"a.png\" />",
        "<a href=\"https://e.com/a?b=c&amp;d=e\">", "</a>", "<a href=/path/x.html>", "<P>", "</P>", "<B>",
        "</B>", "<DIV class=\"x\">", "</DIV>", "<foo>", "</foo>", "<unknown attr=1>", "<span class='a>b'>",
        "</span>", "<a title=\"x > y\">", "<a title=\"x < y\">", "<td width=50% nowrap>", "<input disabled>",
        "<p/>", "<b/>", "<a\nhref=\"x\"\n>", "<input\r\ntype=text>", "<col>", "<colgroup>", "<caption>",
        "<select>", "<option>", "</select>", "<pre>", "</pre>", "<blockquote>", "</blockquote>", "<h1>",
        "</h1>", "<sup>", "</sup>", "<dl>", "<dt>", "<dd>", "<form>", "</form>", "<center>", "<font>",
        "<u>", "<em>", "</em>", "<strong>", "</strong>", "<figure>", "<figcaption>", "</figure>",
        "<p class=\"a\" id=b>", "</td >", "<b><p>x</b>y", "<p>a<div>b</div>c</p>d", "<li><p>a</li>b",
        "<table><tr><td>a</td>b</tr></table>c", "<h2>", "</h2>", "<section>", "</section>", "<listing>",
    ]
    static let declined = [
        "<!-- c -->", "<script>x y</script>", "<style>p{}</style>", "<title>t</title>", "<html>", "<body>",
        "</body>", "< b", "<3", "<o:p>", "<my-el>", "<!DOCTYPE html>", "<?pi?>", "<textarea>x y</textarea>",
        "<svg>", "<math>", "<noscript>", "<head>",
    ]
    static let words = [
        "a", "the", "news", "government", "x", "I", "well-known", "U.S.", "don't", "$9", "(said)", "1,000",
        "end.", "\"quote\"", "e=mc2", "a>b", "#tag", "@user", "x;y", "50%", "café", "Genève’s", "“quoted”",
        "—", "…", "naïve", "Ølstykke", "Москва", "ɐb", "don’t", "x—y", "Zoë", "\u{2010}", "é\u{301}",
        "a\u{A0}b", "ō日", "ü\u{2028}",
    ]

    /// A fragment of 1 to 20 pieces.
    static func fragment(using generator: inout SeededGenerator) -> String {
        var html = ""
        for _ in 0..<Int.random(in: 1...20, using: &generator) {
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<35: html += pick(text, &generator)
            case 35..<65: html += pick(tags, &generator)
            case 65..<88: html += run(maxWords: 12, using: &generator)
            case 88..<92: html += run(maxWords: 600, using: &generator)
            case 92..<96: html += space(using: &generator)
            case 96..<99: html += aligned(using: &generator)
            default: html += pick(declined, &generator)
            }
        }
        return html
    }

    private static func pick<Piece>(_ pieces: [Piece], _ generator: inout SeededGenerator) -> Piece {
        pieces[Int.random(in: 0..<pieces.count, using: &generator)]
    }

    /// Words separated by white space, sometimes starting or ending with it.
    private static func run(maxWords: Int, using generator: inout SeededGenerator) -> String {
        var run = Bool.random(using: &generator) ? " " : ""
        for index in 0..<Int.random(in: 1...maxWords, using: &generator) {
            if index > 0 { run += pick([" ", " ", " ", "  ", "\n", "\t", " \n "], &generator) }
            run += pick(words, &generator)
        }
        return run + (Bool.random(using: &generator) ? pick([" ", "\n"], &generator) : "")
    }

    /// White space alone, up to 2,500 bytes.
    private static func space(using generator: inout SeededGenerator) -> String {
        let count = pick([1, 2, 999, 1000, 1001, 1500, 2001, 2500], &generator)
        return String(repeating: pick([" ", "\n", "\t"], &generator), count: count)
    }

    /// Plain text of 998 to 1002 or 1998 to 2002 bytes (what libxml2 hands over in 1000-byte
    /// chunks), ending with a word or white space, and what ends it.
    private static func aligned(using generator: inout SeededGenerator) -> String {
        let length =
            (Bool.random(using: &generator) ? 1000 : 2000) + Int.random(in: -2...2, using: &generator)
        let run = String(String(repeating: "ab ", count: length / 3 + 1).prefix(length))
        let ends = ["", "&nbsp;", "<b>", "</p>", "é", "東", "\u{A0}", "\r", "&amp;x", "<br>"]
        return run + pick(ends, &generator)
    }
}
