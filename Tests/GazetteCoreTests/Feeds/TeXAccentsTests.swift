import Foundation
import XCTest

@testable import GazetteCore

/// arXiv's authors written with TeX's accents are shown with the letters; nothing else in a
/// name, and no title or body, is read as TeX.
final class TeXAccentsTests: XCTestCase {
    func testTheAccentFormsAreReadAsLetters() {
        let cases = [
            (#"Erwin Schr\"odinger"#, "Erwin Schrödinger"),
            (#"Paul Erd\H{o}s"#, "Paul Erdős"),
            (#"Fran\c{c}ois G\'{e}rard"#, "François Gérard"),
            (#"Ay\c{s}e \c{C}elik"#, "Ayşe Çelik"),
            (#"\c C\"{u}n\"ur"#, "Çünür"),
            (#"Ana Mar\'{\i}a L\'opez, Zo\"e Br\^ul\'e"#, "Ana María López, Zoë Brûlé"),
            (#"Ji\v{r}\'i Nov\'ak, J\"{o}rg {\"O}zt\"urk"#, "Jiří Novák, Jörg Öztürk"),
            (#"\.{I}lker \u{g}, \k{a}, \r{A}, \~n, \=a, \`a, \d{s}, \b{t}"#, "İlker ğ, ą, Å, ñ, ā, à, ṣ, ṯ"),
            (#"Dam\'\i n"#, "Damín"),
        ]
        for (written, shown) in cases {
            XCTAssertEqual(TeXAccents.decoded(written), shown, written)
        }
    }

    /// The letters TeX writes as commands of their own, in braces or before empty ones, as
    /// arXiv writes Scandinavian and Polish names (they showed as written).
    func testTheLettersOfTheirOwnInBracesAreRead() {
        let cases = [
            (#"S{\o}ren J{\o}rgensen, {\L}ukasz Bia{\l}y"#, "Søren Jørgensen, Łukasz Biały"),
            (#"Gro\ss{}mann, {\AA}sa L{\ae}rke, {\OE}uvray"#, "Großmann, Åsa Lærke, Œuvray"),
            (#"Mehmet Y{\i}ld{\i}z, K{\i}l{\i}\c{c}"#, "Mehmet Yıldız, Kılıç"),
        ]
        for (written, shown) in cases {
            XCTAssertEqual(TeXAccents.decoded(written), shown, written)
        }
    }

    /// Quotes escaped as PHP escapes them in any feed's names are no accents: `O\'Brien` showed
    /// "OB́rien" and `John \"Johnny\" Doe` "J̈ohnny" (found by QA). An accent TeX puts on a capital
    /// after a letter is braced, and every accent read makes a letter of one character.
    func testQuotesEscapedInNamesAreLeftAsWritten() {
        for written in [
            #"Conan O\'Brien"#, #"Mary D\'Angelo"#, #"Sin\'ead O\'Neill"#, #"John \"Johnny\" Doe"#,
            #"\'B \"J"#,
        ] {
            XCTAssertEqual(
                TeXAccents.decoded(written), written.replacingOccurrences(of: #"Sin\'ead"#, with: "Sinéad"))
        }
        XCTAssertEqual(TeXAccents.decoded(#"\'Alvarez, O\'{B}rien"#), #"Álvarez, O\'{B}rien"#)
    }

    func testWhatIsNoAccentFormIsLeftAsWritten() {
        for written in [
            #"S\o ren, Stra\ss e, {\q}, {\oo}, \o"#, #"A \& B"#, #"C:\Users\x"#, #"Trailing \""#,
            #"\cC \vs"#, #"\" o"#, #"\'{}"#, #"\H{oo}"#, "Plain Name",
        ] {
            XCTAssertEqual(TeXAccents.decoded(written), written, written)
        }
    }

    /// In a feed: the byline and the list's credit show the letters; the title stays as written.
    func testAnArXivItemsAuthorsShowTheLetters() {
        let rss = #"""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>quant-ph</title>
            <link>http://rss.arxiv.org/rss/quant-ph</link>
            <item><title>Schr\"odinger cats</title><link>https://arxiv.org/abs/2412.01234</link>
            <description>Abstract: about Schr\"odinger.</description>
            <dc:creator>Erwin Schr\"odinger, Paul Erd\H{o}s</dc:creator></item>
            <item><title>Two</title><link>https://arxiv.org/abs/2412.01235</link><description>Text.</description>
            <author>g\'{e}rard@example.org (Fran\c{c}ois G\'{e}rard)</author></item>
            </channel></rss>
            """#
        let source = OpenedSource(
            source: Source(path: "a.xml", displayName: "A", format: .rss),
            bytes: FileBytes(bytes: Array(rss.utf8)))
        let articles = source.indexAll().compactMap { source.article($0) }
        XCTAssertEqual(articles.map(\.credit), ["Erwin Schrödinger, Paul Erdős", "François Gérard"])
        XCTAssertEqual(articles.first?.title, #"Schr\"odinger cats"#)
        XCTAssertEqual(articles.first?.paragraphs, [#"Abstract: about Schr\"odinger."#])
    }
}
