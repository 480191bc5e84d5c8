import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Undeclared Greek (windows-1253), Arabic and Persian (windows-1256) and Russian in KOI8-R are
/// told from Cyrillic in windows-1251, and from each other, Hebrew and Latin, by how their
/// letters fall: they were read as wrong Cyrillic letters.
final class EightBitScriptGuessTests: XCTestCase {
    private func feed(title: [UInt8], description: [UInt8]) -> [UInt8] {
        FeedText.undeclaredRSS(title: title, description: description)
    }

    private static let koi8R = String.Encoding(rawValue: 0x8000_0A02)
    private static let windows1256 = String.Encoding(rawValue: 0x8000_0506)

    private func encoded(_ text: String, _ encoding: String.Encoding) throws -> [UInt8] {
        try Array(XCTUnwrap(text.data(using: encoding), text))
    }

    private func windows1255(_ text: String) -> [UInt8] { FeedText.windows1255(text) }

    private func decode(_ bytes: [UInt8]) -> FeedTextDecoder.Decoded {
        bytes.withUnsafeBytes { FeedTextDecoder.decode($0) }
    }

    /// Asserts that `title` and `text`, saved in `encoding` in a feed that declares none, read
    /// back as they are, as `name`.
    private func assertReads(
        _ title: String, _ text: String, as name: String, bytes: (String) throws -> [UInt8],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let feedBytes = feed(title: try bytes(title), description: try bytes(text))
        let decoded = decode(feedBytes)
        XCTAssertEqual(decoded.encoding, name, title, file: file, line: line)
        XCTAssertTrue(
            decoded.text.contains("<description>\(text)</description>"), decoded.text, file: file, line: line)
        XCTAssertEqual(ParsedFeed(feedBytes).items.map(\.title), [title], file: file, line: line)
        // The title on its own too.
        let alone = decode(feed(title: try bytes(title), description: []))
        XCTAssertEqual(alone.encoding, name, title, file: file, line: line)
    }

    private let greek = """
        Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νοικοκυριών που πλήττονται από \
        την ακρίβεια. Σύμφωνα με τον υπουργό Οικονομικών, το πακέτο θα ξεπεράσει τα 500 εκατομμύρια \
        ευρώ και θα περιλαμβάνει επιδότηση στο ρεύμα και στα καύσιμα έως το τέλος του χειμώνα. Η \
        αντιπολίτευση χαρακτήρισε τα μέτρα ανεπαρκή, ενώ οι συνδικαλιστές ζητούν αυξήσεις στους \
        μισθούς. «Θα είμαστε δίπλα σε κάθε πολίτη», δήλωσε ο πρωθυπουργός στη Βουλή.
        """

    private let arabic = """
        أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات لدعم الأسر المتضررة من ارتفاع الأسعار، \
        وقال وزير المالية إن قيمة الحزمة تتجاوز مليار دولار وتشمل دعم الكهرباء والوقود حتى نهاية \
        فصل الشتاء. ومن جهتها، وصفت المعارضة هذه الإجراءات بأنها غير كافية، فيما طالبت النقابات \
        برفع الأجور. وأكد رئيس الوزراء أمام البرلمان أن الدولة ستقف إلى جانب كل مواطن في هذه \
        المرحلة الصعبة.
        """

    /// Persian in windows-1256 writes ي for ی, which it lacks.
    private let persian = """
        دولت امروز بسته جديدي از اقدامات را براي حمايت از خانواده‌هايي که از گراني آسيب ديده‌اند \
        اعلام کرد. به گفته وزير اقتصاد، ارزش اين بسته از هزار ميليارد تومان بيشتر است و شامل يارانه \
        برق و سوخت تا پايان زمستان مي‌شود. نمايندگان مجلس اين اقدامات را ناکافي دانستند و کارگران \
        خواستار افزايش دستمزد شدند. رئيس جمهور گفت دولت در کنار همه مردم خواهد بود.
        """

    private let russian = """
        Правительство объявило сегодня о новых мерах поддержки семей, пострадавших от роста цен. \
        По словам министра финансов, объём пакета превысит сто миллиардов рублей, а помощь будет \
        включать субсидии на электроэнергию и топливо до конца зимы. Оппозиция назвала эти меры \
        недостаточными, а профсоюзы требуют повышения зарплат. «Мы будем рядом с каждым \
        гражданином», заявил премьер-министр в Государственной думе.
        """

    /// KOI8-R has no « and »: the quotes are ASCII.
    private var russianInKOI8R: String {
        russian.replacingOccurrences(of: "«", with: "\"").replacingOccurrences(of: "»", with: "\"")
    }

    private let ukrainian = """
        Уряд сьогодні оголосив про нові заходи підтримки родин, які постраждали від зростання цін. \
        За словами міністра фінансів, обсяг пакета перевищить сто мільярдів гривень, а допомога \
        включатиме субсидії на електроенергію та пальне до кінця зими. Опозиція назвала ці заходи \
        недостатніми, а профспілки вимагають підвищення зарплат. «Ми будемо поруч із кожним \
        громадянином», заявив прем'єр-міністр у Верховній Раді.
        """

    /// Greek, Arabic, Persian and Russian in KOI8-R showed as Cyrillic in windows-1251
    /// ("Ç ęőâÝńíçóç" for "Η κυβέρνηση"); Russian and Ukrainian in windows-1251 stay so.
    func testUndeclaredGreekArabicPersianAndKOI8RRead() throws {
        try assertReads("Νέα μέτρα για την ακρίβεια", greek, as: "windows-1253") {
            try self.encoded($0, .windowsCP1253)
        }
        try assertReads("الحكومة تعلن إجراءات جديدة", arabic, as: "windows-1256") {
            try self.encoded($0, Self.windows1256)
        }
        try assertReads("دولت بسته حمايتي اعلام کرد", persian, as: "windows-1256") {
            try self.encoded($0, Self.windows1256)
        }
        try assertReads("Новые меры поддержки семей", russianInKOI8R, as: "KOI8-R") {
            try self.encoded($0, Self.koi8R)
        }
        try assertReads("Новые меры поддержки семей", russian, as: "windows-1251") {
            try self.encoded($0, .windowsCP1251)
        }
        try assertReads("Нові заходи підтримки родин", ukrainian, as: "windows-1251") {
            try self.encoded($0, .windowsCP1251)
        }
    }

    /// Headlines in capitals: KOI8-R's capitals are windows-1251's small letters.
    func testHeadlinesInCapitals() throws {
        let title = "ВЫБОРЫ В РОССИИ: ИТОГИ ГОЛОСОВАНИЯ"
        try assertReads(title, russianInKOI8R, as: "KOI8-R") { try self.encoded($0, Self.koi8R) }
        try assertReads(title, russian, as: "windows-1251") { try self.encoded($0, .windowsCP1251) }
        try assertReads("ΕΚΛΟΓΕΣ ΣΤΗΝ ΕΛΛΑΔΑ ΣΗΜΕΡΑ", greek, as: "windows-1253") {
            try self.encoded($0, .windowsCP1253)
        }
    }

    /// Arabic news with French words in it: à é è ç are at their windows-1252 places in
    /// windows-1256, among Arabic letters from 0xC1.
    func testArabicWithFrenchWords() throws {
        let text = """
            قال المدير العام لشركة Société Générale إن الأرباح ارتفعت هذا العام، وأضاف أن \
            الشركة ستفتح فروعا جديدة في المغرب والجزائر. وحضر المؤتمر ممثلون عن وزارة \
            l'économie et des finances، وأكدوا أن التعاون مع البنوك العربية سيتواصل خلال \
            السنوات المقبلة. وقد أثارت تصريحات الوزير à propos de la réforme جدلا واسعا.
            """
        try assertReads("أرباح Société Générale ترتفع", text, as: "windows-1256") {
            try self.encoded($0, Self.windows1256)
        }
    }

    /// Short Arabic and KOI8-R words were taken for Hebrew ("׃בַד" for "سلام"); short Hebrew
    /// words stay Hebrew.
    func testShortWordsTakenForHebrew() throws {
        for (text, encoding, name) in [
            ("سلام", Self.windows1256, "windows-1256"), ("Мир", Self.koi8R, "KOI8-R"),
        ] {
            let decoded = decode(feed(title: try encoded(text, encoding), description: []))
            XCTAssertEqual(decoded.encoding, name, text)
            XCTAssertTrue(decoded.text.contains(text), decoded.text)
        }
        for text in ["שלום", "חדשות", "מזג האוויר", "תל אביב", "בחירות בישראל"] {
            let decoded = decode(feed(title: windows1255(text), description: []))
            XCTAssertEqual(decoded.encoding, "windows-1255", text)
        }
    }

    /// Hebrew stays windows-1255, and French and German windows-1252.
    func testHebrewAndLatinStayAsTheyWere() throws {
        let hebrew = """
            הממשלה הודיעה היום על צעדים חדשים לסיוע למשפחות שנפגעו מעליית המחירים. לדברי שר \
            האוצר, היקף החבילה יעלה על מיליארד שקלים ויכלול סבסוד של חשמל ודלק עד סוף החורף. \
            האופוזיציה כינתה את הצעדים בלתי מספיקים, והאיגודים דורשים העלאת שכר. ראש הממשלה \
            אמר בכנסת כי המדינה תעמוד לצד כל אזרח.
            """
        try assertReads("הממשלה מודיעה על צעדים חדשים", hebrew, as: "windows-1255") { self.windows1255($0) }
        let french = """
            Le gouvernement a annoncé aujourd'hui de nouvelles mesures pour soutenir les ménages \
            touchés par la hausse des prix. Selon le ministre de l'Économie, le paquet dépassera \
            un milliard d'euros et comprendra une aide à l'électricité et au carburant jusqu'à la \
            fin de l'hiver. L'opposition a jugé ces mesures insuffisantes, tandis que les syndicats \
            réclament des hausses de salaires. « Nous serons aux côtés de chaque citoyen », a déclaré \
            le Premier ministre à l'Assemblée.
            """
        let german = """
            Die Bundesregierung hat heute neue Maßnahmen zur Unterstützung von Familien angekündigt, \
            die unter den gestiegenen Preisen leiden. Nach Angaben des Finanzministers wird das Paket \
            mehr als eine Milliarde Euro umfassen und Zuschüsse für Strom und Kraftstoff bis zum Ende \
            des Winters enthalten. Die Opposition hält die Maßnahmen für unzureichend, während die \
            Gewerkschaften höhere Löhne fordern. „Wir lassen niemanden allein“, sagte der Kanzler.
            """
        try assertReads("Nouvelles mesures à l'Élysée", french, as: "windows-1252") {
            try self.encoded($0, .windowsCP1252)
        }
        try assertReads("Neue Maßnahmen für Familien", german, as: "windows-1252") {
            try self.encoded($0, .windowsCP1252)
        }
    }

    /// Russian in IBM866 (cp866, DOS Cyrillic, still met in old archives) was not guessed: it
    /// read as Arabic, Chinese or Cyrillic in windows-1251 ("€àه¨¢ £ §¥âë" for "Архив газеты");
    /// a paragraph, a headline, a headline in capitals with a paragraph, and one word.
    func testUndeclaredIBM866Russian() throws {
        let ibm866 = { (text: String) throws -> [UInt8] in
            try self.encoded(text, String.Encoding(rawValue: 0x8000_041B))
        }
        try assertReads("Архив газеты Правда за 1991 год", russianInKOI8R, as: "IBM866", bytes: ibm866)
        try assertReads("Цены на бензин растут", russianInKOI8R, as: "IBM866", bytes: ibm866)
        try assertReads("ВЫБОРЫ В РОССИИ: ИТОГИ ГОЛОСОВАНИЯ", russianInKOI8R, as: "IBM866", bytes: ibm866)
        for word in ["Новости", "спорт", "Мир"] {
            let decoded = decode(feed(title: try ibm866(word), description: []))
            XCTAssertEqual(decoded.encoding, "IBM866", word)
        }
        XCTAssertEqual(FeedTextDecoder.encoding(named: "cp866")?.name, "IBM866")
    }
}
