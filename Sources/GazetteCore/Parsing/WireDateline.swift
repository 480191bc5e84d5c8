/// The agency named by the dateline that opens a wire story's first paragraph: "LONDON
/// (Reuters) - …", "KYIV, Ukraine (AP) — …", "【ワシントン共同】…", "【北京時事】…", and Korean
/// "(서울=연합뉴스) 홍길동 기자 = …" (``CaptionEqualsCredit``).
enum WireDateline {
    /// The agencies a Japanese dateline names after its place: Kyodo and Jiji.
    private static let japaneseAgencies = ["共同", "時事"]

    /// The longest place before an agency, in characters: "SURABAYA, Indonesia/JAKARTA" is 27.
    private static let longestPlace = 60

    /// The bytes of a paragraph's start that are decoded to look for a dateline.
    static let leadBytes = 160

    /// Whether a paragraph whose first bytes are `lead` may open with a dateline: a bracket,
    /// "【", or two capitals. Looked at before decoding, as most paragraphs open with none.
    static func mayOpen(_ lead: UnsafeRawBufferPointer) -> Bool {
        guard let first = lead.first else { return false }
        if first == UInt8(ascii: "(") || first == UInt8(ascii: "[") || first == 0xEF { return true }
        if lead.starts(with: [0xE3, 0x80, 0x90]) { return true }  // 【
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
        guard CaptionCredit.agencies.contains(agency.uppercased()) else { return nil }
        // One dash or two ("--"), then the story.
        let after = rest[rest.index(after: close)...].drop { $0 == " " }
        let story = after.drop { "-—–".contains($0) }
        guard story.count < after.count, after.count - story.count <= 2, story.first?.isWhitespace ?? true
        else { return nil }
        return String(agency)
    }
}
