import TestSupport
import XCTest

@testable import GazetteCore

/// A wire story opens its text with a dateline naming the agency ("LONDON (Reuters) - …",
/// "【ワシントン共同】…"): it credits the story when no caption does. Only Korean datelines did.
final class WireDatelineTests: XCTestCase {
    private func agency(_ paragraph: String) -> String? {
        WireDateline.agency(opening: Substring(paragraph))
    }

    /// A place in capitals, a known agency in parentheses, a dash.
    func testAnEnglishDatelineNamesItsAgency() {
        XCTAssertEqual(
            agency("LONDON (Reuters) - A healthcare worker has been diagnosed with Ebola."), "Reuters")
        XCTAssertEqual(agency("WASHINGTON (AP) — The Senate voted on Tuesday."), "AP")
        XCTAssertEqual(agency("PARIS (AFP) – France said on Monday."), "AFP")
        XCTAssertEqual(agency("KYIV, Ukraine (AP) — Russia fired missiles."), "AP")
        XCTAssertEqual(agency("SAN FRANCISCO (Reuters) -- Shares rose."), "Reuters")
        XCTAssertEqual(agency("SURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers found wreckage."), "Reuters")
        XCTAssertEqual(agency("LONDON, Dec 29 (Reuters) - Oil prices fell."), "Reuters")
        XCTAssertEqual(agency("ST. LOUIS (AP) — A jury found."), "AP")
    }

    /// Anything else opening a paragraph names nobody: a capital word without the agency's
    /// parentheses and dash, an unknown name in them, a sentence before them.
    func testOtherOpeningsNameNobody() {
        for paragraph in [
            "London (Reuters) - Mixed case is no dateline.",
            "LONDON - A dash without an agency.",
            "LONDON (Reuters) A missing dash.",
            "LONDON (Reuters) -No space after the dash.",
            "LONDON (Acme Corp) - An unknown name.",
            "NASA (the space agency) - said on Monday.",
            "US officials (AP) said that it was so on Monday.",
            "The WHO said on Monday (Reuters) - that it was so.",
            "A (AP) - one letter.",
            "UN: talks (AP) - end.",
            "【ワシントン＝山田太郎】米大統領は",
            "【共同】米大統領は",
            "【社説】米大統領は",
            "【ワシントン・ニューヨーク共同】米大統領は",
            "ワシントン共同】米大統領は",
        ] {
            XCTAssertNil(agency(paragraph), paragraph)
        }
    }

    /// "【place+agency】": Kyodo and Jiji datelines in Japanese.
    func testAJapaneseDatelineNamesItsAgency() {
        XCTAssertEqual(agency("【ワシントン共同】米大統領は10日、"), "共同")
        XCTAssertEqual(agency("【北京時事】中国外務省は"), "時事")
        XCTAssertEqual(agency("【ニューヨーク共同】株価は"), "共同")
    }

    /// Arabic datelines: a place of a few words (Arabic has no capitals to tell it), a known
    /// agency in parentheses, in Arabic or Latin letters and kept as written, a dash after it or
    /// before it; Anadolu's after a slash.
    func testAnArabicDatelineNamesItsAgency() {
        XCTAssertEqual(agency("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة"), "CNN")
        XCTAssertEqual(agency("القاهرة (رويترز) - قال مسؤولون"), "رويترز")
        XCTAssertEqual(agency("بيروت - (أ ف ب) - أعلن الجيش"), "أ ف ب")
        XCTAssertEqual(agency("بيروت - (أ ف ب) أعلن الجيش"), "أ ف ب")
        XCTAssertEqual(agency("بيروت (أ ف ب) – أعلن الجيش"), "أ ف ب")
        XCTAssertEqual(agency("بيروت (ا ف ب) - أعلن الجيش"), "ا ف ب")
        XCTAssertEqual(agency("باريس (فرانس برس) - قالت الحكومة"), "فرانس برس")
        XCTAssertEqual(agency("الأمم المتحدة (رويترز) - قال الأمين العام"), "رويترز")
        XCTAssertEqual(agency("الكويت - 10 - 5 (كونا) -- قال"), "كونا")
        XCTAssertEqual(agency("برلين (د ب أ) ـ قالت الشرطة"), "د ب أ")
        XCTAssertEqual(agency("واشنطن (AP) - قال"), "AP")
        XCTAssertEqual(agency("أنقرة/ الأناضول"), "الأناضول")
        XCTAssertEqual(agency("إسطنبول/ أحمد علي/ الأناضول - قال"), "الأناضول")
        // CNN's own datelines in English read as the agencies' do.
        XCTAssertEqual(agency("WASHINGTON (CNN) -- The Senate voted."), "CNN")
    }

    /// Anything else opening an Arabic paragraph names nobody: a sentence before the parentheses,
    /// no agency or an unknown name in them, no dash, no space.
    func testOtherArabicOpeningsNameNobody() {
        for paragraph in [
            "قال المرصد السوري لحقوق الإنسان (رويترز) - إن المقاتلين",
            "القاهرة - قال مسؤولون",
            "القاهرة (رويترز) قال مسؤولون",
            "القاهرة (مصدر مطلع) - قال",
            "القاهرة (رويترز) -قال",
            "القاهرة(رويترز) - قال",
            "القاهرة (CBS) - قال",
            "أنقرة/ وزارة الخارجية",
            "أنقرة/ الأناضولية",
            "قال مسؤول في وزارة الدفاع/ الأناضول",
            "(رويترز) - قال مسؤولون",
        ] {
            XCTAssertNil(agency(paragraph), paragraph)
        }
    }

    /// The Korean dateline as before.
    func testAKoreanDatelineNamesItsAgency() {
        XCTAssertEqual(agency("(서울=연합뉴스) 홍길동 기자 = 10일 서울 도심에 눈이 내렸다."), "연합뉴스")
    }

    /// A dump story's credit: the dateline's agency when no caption credits, the caption's
    /// credit when it does.
    func testADumpStoryCreditsItsDatelineAgency() {
        let english = DumpText.article(
            title: "Healthcare worker in Scotland diagnosed with Ebola",
            paragraphs: ["LONDON (Reuters) - A healthcare worker has been diagnosed with Ebola.", "Second."])
        XCTAssertEqual(DumpText.articles(english).first?.credit, "Reuters")
        let japanese = DumpText.article(
            title: "米大統領が会見", paragraphs: ["【ワシントン共同】米大統領は10日、会見した。", "二段落目。"])
        XCTAssertEqual(DumpText.articles(japanese).first?.credit, "共同")
        let captioned = DumpText.article(
            title: "Healthcare worker in Scotland diagnosed with Ebola",
            caption: "A general view of the hospital in Glasgow. REUTERS/Stringer",
            paragraphs: ["LONDON (AP) - A healthcare worker has been diagnosed with Ebola.", "Second."])
        XCTAssertEqual(DumpText.articles(captioned).first?.credit, "REUTERS/Stringer")
        let plain = DumpText.article(
            title: "Healthcare worker diagnosed",
            paragraphs: ["LONDON - A healthcare worker fell ill.", "Second."])
        XCTAssertNil(DumpText.articles(plain).first?.credit)
        let arabic = DumpText.article(
            title: "اشتباكات في ريف دمشق",
            paragraphs: ["القاهرة (رويترز) - قال مسؤولون إن الاشتباكات استمرت.", "ثانياً."])
        XCTAssertEqual(DumpText.articles(arabic).first?.credit, "رويترز")
        let arabicCaptioned = DumpText.article(
            title: "اشتباكات في ريف دمشق", caption: "مقاتلون في ريف دمشق (AFP)",
            paragraphs: ["القاهرة (رويترز) - قال مسؤولون إن الاشتباكات استمرت.", "ثانياً."])
        XCTAssertEqual(DumpText.articles(arabicCaptioned).first?.credit, "AFP")
    }

    /// The real dump's Arabic story, which no caption credits, is credited to CNN by its
    /// dateline ("دمشق، سوريا (CNN) -- …"); the other stories' credits are as they were.
    func testTheRealDumpsArabicStoryCreditsCNN() throws {
        let articles = DumpText.articles(bytes: Array(try Data(contentsOf: Fixtures.realNews)))
        let arabic = articles.first { $0.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق" }
        XCTAssertEqual(arabic?.credit, "CNN")
        XCTAssertEqual(articles.filter { $0.credit != nil }.count, 10)
    }
}
