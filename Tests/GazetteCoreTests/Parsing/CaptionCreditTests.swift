import TestSupport
import XCTest

@testable import GazetteCore

final class CaptionCreditTests: XCTestCase {
    private func credit(_ caption: String) -> String? {
        CaptionCredit.credit(fromCaption: caption)
    }

    /// A credit run on to the sentence before it is shown set apart, and the scrape artefact
    /// "CreditCredit" as one "Credit" (found by QA); other captions are shown as they are.
    /// A caption told by its bytes not to run a credit on (no "Credit", no letter just after a
    /// sentence's end) is one the characters' rules leave as it is: over random captions made
    /// of markers, sentence ends, combining and prepended marks, and short lines of real files.
    func testACaptionToldByItsBytesNotToRunOnIsLeftAsItIs() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "Credit", "Cred", "it", "credit", ".", "!", "?", " ", "Photo:", "Photo :", "Foto:", "写真:", "사진:",
            "\u{301}", "\u{600}", "a", "Z", "é", "1", ":", "：", "U.S.", "(AFP)", "/", "\u{200D}", "\n",
        ]
        var captions: [String] = []
        for _ in 0..<20_000 {
            captions.append(
                (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator) ?? ""
                }.joined())
        }
        for url in [Fixtures.realNews, Fixtures.sample] {
            let text = try String(contentsOf: url, encoding: .utf8)
            captions += text.split(separator: "\n").prefix(3_000).map(String.init).filter {
                $0.utf8.count <= 200
            }
        }
        var leftAlone = 0
        for caption in captions where !CaptionCredit.mayRunOn(caption) {
            XCTAssertEqual(CaptionCredit.runOnSetApart(caption), caption, caption.debugDescription)
            leftAlone += 1
        }
        XCTAssertGreaterThan(leftAlone, 5_000)
    }

    func testDisplayFormSetsARunOnCreditApart() {
        XCTAssertEqual(
            CaptionCredit.displayForm(
                of: "A rally in Seoul on Thursday.Anthony Wallace / AFP - Getty Images"),
            "A rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images")
        XCTAssertEqual(
            CaptionCredit.displayForm(
                of: "Debt could surpass it in 2023.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock"),
            "Debt could surpass it in 2023. Credit Jeon Heon-Kyun/EPA, via Shutterstock")
        XCTAssertEqual(
            CaptionCredit.displayForm(of: "It rose in 2023.CreditJeon Heon-Kyun/EPA"),
            "It rose in 2023. Credit Jeon Heon-Kyun/EPA")
        XCTAssertEqual(
            CaptionCredit.displayForm(of: "A game.CreditCreditCreditJohn Roe/AP"),
            "A game. Credit John Roe/AP")
        XCTAssertEqual(
            CaptionCredit.displayForm(of: "Crowds in Beijing.Photo: AP"), "Crowds in Beijing. Photo: AP")
        XCTAssertEqual(
            CaptionCredit.displayForm(of: "An office.Photograph: Jane Doe/The Guardian"),
            "An office. Photograph: Jane Doe/The Guardian")
        for caption in [
            "Iranians at a bank branch in Tehran (IRNA)", "Sudan on Monday. Credit Ashraf Shazly/AFP",
            "Bankers at Credit Suisse in Zurich", "Traders at CreditSights. Photo: AP", "Photo: AP",
            "A view of Glasgow. REUTERS/Stringer", "No credit here.",
        ] {
            XCTAssertEqual(CaptionCredit.displayForm(of: caption), caption)
        }
    }

    /// "Photo by" is no part of the credit, and "Photo credit:" marks one (found by QA).
    func testPhotoByAndPhotoCredit() {
        XCTAssertEqual(credit("Smoke over a city (Photo by Jane Roe/Getty Images)"), "Jane Roe/Getty Images")
        XCTAssertEqual(credit("Workers (photo by John Smith)"), "John Smith")
        XCTAssertEqual(credit("A trader works. Photo credit: Bloomberg"), "Bloomberg")
        XCTAssertEqual(credit("A trader works. Image credit: Jane Doe"), "Jane Doe")
    }

    func testTrailingParenthesis() {
        XCTAssertEqual(credit("Iranians at a bank branch in Tehran (IRNA)"), "IRNA")
        XCTAssertEqual(
            credit("Netanyahu reacts. (Thomas Coex/AFP/Getty Images)"), "Thomas Coex/AFP/Getty Images")
    }

    /// Chinese and Japanese captions credit in full-width parentheses (no credit was found;
    /// found by QA).
    func testFullWidthParentheses() {
        XCTAssertEqual(credit("北京的一处建筑工地（新华社）"), "新华社")
        XCTAssertEqual(credit("東京証券取引所の株価ボード（共同通信）。"), "共同通信")
        XCTAssertNil(credit("首脑会议（2019）"))
    }

    /// A caption's closing square bracket credits as a closing parenthesis does ("… on Tuesday
    /// [AFP]", as Al Jazeera writes them), and no bracket is left in a credit: none was found,
    /// and "[Photo: EPA]" credited "EPA]" (found by QA).
    func testSquareBracketsCreditAsParentheses() {
        let cases: [(String, String)] = [
            ("Soldiers patrol the border area on Tuesday [AFP]", "AFP"),
            ("Soldiers patrol the border area on Tuesday [Reuters]", "Reuters"),
            ("Soldiers patrol the border area on Tuesday [Getty Images]", "Getty Images"),
            ("Soldiers patrol the border area on Tuesday [Mohammed Salem/Reuters]", "Mohammed Salem/Reuters"),
            ("Crowds gather in the square on Sunday [Photo: EPA]", "EPA"),
            (
                "Crowds gather in the square on Sunday [Photo by Jane Roe/Getty Images]",
                "Jane Roe/Getty Images"
            ),
            ("Crowds gather in the square on Sunday [AFP].", "AFP"),
            ("Crowds gather [Photo: EPA] in the square", "EPA"),
            ("Crowds gather (Photo: EPA) in the square", "EPA"),
            ("北京街头的市民［新华社］", "新华社"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        let text =
            "Border Patrols\n\nSoldiers patrol the border area on Tuesday [AFP]\nTT\n20\n\n"
            + "Border Patrols\n\nSoldiers patrolled the border."
        let article = DumpText.articles(text).first
        XCTAssertEqual(article?.credit, "AFP")
        XCTAssertEqual(article?.paragraphs, ["Soldiers patrolled the border."])
    }

    /// A closing bracket or parenthesis that names nobody credits nobody: a note's number, an
    /// editor's "[sic]", where someone stands ("[left]", "[pictured]"), "[file photo]".
    func testBracketsThatNameNobody() {
        for inner in [
            "1", "12", "2a", "12345678a", "sic", "Sic", "pictured", "left", "file photo", "2019",
            "citation needed", "L",
        ] {
            XCTAssertNil(credit("He waves to supporters in Dhaka [\(inner)]"), inner)
            XCTAssertNil(credit("He waves to supporters in Dhaka (\(inner))"), inner)
        }
        XCTAssertNil(credit("He called it 'a dissaster' [sic]."))
        XCTAssertNil(credit("Dhaka [Photo:]"))
        XCTAssertEqual(credit("He waves to supporters [left]. Photo: AFP"), "AFP")
        // A name with a number in it names someone.
        XCTAssertEqual(credit("A jet over the base [B52]"), "B52")
    }

    /// A closing bracket that says what the picture is names nobody: "(illustrative)",
    /// "(Screenshot)", "(courtesy)", "(stock image)" showed as the story's credit (found by QA).
    func testBracketsThatSayWhatThePictureIsNameNobody() {
        for inner in [
            "illustrative", "Illustrative", "illustration", "illustrative photo", "photo illustration",
            "Screenshot", "screen grab", "screengrab", "courtesy", "Courtesy photo", "stock image",
            "stock photo", "file picture", "file image", "archive image", "archive picture",
        ] {
            XCTAssertNil(credit("Police at the scene in Haifa (\(inner))"), inner)
            XCTAssertNil(credit("Police at the scene in Haifa [\(inner)]"), inner)
        }
        XCTAssertEqual(credit("Police at the scene in Haifa (Illustration: Jane Roe)"), "Jane Roe")
    }

    /// The word for "photo" or "source" before a credit goes inside parentheses of every kind,
    /// with either colon, in Chinese, Japanese and Korean as in English and Russian: "（图片来源：
    /// 新华社）" credited "图片来源：新华社" (found by QA).
    func testLabelsGoInsideParenthesesOfEveryKind() {
        let cases: [(String, String)] = [
            ("Crowds in the square (Photo: Reuters)", "Reuters"),
            ("Crowds in the square [Photo: Reuters]", "Reuters"),
            ("Митинг в центре Москвы (Фото: ТАСС)", "ТАСС"),
            ("北京街头的市民。（图：新华社）", "新华社"),
            ("北京街头的市民。（图片：新华社）", "新华社"),
            ("北京街头的市民。（摄影：李明）", "李明"),
            ("北京街头的市民。（摄：李明）", "李明"),
            ("北京街头的市民。（图片来源：新华社）", "新华社"),
            ("北京街头的市民。(图片来源:新华社)", "新华社"),
            ("北京街头的市民。（来源：新华社）", "新华社"),
            ("北京街头的市民。（新华社供图）", "新华社"),
            ("北京街头的市民。（供图：新华社）", "新华社"),
            ("台北街頭的市民。（圖片來源：中央社）", "中央社"),
            ("台北街頭的市民。（攝影：李明）", "李明"),
            ("北京街头的市民。图片来源：新华社", "新华社"),
            ("東京の街。（写真：ロイター）", "ロイター"),
            ("東京の街。(写真:ロイター)", "ロイター"),
            ("東京の街。写真：ロイター", "ロイター"),
            ("서울 도심의 시민들 (사진: 연합뉴스)", "연합뉴스"),
            ("서울 도심의 시민들（사진：연합뉴스）", "연합뉴스"),
            ("서울 도심의 시민들. 사진: 연합뉴스", "연합뉴스"),
            ("Crowds in the square（Photo：Reuters）", "Reuters"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        // A label's word inside another word is no label: "数据来源" is "data source".
        XCTAssertNil(credit("全国的数据来源：国家统计局的调查"))
    }

    /// A closing parenthesis credits only what names someone: not "(file photo)" or "(2019)";
    /// a marker inside it goes, as outside.
    func testParenthesesThatNameNobody() {
        XCTAssertNil(credit("Smoke rises over Gaza City (file photo)"))
        XCTAssertNil(credit("The summit in Rome (2019)"))
        XCTAssertNil(credit("John Smith (L) and Jane Doe (R)"))
        XCTAssertEqual(credit("Rescue teams at work (Photo: Anadolu Agency)"), "Anadolu Agency")
        XCTAssertEqual(credit("Crowds gather (Image: PA)"), "PA")
        XCTAssertEqual(credit("A bank in Tehran (IRNA)"), "IRNA")
    }

    func testAgencyToken() {
        XCTAssertEqual(
            credit("Containers in Rotterdam, November 1, 2022. REUTERS/Piroschka van de Wouw/File Photo"),
            "REUTERS/Piroschka van de Wouw/File Photo")
        XCTAssertEqual(credit("Rescuers at work, December 30, 2014.  REUTERS/Edgar Su"), "REUTERS/Edgar Su")
        XCTAssertEqual(credit("A man walks past a shop. AP Photo/Ali Reza"), "AP Photo/Ali Reza")
        XCTAssertEqual(credit("Delegates arrive for talks in Doha. AFP"), "AFP")
        XCTAssertEqual(credit("Smoke rises over the city — Getty Images"), "Getty Images")
        XCTAssertEqual(
            credit("Protesters gather in the square. AFP via Getty Images"), "AFP via Getty Images")
        XCTAssertEqual(
            credit("Traders at the exchange. Bloomberg via Getty Images"), "Bloomberg via Getty Images")
        XCTAssertEqual(credit("Firefighters at work. Getty Images"), "Getty Images")
        // After a bar (no credit was found; found by QA); a bar before other words names none.
        XCTAssertEqual(credit("A pump jack in Texas | Reuters"), "Reuters")
        XCTAssertEqual(credit("Rescuers at the site | AFP/Jane Roe"), "AFP/Jane Roe")
        XCTAssertNil(credit("Markets | the week ahead"))
    }

    /// An agency's "PHOTO" in capitals, as AFP and others print their credit ("AFP PHOTO /
    /// KHALED DESOUKI"), credits as "AP Photo/Name" does (no credit was found; found by QA).
    func testAgencyPhotoInCapitals() {
        XCTAssertEqual(
            credit("Protesters in Cairo. AFP PHOTO / KHALED DESOUKI"), "AFP PHOTO / KHALED DESOUKI")
        XCTAssertEqual(credit("Protesters in Cairo. AFP PHOTO/KHALED DESOUKI"), "AFP PHOTO/KHALED DESOUKI")
        XCTAssertEqual(credit("Crowds in Beijing. XINHUA PHOTO / LI MING"), "XINHUA PHOTO / LI MING")
        XCTAssertEqual(credit("Crowds in Kyiv. EPA PHOTO"), "EPA PHOTO")
        XCTAssertEqual(CaptionCredit.shortForm(of: "AFP PHOTO / KHALED DESOUKI"), "AFP PHOTO")
        XCTAssertNil(credit("Crowds in Kyiv. Reuters PHOTO"))
    }

    /// An agency named alone after the caption's last sentence, in any case ("… in Kyiv.
    /// Reuters") credits it, as "… in Kyiv. AFP" does (no credit was found; found by QA); an
    /// agency closing a sentence does not.
    func testAgencyAloneAfterTheLastSentence() {
        XCTAssertEqual(credit("Crowds gather in the centre of Kyiv. Reuters"), "Reuters")
        XCTAssertEqual(credit("Traders at the exchange on Monday. Bloomberg"), "Bloomberg")
        XCTAssertEqual(credit("Rescuers at work in Ankara! Anadolu"), "Anadolu")
        XCTAssertNil(credit("The minister speaks to Reuters"))
        XCTAssertNil(credit("The minister speaks. He told Reuters"))
        XCTAssertNil(credit("Crowds gather in the centre of Kyiv. Reuters reported it"))
    }

    /// An agency's whole name closing the caption, in capitals ("… ANADOLU AGENCY", "… XINHUA
    /// NEWS AGENCY") or after the last sentence in any case ("… Tokyo. Kyodo News"), credits
    /// it (no credit was found; found by QA); one closing a sentence does not.
    func testAgencyNameClosingTheCaption() {
        let cases: [(String, String)] = [
            ("Rescuers search the rubble in Hatay, Turkey. ANADOLU AGENCY", "ANADOLU AGENCY"),
            ("Rescuers search the rubble in Hatay, Turkey ANADOLU AGENCY", "ANADOLU AGENCY"),
            ("Rescuers search the rubble in Hatay, Turkey. Anadolu Agency", "Anadolu Agency"),
            ("Crowds in Beijing. XINHUA NEWS AGENCY", "XINHUA NEWS AGENCY"),
            ("Crowds in Seoul. Yonhap News Agency", "Yonhap News Agency"),
            ("Crowds in Tokyo. KYODO NEWS", "KYODO NEWS"),
            ("Crowds in London. PA Images", "PA Images"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        XCTAssertEqual(CaptionCredit.shortForm(of: "ANADOLU AGENCY"), "ANADOLU AGENCY")
        XCTAssertNil(credit("The minister spoke to Anadolu Agency"))
        XCTAssertNil(credit("Crowds in Hatay. ANADOLU AGENCY reported it"))
        XCTAssertNil(credit("Crowds in Hatay. Anadolu Agency staff were there"))
    }

    /// A label saying what the picture is before the credit's colon, in brackets or after the
    /// last sentence, is no part of the credit: "(Illustrative photo: Flash90)" credits Flash90
    /// (it credited "Illustrative photo: Flash90"; found by QA).
    func testLabelsThatSayWhatThePictureIsGoBeforeTheCredit() {
        let cases: [(String, String)] = [
            ("Police at the scene in Jerusalem (Illustrative photo: Flash90)", "Flash90"),
            ("Police at the scene in Jerusalem [File photo: Reuters]", "Reuters"),
            ("Police at the scene in Jerusalem (archive image: Jane Roe)", "Jane Roe"),
            ("Police at the scene in Jerusalem (Photo credit: Jane Roe)", "Jane Roe"),
            ("Police at the scene in Jerusalem. Illustrative photo: Flash90", "Flash90"),
            ("Police at the scene in Jerusalem. Stock image: Jane Roe", "Jane Roe"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        XCTAssertEqual(CaptionCredit.shortForm(of: "Flash90"), "Flash90")
        XCTAssertNil(credit("Police show a file photo: the suspect in Jerusalem"))
        XCTAssertNil(credit("Police at the scene (Illustrative photo:)"))
        XCTAssertNil(credit("Police at the scene. File photo: police gather at the scene in 2019"))
    }

    /// "Photo by" and the maker's name closing a caption without brackets credit the name
    /// (no credit was found; found by QA), after the last sentence or at the start; a photo
    /// by someone inside a sentence does not.
    func testPhotoByWithoutBrackets() {
        let cases: [(String, String)] = [
            ("Crowds in the square. Photo by Jane Doe", "Jane Doe"),
            ("Crowds in the square. Photo by Jane Doe.", "Jane Doe"),
            ("Photo by Jane Doe", "Jane Doe"),
            ("Crowds in the square. Photograph by Jane Roe for The Guardian", "Jane Roe for The Guardian"),
            ("Crowds in the square. PICTURE BY JANE DOE", "JANE DOE"),
            ("Crowds in the square - Photo by Jane Doe", "Jane Doe"),
            ("Crowds in the square. File photo by Jane Doe", "Jane Doe"),
            ("Crowds in the square. Illustration by Jane Roe", "Jane Roe"),
            ("Crowds in the square. Photo by Jane Doe/Getty Images", "Jane Doe/Getty Images"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        XCTAssertNil(credit("The exhibition shows a photo by Jane Doe"))
        XCTAssertNil(credit("Crowds gathered by the river on Sunday"))
        XCTAssertNil(credit("Crowds in the square. Photo by"))
        // What goes on as the caption is no name.
        XCTAssertNil(credit("Photo by Jane Doe. Crowds gather in the square"))
        XCTAssertNil(credit("Photo by NASA shows the Earth from orbit"))
        XCTAssertEqual(credit("Crowds in the square. Photo by J. R. Doe Jr."), "J. R. Doe Jr")
        XCTAssertEqual(credit("Crowds in the square. Photo by Ana de la Cruz"), "Ana de la Cruz")
    }

    /// A name longer than any agency's, glued to its agency by a slash, or an agency's name
    /// with a letter beyond ASCII after its sixteenth byte, is still read by characters: the
    /// words passed by on their bytes are only those that cannot credit.
    func testLongWordsAreStillLookedAt() {
        XCTAssertEqual(credit("Soldiers in Kyiv. ALEXANDERKHUDOTEPLYI/AFP"), "ALEXANDERKHUDOTEPLYI/AFP")
        XCTAssertEqual(credit("Soldiers in Kyiv. ALEXANDERKHUDOTEPLYÏ/AFP"), "ALEXANDERKHUDOTEPLYÏ/AFP")
        XCTAssertEqual(
            credit("Soldiers in Kyiv. AFP-ABCDEFGHIJKLMNOPQRSTUVWXYZ/Photo"),
            "AFP-ABCDEFGHIJKLMNOPQRSTUVWXYZ/Photo")
    }

    /// A photographer's name, a slash and the agency, as many sites print them (found by QA:
    /// no credit, or only "Getty Images").
    func testNameSlashAgency() {
        XCTAssertEqual(credit("Soldiers in Kyiv. SERGEI SUPINSKY/AFP"), "SERGEI SUPINSKY/AFP")
        XCTAssertEqual(credit("Soldiers in Kyiv. Alex Brandon/AP"), "Alex Brandon/AP")
        XCTAssertEqual(credit("Soldiers in Kyiv. Alex Brandon/AP Photo"), "Alex Brandon/AP Photo")
        XCTAssertEqual(credit("Soldiers in Kyiv. Evan Vucci/Reuters"), "Evan Vucci/Reuters")
        XCTAssertEqual(
            credit("Soldiers in Kyiv. Sergei Supinsky/AFP via Getty Images"),
            "Sergei Supinsky/AFP via Getty Images")
        XCTAssertEqual(
            credit("Soldiers in Kyiv. SERGEI SUPINSKY/AFP/Getty Images"), "SERGEI SUPINSKY/AFP/Getty Images")
        XCTAssertEqual(CaptionCredit.shortForm(of: "SERGEI SUPINSKY/AFP"), "AFP")
        XCTAssertNil(credit("The 9/11 memorial at dusk, seen from the river"))
        XCTAssertNil(credit("Engineers test the TCP/IP stack"))
        XCTAssertEqual(credit("Iranians at a bank branch in Tehran (IRNA)."), "IRNA")
    }

    func testMarkers() {
        XCTAssertEqual(credit("Soldiers on the street Credit: HARARE HERALD"), "HARARE HERALD")
        XCTAssertEqual(credit("Journalists at work. Source: Supplied"), "Supplied")
        XCTAssertEqual(
            credit("Whales on a beach. Photograph: Adrian Malloch for the Guardian"),
            "Adrian Malloch for the Guardian")
        XCTAssertEqual(
            credit("A ship in 2023.CreditCreditJeon Heon-Kyun/EPA, via Shutterstock"),
            "Jeon Heon-Kyun/EPA, via Shutterstock")
        XCTAssertEqual(
            credit("Sudan's capital. Credit Ashraf Shazly/Agence France-Presse — Getty Images"),
            "Ashraf Shazly/Agence France-Presse — Getty Images")
    }

    func testCreditGluedAfterFullStop() {
        XCTAssertEqual(
            credit("Yoon speaks on Thursday.Anthony Wallace / AFP - Getty Images"),
            "Anthony Wallace / AFP - Getty Images")
    }

    func testNoCredit() {
        XCTAssertNil(credit("Soldiers take part in a military exercise at Otar range"))
        XCTAssertNil(credit("Credit Suisse shares fell on Monday"))
        XCTAssertNil(credit(""))
        XCTAssertNil(credit("Empty parentheses ()"))
        XCTAssertNil(credit("Getty Images reported higher sales"))
        XCTAssertNil(credit("Bloomberg via"))
    }

    func testShortForm() {
        XCTAssertEqual(CaptionCredit.shortForm(of: "REUTERS/Piroschka van de Wouw/File Photo"), "REUTERS")
        XCTAssertEqual(CaptionCredit.shortForm(of: "Thomas Coex/AFP/Getty Images"), "AFP")
        // The agency alone, however the one that passed the picture on is joined to it.
        XCTAssertEqual(CaptionCredit.shortForm(of: "Anthony Wallace / AFP - Getty Images"), "AFP")
        XCTAssertEqual(
            CaptionCredit.shortForm(of: "Ashraf Shazly/Agence France-Presse — Getty Images"),
            "Agence France-Presse")
        XCTAssertEqual(CaptionCredit.shortForm(of: "AFP via Getty Images"), "AFP")
        XCTAssertEqual(CaptionCredit.shortForm(of: "IRNA"), "IRNA")
        XCTAssertEqual(CaptionCredit.shortForm(of: "HARARE HERALD"), "HARARE HERALD")
        // A feed's author written "Surname, Name" is one name (it showed as "Smith"; found by QA).
        XCTAssertEqual(CaptionCredit.shortForm(of: "Smith, John"), "Smith, John")
        XCTAssertEqual(
            CaptionCredit.shortForm(of: "Piroschka van de Wouw/File Photo"), "Piroschka van de Wouw")
    }

    /// A picture id closing the caption ("(12345678a)", Rex/Shutterstock's) is no credit: the
    /// credit is the one before it (the id was taken for it; found by QA). A year is none either.
    func testAPictureIdIsNoCredit() {
        XCTAssertEqual(
            credit("Waves crash on the pier. Photo: Jane Doe/Shutterstock (12345678a)"),
            "Jane Doe/Shutterstock")
        XCTAssertEqual(credit("Waves crash. Jane Doe/Shutterstock (12345678ab)."), "Jane Doe/Shutterstock")
        XCTAssertEqual(credit("Waves crash. REUTERS/Jane Doe (9876543)"), "REUTERS/Jane Doe")
        XCTAssertNil(credit("Waves crash on the pier (12345678a)"))
        XCTAssertNil(credit("Waves crash on the pier (2019)"))
        // A word with digits in it, or three digits, stays what it was.
        XCTAssertEqual(credit("Fans at the game (Photo: F1)"), "F1")
        XCTAssertEqual(credit("A jet over the base (B52)"), "B52")
    }

    /// The word for "photo" in other languages marks a credit and is no part of it; agencies
    /// of other countries are known; a copyright sign names the holder (the credit kept its
    /// marker, or none was found; found by QA).
    /// A marker in a quoted title is no credit, and "摄" credits the agency and name before it,
    /// not the caption's words (both found by QA).
    func testQuotedMarkersAndTakenByCreditOnlyTheirNames() {
        XCTAssertNil(
            CaptionCredit.credit(
                fromCaption: "The exhibition 'Foto: Modernity in Central Europe' opens in Washington"))
        XCTAssertNil(CaptionCredit.credit(fromCaption: "Die Ausstellung „Bild: Wahrheit“ im Museum"))
        XCTAssertEqual(CaptionCredit.credit(fromCaption: "Boats in port. Foto: dpa"), "dpa")
        XCTAssertEqual(CaptionCredit.credit(fromCaption: "People in the square 新华社记者 李明 摄"), "新华社记者 李明")
        XCTAssertEqual(CaptionCredit.credit(fromCaption: "北京街头的市民 新华社记者 李明 摄"), "新华社记者 李明")
        XCTAssertEqual(CaptionCredit.credit(fromCaption: "北京街头的市民。新华社记者 李明 摄"), "新华社记者 李明")
        XCTAssertEqual(CaptionCredit.credit(fromCaption: "北京街头的市民（新华社记者 李明 摄）"), "新华社记者 李明")
    }

    func testCreditsInOtherLanguages() {
        let cases: [(String, String)] = [
            ("Demonstranten in Berlin. Foto: dpa", "dpa"),
            ("Demonstranten in Berlin. Bild: Keystone", "Keystone"),
            ("Manifestantes en Madrid. (Foto: EFE)", "EFE"),
            ("Manifestantes en Madrid. EFE/Juan Pérez", "EFE/Juan Pérez"),
            ("Демонстранты в Москве. Фото: ТАСС", "ТАСС"),
            ("متظاهرون في القاهرة. تصوير: رويترز", "رويترز"),
            ("बारिश के बाद सड़क पर लोग (फोटो: पीटीआई)", "पीटीआई"),
            ("东京的街道。写真：共同", "共同"),
            ("举行会议。新华社记者 李明 摄", "新华社记者 李明"),
            ("Des manifestants à Paris. (Photo Thomas Samson/AFP)", "Thomas Samson/AFP"),
            ("Des manifestants à Paris. Photo : Thomas Samson", "Thomas Samson"),
            ("Smoke rises over the city. © AFP 2024", "AFP"),
            ("Smoke rises over the city. © 2024 Jane Doe", "Jane Doe"),
            ("Soldiers patrol the border. AFP Photo", "AFP Photo"),
        ]
        for (caption, expected) in cases {
            XCTAssertEqual(credit(caption), expected, caption)
        }
        XCTAssertNil(credit("Officials meet in Brussels (left to right)."))
        // "Photo" before a word that names no agency stays.
        XCTAssertEqual(credit("A photo of the team (Photo Gallery)"), "Photo Gallery")
        XCTAssertNil(credit("Copyright © 2024"))
        XCTAssertEqual(
            CaptionCredit.displayForm(of: "Demonstranten in Berlin.Foto: dpa"),
            "Demonstranten in Berlin. Foto: dpa")
    }

    /// A header with several photos credits each distinct credit once, in order, in the story
    /// and in a narrow column: only the first photo's showed (found by QA).
    func testEachPhotosCreditShowsOnceInOrder() {
        let cases: [([String], String, String)] = [
            (
                ["Waves (AFP)", "Waves (AFP)", "A boat (Reuters)", "A boat (Reuters)"], "AFP, Reuters",
                "AFP, Reuters"
            ),
            (["Waves (AFP)", "A boat (Reuters)", "A street (AFP)"], "AFP, Reuters", "AFP, Reuters"),
            (
                ["Waves. Jane Doe/AFP", "A boat. John Roe/AFP", "A street. REUTERS/Ann Poe"],
                "Jane Doe/AFP, John Roe/AFP, REUTERS/Ann Poe", "AFP, REUTERS"
            ),
        ]
        for (captions, credit, short) in cases {
            let block = captions.joined(separator: "\n")
            let text = "Storm Hits Coast\n\n\(block)\nTT\n20\n\nStorm Hits Coast\n\nA storm hit."
            let article = DumpText.articles(text).first
            XCTAssertEqual(article?.credit, credit, block)
            XCTAssertEqual(article?.paragraphs, ["A storm hit."], block)
            let details = ArticleDetails(credits: [credit], wordCount: 0, ideographs: 0)
            XCTAssertEqual(details.credit, credit)
            let all = ArticleDetails(
                credits: credit.components(separatedBy: ", "), wordCount: 0, ideographs: 0)
            XCTAssertEqual(all.credit, credit)
            XCTAssertEqual(all.shortCredit, short, block)
        }
        XCTAssertEqual(CaptionCredit.shortForm(ofCredits: ["Smith, John"]), "Smith, John")
        // One agency in two cases is one: it read "Reuters, REUTERS" (found by QA).
        XCTAssertEqual(CaptionCredit.shortForm(ofCredits: ["Reuters", "REUTERS/Jane Roe"]), "Reuters")
        XCTAssertNil(ArticleDetails(credits: [], wordCount: 0, ideographs: 0).shortCredit)
    }
}

/// A caption's words split on its bytes where that is the split by characters.
final class CaptionWordsSplitTests: XCTestCase {
    func testTheBytesSplitAsTheCharactersDo() {
        let pieces = [
            "word", "AFP", "Getty Images", " ", "  ", "é", "Genève’s", "“quoted”", "a\u{301}", "\u{301}",
            "\r\n",
            "\r", "\n", "\t", "日本", "😀", "👩‍👩‍👧", "🇫🇷", "\u{600}", "\u{200D}", "\u{FE0F}", "/", "-", ".",
        ]
        var generator = SeededGenerator(seed: 52)
        for round in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            XCTAssertEqual(
                CaptionCredit.spaceSeparatedWords(text), text.split(separator: " "),
                "round \(round): \(text.debugDescription)")
        }
        XCTAssertEqual(
            CaptionCredit.spaceSeparatedWords(" Kyiv.  SERGEI SUPINSKY/AFP "),
            ["Kyiv.", "SERGEI", "SUPINSKY/AFP"])
    }
}
