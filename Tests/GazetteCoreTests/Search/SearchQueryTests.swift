import GazetteCore
import TestSupport
import XCTest

final class SearchQueryTests: XCTestCase {
    private func matches(_ query: String, _ text: String) -> Bool {
        SearchQuery(query).matches(folded: TextFolding.fold(text))
    }

    /// Queries given apart (`--grep a --grep b`) must all match, as the words of one do: the
    /// last was the only one kept (found by QA).
    func testQueriesGivenApartMustAllMatch() {
        let query = SearchQuery(all: ["state", "\"foreign ministry\" IRAN"])
        XCTAssertEqual(query.terms, SearchQuery("state \"foreign ministry\" iran").terms)
        XCTAssertTrue(query.matches(folded: TextFolding.fold("Iran's foreign ministry and the state")))
        XCTAssertFalse(query.matches(folded: TextFolding.fold("Iran's foreign ministry")))
        XCTAssertTrue(SearchQuery(all: []).isEmpty)
        XCTAssertTrue(SearchQuery(all: ["", " "]).isEmpty)
    }

    func testCaseIsIgnored() {
        XCTAssertTrue(matches("tehran", "Iranians at a bank branch in TEHRAN"))
        XCTAssertTrue(matches("IRAN", "Iran pays"))
        XCTAssertFalse(matches("iraq", "Iran pays"))
    }

    func testDiacriticsAreIgnoredBothWays() {
        XCTAssertTrue(matches("Tehran", "a day in tehrān"))
        XCTAssertTrue(matches("tehrān", "a day in Tehran"))
        XCTAssertTrue(matches("ecole", "L’École normale"))
        XCTAssertTrue(matches("maori", "Māori tribes"))
        XCTAssertTrue(matches("Zurich", "Zürich"))
        XCTAssertTrue(matches("e\u{301}cole", "ecole"), "combining accents in the query fold too")
    }

    func testTypographicApostrophesAreTheTypedOne() {
        XCTAssertTrue(matches("Netanyahu's", "after Netanyahu’s victory"))
        XCTAssertTrue(matches("\"it's a\"", "It‘s a ʼtestʼ"))
        XCTAssertTrue(matches("don’t", "don't stop"))
        XCTAssertFalse(matches("its", "it’s"))
    }

    func testFullWidthAndLigaturesFold() {
        XCTAssertTrue(matches("abc", "ＡＢＣ news"))
        XCTAssertTrue(matches("office", "the ofﬁce"))
    }

    func testCJKMatchesWithoutWordBoundaries() {
        XCTAssertTrue(matches("留学生", "海外留学生看两会：出国前后关注点大不同"))
        XCTAssertTrue(matches("两会 出国", "海外留学生看两会：出国前后关注点大不同"))
        XCTAssertFalse(matches("北京", "海外留学生看两会"))
    }

    /// Indic and Thai vowel signs and viramas, and kana voicing marks, are letters: folding
    /// them away found "देश" for "दिशा" and highlighted the wrong words (found by QA).
    func testIndicThaiAndKanaMarksAreLettersNotAccents() {
        XCTAssertFalse(matches("दिशा", "भारत देश की राजधानी"))
        XCTAssertTrue(matches("देश", "भारत देश की राजधानी"))
        XCTAssertFalse(matches("নাতি", "নতুন নীতি ঘোষণা"))
        XCTAssertTrue(matches("নীতি", "নতুন নীতি ঘোষণা"))
        XCTAssertFalse(matches("தாமழ", "தமிழ் செய்தி"))
        XCTAssertTrue(matches("தமிழ்", "தமிழ் செய்தி"))
        XCTAssertFalse(matches("กา", "ข่าวกำลังมา"))
        XCTAssertTrue(matches("กำลัง", "ข่าวกำลังมา"))
        XCTAssertFalse(matches("か", "がっこう"))
        XCTAssertTrue(matches("ガ", "ｶﾞｯｺｳ"), "half-width kana with a voicing mark folds to the full form")
        let query = SearchQuery("ন্ত")
        XCTAssertEqual(query.highlights(in: "নতুন নীতি সিদ্ধান্ত").count, 1)
        // Latin, Greek, Cyrillic, Hebrew and Arabic accents still fold away.
        XCTAssertTrue(matches("viet nam", "Việt Nam"))
        XCTAssertTrue(matches("αθηνα", "Αθήνα"))
        XCTAssertTrue(matches("שלום", "שָׁלוֹם"))
    }

    /// Hangul syllables and voiced kana in a story are found: the query was decomposed
    /// (서 into jamo, が into か and a mark) while the stories' text is matched as written, so
    /// Korean never matched and Japanese missed every voiced kana (found by QA).
    func testKoreanAndVoicedKanaAreFound() {
        XCTAssertTrue(matches("서울", "서울은 대한민국의 수도입니다"))
        XCTAssertTrue(matches("대한민국", "서울은 대한민국의 수도입니다"))
        XCTAssertTrue(matches("です", "東京がかわいいです。"))
        XCTAssertTrue(matches("ガイドブック", "ガイドブックを読んで"))
        XCTAssertFalse(matches("が", "かわいい"), "a voiced kana is not its plain one")
        for (query, text) in [("서울", "서울은"), ("です", "かわいいです"), ("ブック", "ガイドブック")] {
            XCTAssertTrue(FoldedMatcher(SearchQuery(query)).matches(text), query)
        }
    }

    /// Korean written as jamo (NFD) and kana with a separate voicing mark (NFD, half-width)
    /// are found as the same words written whole, either way round; the headline filter
    /// compares bytes, and missed them while the highlighter found them (noted in an earlier stop).
    func testDecomposedHangulAndKanaAreFoundAsTheWholeForms() {
        func found(_ query: String, _ text: String) -> Bool {
            FoldedMatcher(SearchQuery(query)).matches(text)
        }
        let seoul = "서울은 대한민국의 수도"
        let seoulNFD = seoul.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(seoul.utf8), Array(seoulNFD.utf8))
        XCTAssertTrue(found("서울", seoulNFD))
        XCTAssertTrue(found("대한민국", seoulNFD))
        XCTAssertTrue(found("서울".decomposedStringWithCanonicalMapping, seoul))
        XCTAssertTrue(found("각", "가\u{11A8}"), "a syllable and a trailing consonant")
        XCTAssertFalse(found("서", "\u{1109}\u{1165}\u{11AB}"), "선 is not 서")
        XCTAssertTrue(found("선", "\u{1109}\u{1165}\u{11AB}"))
        XCTAssertTrue(found("ガ", "ｶﾞｯｺｳ"))
        XCTAssertTrue(found("ｶﾞｯｺｳ", "ガッコウ"))
        XCTAssertTrue(found("がっこう", "か\u{3099}っこう"))
        XCTAssertTrue(found("パン", "ﾊﾟﾝ"))
        XCTAssertFalse(found("か", "か\u{3099}"), "a voiced kana is not its plain one")
        XCTAssertFalse(found("バ", "ﾊﾟﾝ"), "the half-voiced mark is not the voiced one")
        XCTAssertTrue(found("東京", "東京\u{3099}"), "a mark after an ideograph stays a mark")
        // The highlights agree with the matcher.
        XCTAssertEqual(SearchQuery("ガ").highlights(in: "ｶﾞｯｺｳ"), [0..<1])
        XCTAssertEqual(SearchQuery("ｶﾞｯ").highlights(in: "ガッコウ"), [0..<2])
        XCTAssertEqual(SearchQuery("서울").highlights(in: seoulNFD), [0..<2])
        XCTAssertEqual(SearchQuery("か").highlights(in: "か\u{3099}"), [])
    }

    /// Chinese or Japanese hard-wrapped in a file is one text: the line break is no space
    /// (found by QA: "東京 / 大学" was shown "東京 大学" and not found as 東京大学).
    func testUnspacedScriptsAreJoinedAcrossLineBreaks() {
        XCTAssertEqual(UnspacedScript.join(["今日は東京", "大学で講義があります。"]), "今日は東京大学で講義があります。")
        XCTAssertEqual(UnspacedScript.join(["Central", "bank"]), "Central bank")
        XCTAssertEqual(UnspacedScript.join(["서울은", "대한민국의"]), "서울은 대한민국의", "Korean has spaces")
        XCTAssertEqual(UnspacedScript.join(["東京", "bank", "大学"]), "東京 bank 大学")
        let matcher = FoldedMatcher(SearchQuery("東京大学"))
        XCTAssertTrue(matcher.matches("今日は東京\n大学で"))
        XCTAssertTrue(matcher.matches("今日は東京 \r\n 大学で"))
        XCTAssertFalse(matcher.matches("今日は東京 大学で"), "a space typed between them stays")
        XCTAssertFalse(FoldedMatcher(SearchQuery("centralbank")).matches("central\nbank"))
        XCTAssertTrue(FoldedMatcher(SearchQuery("central bank")).matches("central\nbank"))
    }

    /// A line break between Chinese or Japanese and punctuation, on either side, or between
    /// two such characters with punctuation between, is no space: "他说" / "“你好”" read "他说
    /// “你好”" (found by a search test). Punctuation next to other text keeps the space.
    /// An article of one paragraph whose lines (a list's items) are `lines`.
    private static func article(_ lines: [String]) -> Article {
        Article(
            id: ArticleID("x"), title: "t", paragraphs: [lines.joined(separator: "\n")], wordCount: 0,
            readingMinutes: 0, source: "s")
    }

    func testALineBreakBesidePunctuationInChineseIsNoSpace() {
        // The lines, as joined, and a piece across the break (a query holds no curly double
        // quote, which ends a phrase).
        let joined: [([String], String, String?)] = [
            (["他说", "“你好”"], "他说“你好”", nil),
            (["“你好”", "他说"], "“你好”他说", nil),
            (["卢宇说，“", "在国外学习"], "卢宇说，“在国外学习", nil),
            (["“你好。”", "“再见。”"], "“你好。”“再见。”", nil),
            (["国家‘一带一路’", "建设"], "国家‘一带一路’建设", "一路’建设"),
            (["国家‘", "一带一路’"], "国家‘一带一路’", "国家‘一带"),
            (["增长", "(人工智能)"], "增长(人工智能)", "增长(人工"),
            (["他说……", "我们走吧"], "他说……我们走吧", "说……我们"),
            (["他说：", "……", "我们走吧"], "他说：……我们走吧", "说：……我们"),
        ]
        for (lines, text, piece) in joined {
            XCTAssertEqual(UnspacedScript.join(lines), text)
            guard let piece else { continue }
            // The search of the files reads the line breaks so, as do the highlights.
            let query = SearchQuery(piece)
            XCTAssertTrue(FoldedMatcher(query).matches(lines.joined(separator: "\n")), piece)
            XCTAssertTrue(FoldedMatcher(query).matches(lines.joined(separator: "\r\n")), piece)
            XCTAssertTrue(FoldedMatcher(query).matches(lines.joined(separator: "\n\n  ")), piece)
            XCTAssertFalse(FoldedMatcher(query).matches(lines.joined(separator: " ")), "a space typed stays")
            XCTAssertFalse(query.highlights(inLines: lines).allSatisfy(\.isEmpty), piece)
            XCTAssertTrue(query.matches(Self.article(lines)), piece)
        }
        // Punctuation beside other text keeps the space: the letter past it is no Chinese.
        let spaced: [([String], String, String)] = [
            (["Hello,", "你好"], "Hello, 你好", "hello,你好"),
            (["東京", "(Tokyo) is"], "東京 (Tokyo) is", "東京(tokyo)"),
            (["He said ‘", "hello’"], "He said ‘ hello’", "‘hello"),
            (["서울은", "‘한국’"], "서울은 ‘한국’", "서울은‘한국"),
            (["2024年", "5月"], "2024年 5月", "年5月"),
        ]
        for (lines, text, piece) in spaced {
            XCTAssertEqual(UnspacedScript.join(lines), text)
            let query = SearchQuery(piece)
            XCTAssertFalse(FoldedMatcher(query).matches(lines.joined(separator: "\n")), piece)
            XCTAssertTrue(query.highlights(inLines: lines).allSatisfy(\.isEmpty), piece)
            XCTAssertFalse(query.matches(Self.article(lines)), piece)
        }
        XCTAssertEqual(SearchQuery("一路’建设").highlights(inLines: ["国家‘一带一路’", "建设"]), [[5..<8], [0..<2]])
    }

    /// Thai, Lao, Khmer and Myanmar wrapped mid-word in a file are joined without a space, as
    /// Chinese is ("ประเท" / "ศไทย" read "ประเท ศไทย", on the screen and for the search).
    func testThaiLaoKhmerAndMyanmarWrappedMidWordAreJoined() {
        let cases: [([String], String)] = [
            (["กรุงเทพมหานครเป็นเมืองหลวงของประเท", "ศไทย"], "ประเทศไทย"),
            (["ວຽງຈັນເປັນນະຄອນຫຼວ", "ງຂອງປະເທດລາວ"], "ນະຄອນຫຼວງຂອງ"),
            (["រាជធានីភ្នំពេញគឺជាទីក្រុ", "ងធំបំផុតរបស់កម្ពុជា"], "ទីក្រុងធំ"),
            (["ရန်ကုန်မြို့သည် အကြီးဆုံးမြို့", "ဖြစ်သည်"], "မြို့ဖြစ်"),
            (["ประเทศไทย", "“กรุงเทพ”"], "ไทย“กรุงเทพ"),
        ]
        for (lines, piece) in cases {
            XCTAssertEqual(UnspacedScript.join(lines), lines.joined())
            XCTAssertTrue(FoldedMatcher(SearchQuery(piece)).matches(lines.joined(separator: "\n")), piece)
            XCTAssertFalse(SearchQuery(piece).highlights(inLines: lines).allSatisfy(\.isEmpty), piece)
            XCTAssertTrue(SearchQuery(piece).matches(Self.article(lines)), piece)
        }
        XCTAssertEqual(UnspacedScript.join(["ประเทศไทย", "Bangkok"]), "ประเทศไทย Bangkok")
        XCTAssertFalse(FoldedMatcher(SearchQuery("ไทยbangkok")).matches("ประเทศไทย\nBangkok"))
        // A space of the text where the screen wrapped stays a space, Thai or not.
        let query = SearchQuery("ภาษาไทย")
        XCTAssertFalse(FoldedMatcher(query).matches("ภาษา ไทย"))
        let wrapped = [SearchQuery.LineReading(), SearchQuery.LineReading(followsSpace: true)]
        XCTAssertEqual(query.highlights(inLines: ["ภาษา", "ไทย"], readings: wrapped), [[], []])
        XCTAssertEqual(query.highlights(inLines: ["ภาษา", "ไทย"]), [[0..<4], [0..<3]])
    }

    /// A word is found in a story's own match as the search of the files finds it, scalar by
    /// scalar: the match compared characters, and "မြို့ဖြစ်" was not found in
    /// "အကြီးဆုံးမြို့ဖြစ်သည်", which holds it (found by a search test).
    func testAStorysMatchFindsAMyanmarWordItHolds() {
        let text = "ရန်ကုန်သည် အကြီးဆုံးမြို့ဖြစ်သည်"
        let article = Article(
            id: ArticleID("x"), title: "t", paragraphs: [text], wordCount: 0, readingMinutes: 0, source: "s")
        for piece in ["မြို့ဖြစ်", "ဆုံးမြို့", "ဖြစ်သည်"] {
            XCTAssertTrue(FoldedMatcher(SearchQuery(piece)).matches(text), piece)
            XCTAssertTrue(SearchQuery(piece).matches(article), piece)
        }
    }

    /// A no-break, ideographic or thin space in a story is a space to the search, as to the
    /// story's own match: each folded to nothing, a phrase holding one was not found and words
    /// either side of it ran together ("mardi 5 mai" in French news; found by a test).
    func testUnicodeSpacesAreSpaces() {
        for space in ["\u{A0}", "\u{3000}", "\u{2009}", "\u{202F}"] {
            let text = "vote solennel, mardi\(space)5\(space)mai, à Paris"
            XCTAssertTrue(
                FoldedMatcher(SearchQuery("\"mardi 5 mai\"")).matches(text), "\(space.unicodeScalars)")
            XCTAssertTrue(FoldedMatcher(SearchQuery("\"mardi\(space)5 mai\"")).matches(text))
            XCTAssertFalse(FoldedMatcher(SearchQuery("mardi5")).matches(text))
            XCTAssertTrue(matches("\"mardi 5 mai\"", text))
        }
        XCTAssertEqual(TextFolding.fold("\u{A0}", keepingSpace: true), " ")
        XCTAssertEqual(TextFolding.fold("\u{A0}"), "")
    }

    /// Letters with a stroke, and ligatures, fold to what people type.
    func testLettersWithAStrokeFold() {
        XCTAssertTrue(matches("lodz", "Łódź"))
        XCTAssertTrue(matches("aeroskobing", "Ærøskøbing"))
        XCTAssertTrue(matches("thu do", "Hà Nội là thủ đô"))
        XCTAssertTrue(matches("strasse", "Hauptstraße"))
        XCTAssertEqual(SearchQuery("lodz").highlights(in: "in Łódź today"), [3..<7])
    }

    /// A Greek word ending in a final sigma is found by its upper case (found by QA).
    func testTheFinalSigmaIsASigma() {
        XCTAssertTrue(matches("ΣΙΣΥΦΟΣ", "ΟΔΥΣΣΕΥΣ and Σίσυφος"))
        XCTAssertTrue(matches("σισυφος", "ΣΙΣΥΦΟΣ"))
        XCTAssertTrue(FoldedMatcher(SearchQuery("ΣΙΣΥΦΟΣ")).matches("ΟΔΥΣΣΕΥΣ and Σίσυφος"))
        XCTAssertTrue(FoldedMatcher(SearchQuery("οδυσσευς")).matches("ΟΔΥΣΣΕΥΣ"))
        XCTAssertEqual(SearchQuery("ΣΙΣΥΦΟΣ").highlights(in: "and Σίσυφος."), [4..<11])
    }

    /// `й`, `ў` and `ї` are letters of their own, written whole or as a letter and a mark: "мои"
    /// found "мой" (its breve was dropped as an accent; found by QA). `ё` is still `е`.
    func testCyrillicLettersWithAMarkAreThemselves() {
        XCTAssertFalse(matches("мои", "это мой дом"))
        XCTAssertTrue(matches("мой", "это мой дом"))
        XCTAssertTrue(matches("МОЙ", "это мой дом"))
        XCTAssertTrue(matches("мой", "это мои\u{306} дом"), "a breve written apart in the text")
        XCTAssertTrue(matches("мои\u{306}", "это мой дом"), "a breve written apart in the query")
        XCTAssertFalse(matches("мои", "это мои\u{306} дом"))
        XCTAssertTrue(matches("ёлка", "елка"))
        XCTAssertTrue(matches("елка", "Ёлка"))
        XCTAssertFalse(matches("Украiна", "Україна"))
        XCTAssertTrue(matches("ЎЗБЕК", "ўзбек"))
        for (query, text, expected) in [
            ("мои", "это мой дом", false), ("мой", "это мои\u{306} дом", true), ("МОЙ", "это МОЙ дом", true),
            ("мои", "это МОИ\u{306} дом", false), ("ёлка", "Елка", true), ("україна", "УКРАЇНА", true),
        ] {
            XCTAssertEqual(FoldedMatcher(SearchQuery(query)).matches(text), expected, "\(query) in \(text)")
        }
        XCTAssertEqual(SearchQuery("мой").highlights(in: "это мои\u{306} дом"), [4..<7])
    }

    func testArabicIgnoresVowelMarksAndLetterVariants() {
        XCTAssertTrue(matches("دمشق", "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"))
        XCTAssertTrue(matches("دِمَشْق", "بريف دمشق"), "harakat in the query")
        XCTAssertTrue(matches("احمد", "قال أحمد"), "alef with hamza")
        XCTAssertTrue(matches("مدرسة", "المدرسه"), "ta marbuta")
        XCTAssertTrue(matches("سلام", "ســلام"), "tatweel")
    }

    /// Persian typed on a Persian keyboard finds text written with the Arabic ya and kaf, and
    /// digits are digits in every script (found by QA).
    func testPersianLetterFormsAndDigitsOfEveryScriptFoldAlike() {
        XCTAssertTrue(matches("ایران", "خبرگزاری ايران"), "Persian yeh finds Arabic ya")
        XCTAssertTrue(matches("كشور", "کشور"), "Arabic kaf finds Persian keheh")
        XCTAssertTrue(matches("2030", "چشم‌انداز ٢٠٣٠"), "Arabic-Indic digits")
        XCTAssertTrue(matches("1200", "۱۲۰۰ نفر"), "Persian digits")
        XCTAssertTrue(matches("٢٠٢٤", "२०२४ में"), "Devanagari digits by Arabic ones")
        XCTAssertFalse(matches("2031", "٢٠٣٠"))
        for (query, story) in [("2030", "٢٠٣٠"), ("ایران", "ايران")] {
            XCTAssertTrue(FoldedMatcher(SearchQuery(query)).matches(story), query)
        }
        XCTAssertEqual(SearchQuery("2030").highlights(in: "سال ٢٠٣٠."), [4..<8])
    }

    /// The Arabic decimal and thousands separators are the typed point and comma: "42.5" finds
    /// "۴۲٫۵" (found by QA), "1,200" finds "۱٬۲۰۰".
    func testArabicNumberSeparatorsAreThePointAndCommaTyped() {
        XCTAssertTrue(matches("42.5", "نرخ تورم ۴۲٫۵ درصد"))
        XCTAssertTrue(matches("1,200", "۱٬۲۰۰ نفر"))
        XCTAssertFalse(matches("42,5", "۴۲٫۵"))
        for (query, story) in [("42.5", "۴۲٫۵"), ("1,200", "۱٬۲۰۰")] {
            XCTAssertTrue(FoldedMatcher(SearchQuery(query)).matches(story), query)
        }
        XCTAssertEqual(SearchQuery("42.5").highlights(in: "نرخ ۴۲٫۵."), [4..<8])
    }

    /// Text that was windows-1252 read as Latin-1 is searched as the screen shows it.
    func testC1ControlsAreSearchedAsTheirWindows1252Characters() {
        XCTAssertTrue(matches("zizek", "Slavoj \u{8E}i\u{9E}ek on Hegel"))
        XCTAssertTrue(FoldedMatcher(SearchQuery("žižek")).matches("Slavoj \u{8E}i\u{9E}ek"))
        XCTAssertTrue(matches("it's", "it\u{92}s"))
    }

    func testSeveralWordsMustAllMatchAnywhere() {
        XCTAssertTrue(matches("ransom banks", "Iran pays ransom to end cyberattack on banks"))
        XCTAssertTrue(matches("banks ransom", "Iran pays ransom to end cyberattack on banks"))
        XCTAssertFalse(matches("ransom dutch", "Iran pays ransom to end cyberattack on banks"))
    }

    func testQuotedPhraseMatchesAsAPhrase() {
        XCTAssertTrue(matches("\"central bank\"", "the Central  Bank of Iran"))
        XCTAssertFalse(matches("\"bank central\"", "the central bank of Iran"))
        XCTAssertTrue(matches("“dual use” exports", "military and dual use exports"))
        XCTAssertEqual(SearchQuery("\"dual use\" exports").terms, ["dual use", "exports"])
    }

    func testEmptyQueryMatchesEverything() {
        XCTAssertTrue(SearchQuery("  ").isEmpty)
        XCTAssertTrue(matches("", "anything"))
    }

    func testHighlightsPointAtTheShownCharacters() {
        let query = SearchQuery("tehran bank")
        let line = "Iranians at a Bank branch in Tehrān (IRNA)"
        let ranges = query.highlights(in: line)
        let characters = Array(line)
        XCTAssertEqual(ranges.map { String(characters[$0]) }, ["Bank", "Tehrān"])
    }

    func testAPhraseWrappedOntoTheNextLineIsHighlightedOnBoth() {
        let query = SearchQuery("\"central bank\" iran")
        XCTAssertEqual(
            query.highlights(inLines: ["Said the Central", "Bank of Iran today", "and Iran"]),
            [[9..<16], [0..<4, 8..<12], [4..<8]])
        // Hanging indents and doubled spaces are one space, as in the search itself.
        XCTAssertEqual(query.highlights(inLines: ["• the central", "  bank"]), [[6..<13], [2..<6]])
        XCTAssertEqual(query.highlights(in: "central  bank"), [0..<13])
        // Text without spaces wraps between wide characters: nothing joins those lines.
        XCTAssertEqual(SearchQuery("留学生").highlights(inLines: ["海外留", "学生看两会"]), [[2..<3], [0..<2]])
        // Korean is written with spaces, and wraps at them: a space joins its lines, as the
        // search of the files joins them (the two rules differed).
        XCTAssertEqual(
            SearchQuery("\"서울은 대한민국의\"").highlights(inLines: ["수도 서울은", "대한민국의 도시"]),
            [[3..<6], [0..<5]])
        // A phrase across three lines; a word is never made of two lines' pieces.
        XCTAssertEqual(
            SearchQuery("\"of the central bank\"").highlights(inLines: ["head of", "the", "central bank"]),
            [[5..<7], [0..<3], [0..<12]])
        XCTAssertEqual(SearchQuery("central").highlights(inLines: ["cen", "tral"]), [[], []])
        XCTAssertEqual(
            query.matchStarts(inLines: ["Said the Central", "Bank of Iran today", "and Iran"]), [0, 1, 2])
        XCTAssertEqual(
            SearchQuery("\"central bank\"").matchStarts(inLines: ["the Central", "Bank", "x"]), [0])
        // Each line alone gives what the single-line form gives.
        let lines = ["Iranians at a Bank branch", "in Tehrān (IRNA)"]
        let spread = SearchQuery("tehran bank").highlights(inLines: lines)
        XCTAssertEqual(spread, lines.map { SearchQuery("tehran bank").highlights(in: $0) })
    }

    func testRealNewsArticles() {
        let articles = DumpText.articles(bytes: Fixtures.bytes(Fixtures.realNews))
        let titles = { (query: String) in articles.filter { SearchQuery(query).matches($0) }.map(\.title) }
        XCTAssertTrue(titles("maori whale").contains { $0.contains("Māori") })
        XCTAssertEqual(titles("Netanyahu Obama").count, 1)
        XCTAssertTrue(titles("留学生").first?.hasPrefix("海外留学生") ?? false)
        XCTAssertTrue(titles("دمشق").first?.hasPrefix("معارضون") ?? false)
        XCTAssertTrue(titles("renseignement").first?.hasPrefix("Le projet de loi") ?? false)
        XCTAssertEqual(titles("Netanyahu's victory").count, 1)
    }
}

final class FoldedMatcherTests: XCTestCase {
    func testMatchesLikeTheStringMatcher() {
        let texts = [
            "Iranians at a bank branch in TEHRAN", "a day in tehrān", "L’École normale", "海外留学生看两会",
            "it’s l'école",
            "قال أحمد في دمشق", "the Central\t\tBank\nof Iran", "Zürich ＡＢＣ", "",
            "서울은 대한민국의 수도입니다", "東京がかわいいです。ガイドブック", "Łódź, Ærøskøbing, thủ đô",
        ]
        let queries = [
            "tehran", "ecole", "留学生", "احمد دمشق", "\"central bank of\"", "zurich abc", "missing", "", "it's",
            "l’ecole", "서울", "대한민국", "が", "です", "ガイドブック", "か", "lodz aeroskobing", "thu do",
        ]
        for query in queries {
            let matcher = FoldedMatcher(SearchQuery(query))
            for text in texts {
                XCTAssertEqual(
                    matcher.matches(text), SearchQuery(query).matches(folded: TextFolding.fold(text)),
                    "\(query) in \(text)")
            }
        }
    }

    func testInvalidUTF8DoesNotStopTheSearch() {
        let matcher = FoldedMatcher(SearchQuery("bank"))
        let bytes: [UInt8] = [0xFF, 0xC3] + Array(" Bank".utf8)
        XCTAssertTrue(bytes.withUnsafeBytes { matcher.matches($0) })
    }
}

/// A source's name is one more field of a story's search: each term whole in the name or in
/// the article, folded alike; the matcher of the files gives each story what the name holds.
final class SourceNameSearchTests: XCTestCase {
    private static let article = Article(
        id: ArticleID("x"), title: "Down time", paragraphs: ["The server was moved."], wordCount: 0,
        readingMinutes: 0, source: "Avian’s Blog")

    func testEveryTermIsInTheNameOrTheArticle() {
        let name = "Avian’s Blog"
        for (text, expected) in [
            ("avian", true), ("AVIAN’S", true), ("Avian down", true), ("blog server", true),
            ("avian zzzz", false), ("\"avian’s blog\"", true), ("\"blog down\"", false), ("ávian", true),
        ] {
            XCTAssertEqual(SearchQuery(text).matches(Self.article, sourceName: name), expected, text)
        }
        XCTAssertFalse(SearchQuery("avian").matches(Self.article), "without the name, as with one source")
        XCTAssertFalse(SearchQuery("avian").matches(Self.article, sourceName: nil))
    }

    func testTheMatcherTakesTheTermsTheNameHolds() {
        let matcher = FoldedMatcher(SearchQuery("avian server zzzz"))
        let found = matcher.termsFound(in: "Avian’s Blog")
        XCTAssertEqual(found, [true, false, false])
        let text = Array("The server was moved.".utf8)
        XCTAssertFalse(text.withUnsafeBytes { matcher.matches($0, besides: found) })
        XCTAssertTrue(
            text.withUnsafeBytes {
                FoldedMatcher(SearchQuery("avian server")).matches($0, besides: [true, false])
            })
        XCTAssertTrue(
            text.withUnsafeBytes { FoldedMatcher(SearchQuery("avian")).matches($0, besides: [true]) })
        XCTAssertFalse(
            text.withUnsafeBytes { FoldedMatcher(SearchQuery("avian")).matches($0, besides: [false]) })
    }
}
