import XCTest

@testable import GazetteCore

/// A `sup` or `sub` that Unicode's superscript and subscript characters cannot write is set off
/// with "^" or "_" (it was glued to the word before: "10x", "xi", "eiπ"; found by QA).
final class HTMLScriptTextTests: XCTestCase {
    func testScriptsThatCannotBeWrittenAreSetOff() {
        let html =
            "<p>A: 10<sup>x</sup> | B: e<sup>iπ</sup> | C: 2<sup>k</sup> | D: x<sub>i</sub> | E: a<sub>ij</sub>"
            + " | F: 2<sup>n-1</sup> | G: word<sup>[12]</sup> | H: H<sub>2</sub>SO<sub>4</sub> | I: 1<sup>st</sup>"
            + " | J: x<sup>(a+b)</sup> | K: CO<sub>2e</sub> | L: m<sup>2</sup>/s<sup>-1</sup> | M: 10<sup>−9</sup>"
            + " | N: M<sup>me</sup> Dupont, le 1<sup>er</sup> | O: <sub>small print here</sub></p>"
        XCTAssertEqual(
            HTMLRenderer.render(html).paragraphs,
            [
                "A: 10^x | B: e^(iπ) | C: 2^k | D: x_i | E: a_(ij) | F: 2ⁿ⁻¹ | G: word[12] | H: H₂SO₄ | I: 1st"
                    + " | J: x^(a+b) | K: CO_(2e) | L: m²/s⁻¹ | M: 10⁻⁹ | N: Mme Dupont, le 1er | O: small print here"
            ])
        XCTAssertEqual(HTMLRenderer.titleText("Why 10<sup>x</sup> and x<sub>i</sub>"), "Why 10^x and x_i")
        XCTAssertEqual(HTMLRenderer.titleText("Why 10<sup>x</sup>", writingScripts: false), "Why 10x")
    }
}
