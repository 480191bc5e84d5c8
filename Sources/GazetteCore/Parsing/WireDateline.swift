/// The agency named by the dateline that opens a wire story's first paragraph: "LONDON
/// (Reuters) - …", "KYIV, Ukraine (AP) — …", "【ワシントン共同】…", "【北京時事】…", Arabic
/// "القاهرة (رويترز) - …", "دمشق، سوريا (CNN) -- …", "بيروت - (أ ف ب) - …", "أنقرة/ الأناضول",
/// and Korean "(서울=연합뉴스) 홍길동 기자 = …" (``CaptionEqualsCredit``).
enum WireDateline {
    /// The agencies a Japanese dateline names after its place: Kyodo and Jiji.
    private static let japaneseAgencies = ["共同", "時事"]

    /// Names a dateline gives in parentheses besides the agencies a caption credits
    /// (``CaptionCredit/agencies``): CNN writes its datelines as the agencies do.
    private static let datelineNames: Set<String> = ["CNN"]

    /// The agencies Arabic datelines name, written without their spaces, dots and tatweel:
    /// Reuters, AFP ("أ ف ب", "فرانس برس"), AP ("أ ب"), dpa ("د ب أ"), Anadolu, Xinhua, and the
    /// Arab states' agencies (KUNA, WAM, SPA, QNA, SANA, Petra, MENA "أ ش أ", WAFA).
    private static let arabicAgencies: Set<String> = [
        "رويترز", "أفب", "افب", "فرانسبرس", "أب", "دبأ", "دبا", "الأناضول", "الاناضول", "شينخوا", "كونا",
        "وام", "واس", "قنا", "سانا", "بترا", "أشأ", "اشا", "وفا",
    ]

    /// Anadolu's own dateline after a slash: "أنقرة/ الأناضول".
    private static let anadolu = "الأناضول"

    /// The most words of letters an Arabic dateline's place has before its agency ("دمشق،
    /// سوريا", "الأمم المتحدة", "بكين 10 مايو 2020"; numbers are not counted): a sentence is longer.
    private static let arabicPlaceWords = 4

    /// The longest place before an agency, in characters: "SURABAYA, Indonesia/JAKARTA" is 27.
    private static let longestPlace = 60

    /// The bytes of a paragraph's start that are decoded to look for a dateline.
    static let leadBytes = 160

    /// Whether a paragraph whose first bytes are `lead` may open with a dateline: a bracket,
    /// "【", two capitals, or an Arabic letter, a parenthesis or slash after them. Looked at
    /// before decoding, as most paragraphs open with none.
    static func mayOpen(_ lead: UnsafeRawBufferPointer) -> Bool {
        guard let first = lead.first else { return false }
        if first == UInt8(ascii: "(") || first == UInt8(ascii: "[") || first == 0xEF { return true }
        if lead.starts(with: [0xE3, 0x80, 0x90]) { return true }  // 【
        if first >= 0xD8 && first <= 0xDB {  // U+0600–U+06FF, the Arabic block
            return lead.contains(UInt8(ascii: "(")) || lead.contains(UInt8(ascii: "/"))
        }
        let isCapital = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        return lead.count > 1 && isCapital(first) && isCapital(lead[1])
            && lead.contains(UInt8(ascii: "("))
    }

    /// The agency a dateline opening `text` names, as written ("Reuters", "AP", "共同",
    /// "연합뉴스"); nil when `text` opens with none.
    static func agency(opening text: Substring) -> String? {
        guard let first = text.first else { return nil }
        if first == "【" { return japaneseAgency(opening: text) }
        if first.isASCII && first.isUppercase { return latinAgency(opening: text) }
        if isArabicLetter(first) { return arabicAgency(opening: text) }
        return CaptionEqualsCredit.dateline(opening: text)
    }

    /// "【ワシントン共同】", "【北京時事】": a place, then Kyodo or Jiji, in black lenticular brackets.
    private static func japaneseAgency(opening text: Substring) -> String? {
        let inner = text.dropFirst().prefix(16)
        guard let close = inner.firstIndex(of: "】") else { return nil }
        let bracket = inner[..<close]
        for agency in japaneseAgencies where bracket.hasSuffix(agency) {
            let place = bracket.dropLast(agency.count)
            guard !place.isEmpty, place.allSatisfy({ $0.isLetter && !$0.isASCII }) else { return nil }
            return agency
        }
        return nil
    }

    /// "LONDON (Reuters) - ", "WASHINGTON (AP) — ", "SURABAYA, Indonesia/JAKARTA (Reuters) - ",
    /// "LONDON, Dec 29 (Reuters) - ": a place whose first word is in capitals, a known agency
    /// in parentheses, a dash.
    private static func latinAgency(opening text: Substring) -> String? {
        guard let open = text.prefix(longestPlace + 1).firstIndex(of: "(") else { return nil }
        let place = text[..<open]
        guard place.last == " " else { return nil }
        let firstWord = place.prefix { !" ,".contains($0) }
        guard firstWord.count > 1, firstWord.allSatisfy({ !$0.isLetter || $0.isUppercase }),
            place.allSatisfy({ $0.isLetter || $0.isNumber || " ,./-'’".contains($0) })
        else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.prefix(20).firstIndex(of: ")") else { return nil }
        let agency = rest[..<close]
        guard isLatinAgency(agency), endsDateline(rest[rest.index(after: close)...], dashed: false)
        else { return nil }
        return String(agency)
    }

    /// Whether `name` is an agency's (or CNN's) in Latin letters, in any case.
    private static func isLatinAgency(_ name: Substring) -> Bool {
        let name = name.uppercased()
        return CaptionCredit.agencies.contains(name) || datelineNames.contains(name)
    }

    /// Whether `text`, what follows a dateline's agency, ends the dateline: one dash or two
    /// ("--", the Arabic tatweel too), then the story after a space; or, when a dash came before
    /// the agency (`dashed`), the story after a space at once.
    private static func endsDateline(_ text: Substring, dashed: Bool) -> Bool {
        let after = text.drop { $0 == " " }
        let story = after.drop { dashes.contains($0) }
        let dashCount = after.count - story.count
        if dashCount == 0 { return dashed && (after.isEmpty || after.count < text.count) }
        return dashCount <= 2 && (story.first?.isWhitespace ?? true)
    }

    /// The dashes a dateline sets apart with: hyphen, em and en dash, Arabic tatweel.
    private static let dashes = "-—–ـ"

    /// "القاهرة (رويترز) - ", "دمشق، سوريا (CNN) -- ", "بيروت - (أ ف ب) - ", "الكويت - 10 - 5 (كونا)
    /// -- ", "أنقرة/ الأناضول": a place of a few Arabic words (no capitals tell it; a comma, a
    /// date, a dash after it or not), then a known agency in parentheses and a dash; or
    /// Anadolu's slash after the place (a reporter's name between or not).
    private static func arabicAgency(opening text: Substring) -> String? {
        parenthesizedArabicAgency(opening: text) ?? anadoluAgency(opening: text)
    }

    /// "القاهرة (رويترز) - ", "بيروت - (أ ف ب) - ": see ``arabicAgency(opening:)``.
    private static func parenthesizedArabicAgency(opening text: Substring) -> String? {
        guard let open = text.prefix(longestPlace + 1).firstIndex(of: "(") else { return nil }
        guard text[..<open].last == " " else { return nil }
        var place = trimmed(text[..<open])
        // A dash between the place and the agency ("بيروت - (أ ف ب)").
        let undashed =
            place.lastIndex { !dashes.contains($0) }.map { place[...$0] } ?? place[place.endIndex...]
        let dashed = undashed.count < place.count
        if dashed {
            guard place.count - undashed.count <= 2, undashed.last == " " else { return nil }
            place = trimmed(undashed)
        }
        guard isArabicPlace(place) else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.prefix(20).firstIndex(of: ")") else { return nil }
        let agency = trimmed(rest[..<close])
        guard isLatinAgency(agency) || arabicAgencies.contains(key(agency)),
            endsDateline(rest[rest.index(after: close)...], dashed: dashed)
        else { return nil }
        return String(agency)
    }

    /// "أنقرة/ الأناضول", "إسطنبول/ أحمد علي/ الأناضول": a place, up to two names after slashes
    /// (the reporters'), then Anadolu after a slash, the story after it.
    private static func anadoluAgency(opening text: Substring) -> String? {
        let parts = text.prefix(longestPlace + anadolu.count + 1).split(
            separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 4, let last = parts.last else { return nil }
        for part in parts.dropLast() {
            guard isArabicPlace(trimmed(part)) else { return nil }
        }
        let agency = last.drop { $0 == " " }
        guard agency.hasPrefix(anadolu) else { return nil }
        let after = agency.dropFirst(anadolu.count)
        guard after.first.map({ $0.isWhitespace || dashes.contains($0) }) ?? true else { return nil }
        return anadolu
    }

    /// `text` without the spaces it starts and ends with.
    private static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { $0 != " " }),
            let last = text.lastIndex(where: { $0 != " " })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// Whether `place` is a dateline's place in Arabic: Arabic words (at most
    /// ``arabicPlaceWords``, numbers besides), commas, dashes and slashes between them, the first
    /// a word.
    private static func isArabicPlace(_ place: Substring) -> Bool {
        guard let first = place.first, isArabicLetter(first) else { return false }
        var words = 0
        for word in place.split(whereSeparator: { " ،,/-–—".contains($0) }) {
            if word.allSatisfy(\.isNumber) { continue }
            guard word.allSatisfy(isArabicLetter) else { return false }
            words += 1
        }
        return words <= arabicPlaceWords
    }

    /// Whether `character` is a letter of the Arabic block (U+0600–U+06FF), a mark on it or not.
    private static func isArabicLetter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x0600...0x06FF).contains(scalar.value) && character.isLetter
    }

    /// An Arabic agency's name as ``arabicAgencies`` holds it: without spaces, dots and tatweel.
    private static func key(_ name: Substring) -> String {
        String(name.filter { !" .ـ".contains($0) })
    }
}
