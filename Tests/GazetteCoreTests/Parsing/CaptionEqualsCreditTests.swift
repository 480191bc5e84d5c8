import TestSupport
import XCTest

@testable import GazetteCore

/// Japanese and Korean captions credit after an equals sign ("写真＝共同", "(사진=연합뉴스)"),
/// and a Yonhap story opens with its dateline "(서울=연합뉴스)": each gave no credit or kept its
/// label ("写真＝共同"). Any other `=` is text and credits nobody.
final class CaptionEqualsCreditTests: XCTestCase {
    private func credit(_ caption: String) -> String? {
        CaptionCredit.credit(fromCaption: caption)
    }

    /// A photo label before the sign, at the caption's end, in parentheses or brackets of
    /// either width, with or without spaces.
    func testALabelBeforeTheSignNamesTheCredit() {
        let cases: [(String, String)] = [
            ("東京都内の様子 写真＝共同", "共同"),
            ("東京都内の様子。写真＝共同", "共同"),
            ("東京都内の様子（写真＝共同）", "共同"),
            ("会見する首相（写真＝ロイター）", "ロイター"),
            ("会見する首相(写真=ロイター)", "ロイター"),
            ("会見する首相［画像＝時事］", "時事"),
            ("会見する首相（撮影＝山田太郎）", "山田太郎"),
            ("서울 시내 모습 (사진=연합뉴스)", "연합뉴스"),
            ("서울 시내 모습 [사진=뉴시스]", "뉴시스"),
            ("서울 시내 모습 [그래픽=연합뉴스]", "연합뉴스"),
            ("서울 시내 모습 (자료사진=연합뉴스)", "연합뉴스"),
            ("서울 시내 모습 사진=연합뉴스", "연합뉴스"),
            ("서울 시내 모습 사진=AP 연합뉴스", "AP 연합뉴스"),
            ("서울 시내 모습. 사진 = 연합뉴스", "연합뉴스"),
            ("서울 시내 모습 [사진 제공=삼성전자]", "삼성전자"),
            ("北京街头的市民（图＝新华社）", "新华社"),
            ("北京街头的市民。图片=新华社", "新华社"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
    }

    /// A bare full-width sign closing a Japanese caption credits the agency after it; what
    /// else follows one is the photo's date and place.
    func testABareFullWidthSignBeforeAnAgency() {
        XCTAssertEqual(credit("東京都内の様子＝共同"), "共同")
        XCTAssertEqual(credit("東京都内の様子。＝共同"), "共同")
        XCTAssertEqual(credit("ホワイトハウスで会見する大統領＝ロイター"), "ロイター")
        XCTAssertEqual(credit("ホワイトハウスで会見する大統領＝AP"), "AP")
        XCTAssertEqual(credit("記者会見する首相＝代表撮影"), "代表撮影")
        XCTAssertNil(credit("記者会見する首相＝10日午後、首相官邸"))
        XCTAssertNil(credit("記者会見する首相＝首相官邸"))
        XCTAssertNil(credit("青写真＝未来の東京"))
    }

    /// The dateline of a Korean wire story, "(place=agency)", credits the agency, at a
    /// caption's start (Yonhap's photo captions) or in its closing parenthesis.
    func testAWireDatelineCreditsTheAgency() {
        XCTAssertEqual(credit("(서울=연합뉴스) 홍길동 기자 = 10일 서울 시내 모습"), "연합뉴스")
        XCTAssertEqual(credit("[서울=뉴시스] 홍길동 기자 = 서울 시내 모습"), "뉴시스")
        XCTAssertEqual(credit("（ソウル＝聯合）ソウル市内の様子"), "聯合")
        XCTAssertEqual(credit("서울 시내 모습 (서울=연합뉴스)"), "연합뉴스")
        XCTAssertEqual(
            CaptionEqualsCredit.dateline(opening: "(서울=연합뉴스) 홍길동 기자 = 10일 서울 도심에 눈이 내렸다."),
            "연합뉴스")
        XCTAssertNil(CaptionEqualsCredit.dateline(opening: "(x=1) is the first case."))
        XCTAssertNil(CaptionEqualsCredit.dateline(opening: "서울=연합뉴스 기사"))
    }

    /// An equals sign that is no credit's stays text: a formula, code, an address's query,
    /// an operator, a sentence holding one, in parentheses or not.
    func testOtherSignsCreditNobody() {
        for caption in [
            "Einstein wrote E=mc² on a napkin",
            "Einstein wrote it on a napkin (E=mc²)",
            "The rule is a = b in this case",
            "Set x=1 in the config file",
            "Set it in the config file (x=1)",
            "Set it in the config file [x=1]",
            "See https://example.com/page?a=b for more",
            "See https://example.com/page?a=b",
            "The operator == compares two values",
            "They compare a == b",
            "They compare (a == b)",
            "Tax = price × rate, the minister said on Monday in a long speech",
            "서울 시내 모습 =",
            "사진=",
            "사진=10일 서울",
        ] {
            XCTAssertNil(credit(caption), caption)
        }
        // A credit elsewhere in the caption is still found.
        XCTAssertEqual(credit("Einstein wrote E=mc² on a napkin (AP)"), "AP")
    }

    /// Only "=" and "＝" (EF BC 9D) are a sign: many CJK characters end in the byte 0x9D too
    /// ("勝", "九", "そ", "伝"), which sent most CJK captions down the slow search for a sign.
    func testOnlyASignsBytesAreASign() {
        XCTAssertTrue(CaptionEqualsCredit.holdsSign("写真＝共同"))
        XCTAssertTrue(CaptionEqualsCredit.holdsSign("사진=연합뉴스"))
        XCTAssertTrue(CaptionEqualsCredit.holdsSign("E=mc²"))
        for text in ["初優勝を喜ぶ選手", "九州の川", "伝統の宝", "そのポスター", "Waves crash on the pier"] {
            XCTAssertFalse(CaptionEqualsCredit.holdsSign(text), text)
            XCTAssertFalse(CaptionEqualsCredit.holdsSign(Substring(text)), text)
        }
    }

    /// A CJK caption whose characters end in 0x9D but which holds no sign credits as it did.
    func testACaptionWithoutASignCreditsAsBefore() {
        XCTAssertEqual(credit("九州で初優勝を喜ぶ選手たち（共同）"), "共同")
        XCTAssertEqual(credit("（九州＝共同）初優勝を喜ぶ選手たち"), "共同")
        XCTAssertEqual(credit("九州で初優勝を喜ぶ選手たち＝共同"), "共同")
        XCTAssertEqual(credit("九州で初優勝を喜ぶ選手たち。写真：共同"), "共同")
        XCTAssertNil(credit("九州で初優勝を喜ぶ選手たち"))
        XCTAssertNil(credit("（九州）初優勝を喜ぶ選手たち"))
    }

    /// A dump story: its caption's credit, or without one the dateline opening its text.
    func testADumpStoryCreditsAfterTheSign() {
        let captioned = DumpText.article(
            title: "東京で初雪", caption: "東京都内の様子（写真＝共同）", paragraphs: ["東京で初雪が観測された。"])
        XCTAssertEqual(DumpText.articles(captioned).first?.credit, "共同")
        let dateline = DumpText.article(
            title: "서울 도심에 폭설",
            paragraphs: ["(서울=연합뉴스) 홍길동 기자 = 10일 서울 도심에 많은 눈이 내렸다.", "두 번째 문단이다."])
        XCTAssertEqual(DumpText.articles(dateline).first?.credit, "연합뉴스")
        // The photo's credit is the story's when both are given.
        let both = DumpText.article(
            title: "서울 도심에 폭설", caption: "서울 시내 모습 [사진=뉴시스]",
            paragraphs: ["(서울=연합뉴스) 홍길동 기자 = 10일 서울 도심에 많은 눈이 내렸다."])
        XCTAssertEqual(DumpText.articles(both).first?.credit, "뉴시스")
        let formula = DumpText.article(
            title: "Physics", paragraphs: ["(E=mc²) is the formula.", "Second paragraph."])
        XCTAssertNil(DumpText.articles(formula).first?.credit)
    }
}
