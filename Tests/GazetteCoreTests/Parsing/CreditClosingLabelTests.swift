import TestSupport
import XCTest

@testable import GazetteCore

/// A Korean credit in brackets or after `=` closes with a label word ("[연합뉴스 자료사진]",
/// "(사진=삼성전자 제공)"), a Japanese one with "提供": the credit is who is named, without it.
final class CreditClosingLabelTests: XCTestCase {
    private func credit(_ caption: String) -> String? {
        CaptionCredit.credit(fromCaption: caption)
    }

    /// The label word closing a bracketed credit is dropped, and so is one after a sign.
    func testAKoreanLabelWordClosingACreditIsDropped() {
        let cases: [(String, String)] = [
            ("서울 시내 모습 [연합뉴스 자료사진]", "연합뉴스"),
            ("서울 시내 모습 (연합뉴스 자료사진)", "연합뉴스"),
            ("신제품 갤럭시 (사진=삼성전자 제공)", "삼성전자"),
            ("신제품 갤럭시 [삼성전자 제공]", "삼성전자"),
            ("신제품 갤럭시 사진=삼성전자 제공", "삼성전자"),
            ("신제품 갤럭시 [사진 제공=삼성전자 제공]", "삼성전자"),
            ("사고 현장 [독자 제공. 재판매 및 DB 금지]", "독자 제공. 재판매 및 DB 금지"),
            ("사고 현장 [유튜브 캡처]", "유튜브"),
            ("사고 현장 [KBS 영상 캡처]", "KBS"),
            ("사고 현장 [연합뉴스TV 캡처]", "연합뉴스TV"),
            ("사고 현장 (출처=경찰청 제공)", "경찰청"),
            ("사고 현장 [연합뉴스 그래픽]", "연합뉴스"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
    }

    /// English "file photo" closing a credit in brackets: "(Reuters file photo)" credits Reuters
    /// (it credited "Reuters file photo"; found by QA); the label alone names nobody.
    func testAnEnglishFileLabelClosingACreditIsDropped() {
        let cases: [(String, String)] = [
            ("Police at the scene in Haifa (Reuters file photo)", "Reuters"),
            ("Police at the scene in Haifa [AFP File Photo]", "AFP"),
            ("Police at the scene in Haifa (Jane Roe/AP file picture)", "Jane Roe/AP"),
            ("Police at the scene in Haifa (Flash90 file image)", "Flash90"),
            ("Police at the scene in Haifa (IRNA file)", "IRNA"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        XCTAssertNil(credit("Police at the scene in Haifa (file photo)"))
        XCTAssertEqual(credit("Police at the scene in Haifa (Ahmad Kafile)"), "Ahmad Kafile")
    }

    /// Japanese "提供" ("provided") closing a credit in brackets or after a label's sign.
    func testJapaneseProvidedIsDropped() {
        XCTAssertEqual(credit("新型車を発表する社長（トヨタ自動車提供）"), "トヨタ自動車")
        XCTAssertEqual(credit("新型車を発表する社長（写真＝共同通信提供）"), "共同通信")
        XCTAssertEqual(credit("新型車を発表する社長 写真＝トヨタ自動車提供"), "トヨタ自動車")
        XCTAssertEqual(credit("東京都内の様子＝共同通信提供"), "共同通信")
    }

    /// A credit that is a label and nothing else, or a word glued to the label, stays as it was.
    func testALabelAloneOrGluedStays() {
        XCTAssertEqual(credit("서울 시내 모습 [자료사진]"), "자료사진")
        XCTAssertEqual(credit("서울 시내 모습 [사진 제공]"), "사진 제공")
        XCTAssertEqual(credit("서울 시내 모습 [연합뉴스자료사진]"), "연합뉴스자료사진")
        XCTAssertEqual(credit("新型車を発表する社長（写真提供）"), "写真提供")
        XCTAssertEqual(credit("新型車を発表する社長（提供）"), "提供")
        XCTAssertEqual(credit("Waves crash on the pier (Reuters)"), "Reuters")
        XCTAssertEqual(CreditClosingLabel.dropped(from: "사진"), "사진")
    }

    /// A dump story's credit, which `list` and `export` show.
    func testADumpStoryCreditsWithoutTheLabelWord() {
        let story = DumpText.article(
            title: "서울 도심에 폭설", caption: "서울 시내 모습 [연합뉴스 자료사진]",
            paragraphs: ["10일 서울 도심에 많은 눈이 내렸다.", "두 번째 문단이다."])
        XCTAssertEqual(DumpText.articles(story).first?.credit, "연합뉴스")
    }
}
