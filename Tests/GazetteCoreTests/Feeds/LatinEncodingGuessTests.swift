import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Undeclared Central European (windows-1250, ISO-8859-2) and Turkish (windows-1254) text is
/// told from Western windows-1252 by the letters each reading makes: all were read as
/// windows-1252 ("Łódź" showed as "£ódŸ", "şehir" as "þehir").
final class LatinEncodingGuessTests: XCTestCase {
    private func guessed(_ text: String, _ encoding: String.Encoding) throws -> (name: String, text: String) {
        let bytes = try Array(XCTUnwrap(text.data(using: encoding), text))
        let plan = bytes.withUnsafeBytes { FeedTextDecoder.guessed($0) }
        guard case .decoded(let decoded) = plan.kind else { return (plan.name, "") }
        return (plan.name, decoded)
    }

    /// A title and a paragraph in each language read back as written, in its encoding.
    func testCentralEuropeanAndTurkishTextIsRead() throws {
        let texts: [(String, String.Encoding, String)] = [
            (
                "Łódź: pożar kamienicy w centrum miasta\n\nStrażacy przez całą noc gasili pożar przy ulicy Piotrkowskiej.",
                .windowsCP1250, "windows-1250"
            ),
            (
                "Rząd przyjął projekt budżetu\n\nŹródła w ministerstwie twierdzą, że decyzja zapadnie przed świętami.",
                .isoLatin2, "ISO-8859-2"
            ),
            (
                "Povodně na Moravě\n\nHasiči v noci evakuovali desítky obyvatel ze zaplavených domů u Olomouce.",
                .windowsCP1250, "windows-1250"
            ),
            (
                "Árvíz a Tisza mentén\n\nA tűzoltók egész éjjel dolgoztak, hogy megfékezzék a lángokat.",
                .windowsCP1250, "windows-1250"
            ),
            (
                "Guvernul a aprobat bugetul\n\nPompierii au intervenit toată noaptea în satele inundate.",
                .windowsCP1250, "windows-1250"
            ),
            (
                "İstanbul'da şiddetli yağış\n\nİtfaiye ekipleri gece boyunca su baskını yaşanan evlerde çalıştı.",
                .windowsCP1254, "windows-1254"
            ),
            (
                "Öğretmenler iş bıraktı\n\nŞehir merkezindeki okullarda eğitime üç gün ara verildi.",
                .windowsCP1254,
                "windows-1254"
            ),
        ]
        for (text, encoding, name) in texts {
            let found = try guessed(text, encoding)
            XCTAssertEqual(found.name, name, text)
            XCTAssertEqual(found.text, text)
        }
    }

    /// Western European text reads as windows-1252 as before, Icelandic þ ð ý (Turkish ş ğ ı
    /// in windows-1254) and Spanish ¿ ñ (Polish ż ń in windows-1250) included, and a text read
    /// alike in both is called windows-1252; so is a text whose every letter one Western
    /// language writes (a Turkish text without ç or ü reads as Icelandic: it stays too).
    func testWesternTextStaysWindows1252() throws {
        let texts = [
            "Le gouvernement présente un budget\n\nLe ministre de l'Économie a annoncé mercredi une série de mesures.",
            "Überschwemmungen in Süddeutschland\n\nDie Feuerwehr war die ganze Nacht im Einsatz, sagte der Bürgermeister.",
            "¿Qué cambia con la nueva ley?\n\nEl año próximo España aprobará la reforma, afirmó la portavoz.",
            "Eldgos hafið á Reykjanesskaga\n\nÞingmenn stjórnarandstöðunnar gagnrýna frumvarpið harðlega.",
            "Storm orsakar strömavbrott\n\nTusentals hushåll i Norrland är fortfarande utan ström.",
            "Kraftig storm rammer Jylland\n\nFærgerne mellem Sjælland og Bornholm er indstillet.",
            "Café owners in Zürich protest\n\nTickets cost £5, or €6 – résumé.",
            "Regeringen vil hæve pensionsalderen",
            // Letters frequent in Czech or Romanian (č ě ů ă ő ę in windows-1250), each one
            // these languages write: they were read as Czech "Trčs tôt", "Lunedě" (found by QA).
            "Très tôt\n\nAprès le dîner, près de la rivière, le père et la mère sont partis.",
            "Lunedì a Roma\n\nIl ministro sarà lì, così dicono a Cantù: più tardi però.",
            "São Paulo\n\nIrmão, mãe e pão: Põe a mesa.",
            "Être\n\nFête, tête, même.",
            "Sì, però è così. Più giù.",
            // Stories of two languages in one dump, each paragraph read as its own.
            "Très tôt\n\nAprès le dîner, près de la rivière, le père et la mère sont très contents. "
                + "C'est la troisième fois.\n\n\n\nLe marché\n\nLe marché de Noël ouvre à Strasbourg. "
                + "Les visiteurs sont nombreux.\n\n\nLunedì a Roma\n\nLunedì e martedì il sindaco sarà lì, "
                + "così ha detto; poi andrà a Forlì e a Cantù, perché lì c'è più gente.\n",
        ]
        for text in texts {
            let found = try guessed(text, .windowsCP1252)
            XCTAssertEqual(found.name, "windows-1252", text)
            XCTAssertEqual(found.text, text)
        }
    }

    /// A short Polish dump (a few letters that are not UTF-8) opens in windows-1250: its letters
    /// showed as U+FFFD, being no windows-1252 letters.
    func testShortPolishDumpOpensInWindows1250() throws {
        let text = "Wybory samorządowe. Gdzie głosować?\n\nLokale wyborcze są otwarte do 21.\n"
        let bytes = try Array(XCTUnwrap(text.data(using: .windowsCP1250)))
        XCTAssertTrue(bytes.withUnsafeBytes { LegacyEncodedText.isLegacy($0) })
        let utf8 = bytes.withUnsafeBytes { LegacyEncodedText.utf8(of: $0) }
        XCTAssertEqual(String(decoding: utf8, as: UTF8.self), text)
        XCTAssertEqual(LegacyEncodedText.table(for: "windows-1250")?[0xB3 - 0x80], Array("ł".utf8))
    }
}
