import GazetteCore
import TestSupport
import XCTest

final class DumpCaptionTests: XCTestCase {
    /// A story in the dump's shape with `captions` as its caption block.
    private func story(captions: [String]) -> String {
        let block = captions.joined(separator: "\n")
        return "Storm Hits Coast\n\n\(block)\nTT\n20\n\nStorm Hits Coast\n\n\(block)\n\nA storm hit."
    }

    /// An alt text that is the caption without its credit shows once, as the credited caption;
    /// a credit on a line of its own is the caption's credit (both lines showed, and no credit;
    /// found by QA).
    func testAnAltTextThatIsTheCaptionWithoutItsCreditShowsOnce() {
        let cases: [([String], String, String?)] = [
            (
                ["Waves crash on the pier", "Waves crash on the pier (AFP)"], "Waves crash on the pier (AFP)",
                "AFP"
            ),
            (
                ["Waves crash on the pier (AFP)", "Waves crash on the pier"], "Waves crash on the pier (AFP)",
                "AFP"
            ),
            (
                ["Waves crash on the pier", "Waves crash on the pier. REUTERS/Jane Doe"],
                "Waves crash on the pier. REUTERS/Jane Doe", "REUTERS/Jane Doe"
            ),
            (
                ["Waves crash on the pier", "Photo: REUTERS"], "Waves crash on the pier\nPhoto: REUTERS",
                "REUTERS"
            ),
            // Another word that starts the same is another line.
            (["Waves crash", "Waves crashing (AP)"], "Waves crash\nWaves crashing (AP)", "AP"),
        ]
        for (captions, shown, credit) in cases {
            let articles = DumpText.articles(story(captions: captions))
            XCTAssertEqual(articles.first?.caption, shown)
            XCTAssertEqual(articles.first?.credit, credit, shown)
            XCTAssertEqual(articles.first?.paragraphs, ["A storm hit."], shown)
        }
    }

    /// A caption and a different alt text, the header in one block, stay two lines: the
    /// captions again after the title are no caption wrapped and given again.
    /// A caption hard-wrapped over two lines and given once is one caption, credited in full,
    /// where its first line plainly goes on ("(Thomas" / "Coex/AFP/Getty Images)"; the credit
    /// was the fragment "Coex/AFP/Getty Images)"; found by QA); photos' captions given once
    /// each stay lines of their own.
    func testACaptionWrappedAndGivenOnceIsOneCaption() {
        let cases: [([String], String, String?)] = [
            (
                ["Protesters gather in Paris on Tuesday. (Thomas", "Coex/AFP/Getty Images)"],
                "Protesters gather in Paris on Tuesday. (Thomas Coex/AFP/Getty Images)",
                "Thomas Coex/AFP/Getty Images"
            ),
            (
                ["Sudan peacekeepers. Credit Ashraf Shazly/Agence France-Presse —", "Getty Images"],
                "Sudan peacekeepers. Credit Ashraf Shazly/Agence France-Presse — Getty Images",
                "Ashraf Shazly/Agence France-Presse — Getty Images"
            ),
            (
                ["Waves crash on the pier (AFP)", "Residents clear debris (AFP)"],
                "Waves crash on the pier (AFP)\nResidents clear debris (AFP)", "AFP"
            ),
            (
                ["Waves crash on the pier", "Residents clear debris"],
                "Waves crash on the pier\nResidents clear debris", nil
            ),
        ]
        for (captions, shown, credit) in cases {
            let block = captions.joined(separator: "\n")
            let text = "Storm Hits Coast\n\n\(block)\nTT\n20\n\nStorm Hits Coast\n\nA storm hit."
            let articles = DumpText.articles(text)
            XCTAssertEqual(articles.first?.caption, shown)
            XCTAssertEqual(articles.first?.credit, credit, shown)
            XCTAssertEqual(articles.first?.paragraphs, ["A storm hit."], shown)
        }
    }

    func testACaptionAndItsAltTextInACompactHeaderStayTwoLines() {
        let text =
            "T\n\nThe caption (AP)\nDifferent alt text\nTT\n7\nT\nThe caption (AP)\nDifferent alt text\n\nBody."
        let article = DumpText.articles(text).first
        XCTAssertEqual(article?.caption, "The caption (AP)\nDifferent alt text")
        XCTAssertEqual(article?.credit, "AP")
        XCTAssertEqual(article?.paragraphs, ["Body."])
        // Given twice each in turn, in the header's usual shape.
        let pairs = story(captions: [
            "The caption (AP)", "Different alt text", "The caption (AP)", "Different alt text",
        ])
        XCTAssertEqual(DumpText.articles(pairs).first?.caption, "The caption (AP)\nDifferent alt text")
        XCTAssertEqual(DumpText.articles(pairs).first?.credit, "AP")
    }
}
