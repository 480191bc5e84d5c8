/// Credits written after an equals sign, as Japanese and Korean news print them: after a
/// photo label ("写真＝共同", "사진=연합뉴스", "[사진=뉴시스]", "사진=AP 연합뉴스"), after a bare
/// full-width sign when an agency follows ("…の様子＝共同"), and a wire story's dateline
/// ("(서울=연합뉴스) 홍길동 기자 = …": the place, then the agency).
///
/// Any other `=` is text and credits nobody: "E=mc²", "a = b", "x=1", "?a=b", "==", a
/// Japanese caption's "＝10日、首相官邸" (its date and place).
enum CaptionEqualsCredit {
    /// The words for "photo", "picture", "graphic", "supplied by" that captions print before
    /// `=` or `＝`: Japanese, Korean, Chinese.
    private static let labels: Set<String> = [
        "写真", "画像", "撮影", "図", "図版", "イラスト", "資料写真", "写真提供", "提供",
        "사진", "그래픽", "자료사진", "일러스트", "영상", "사진제공", "사진 제공", "제공", "출처",
        "图", "图片", "圖", "圖片", "摄影", "攝影",
    ]

    /// Agencies and sources a bare `＝` closing a Japanese caption names ("＝共同", "＝ロイター",
    /// "＝代表撮影", a pool photo); the Latin agencies ("＝AP") are ``CaptionCredit/agencies``.
    private static let agencies: Set<String> = [
        "共同", "共同通信", "共同通信社", "時事", "時事通信", "時事通信社", "ロイター", "ロイター通信", "新華社",
        "聯合", "聯合ニュース", "聯合通信", "タス", "タス通信", "ゲッティ", "ゲッティイメージズ", "代表撮影",
        "AFP時事", "EPA時事", "AP時事",
    ]

    /// Longest credit taken after a sign, in characters: a longer one is a sentence.
    private static let longestName = 40

    /// The credit after the last equals sign of `text` (a caption's end, or what its closing
    /// parenthesis holds when `enclosed`); nil when that sign is no credit's.
    static func credit(in text: String, enclosed: Bool) -> String? {
        guard holdsSign(text), let sign = text.lastIndex(where: { $0 == "=" || $0 == "＝" }) else {
            return nil
        }
        let head = text[..<sign]
        let after = text[text.index(after: sign)...]
        // "==" is an operator, not a label's sign.
        guard head.last != "=", head.last != "＝", after.first != "=", after.first != "＝" else { return nil }
        var name = String(after).trimmingSpaces()
        if name.hasSuffix("。") || name.hasSuffix(".") { name.removeLast() }
        guard isName(name) else { return nil }
        // "삼성전자 제공" ("provided by Samsung Electronics") credits 삼성전자.
        name = CreditClosingLabel.dropped(from: name)
        let label = String(head).trimmingSpaces()
        if endsWithLabel(label) { return name }
        // A dateline in parentheses: "(서울=연합뉴스)", a place's one word before the agency.
        if enclosed && isPlace(label) { return name }
        // A bare full-width sign closing a Japanese caption, before an agency: "…の様子＝共同".
        if text[sign] == "＝" && isAgency(name) { return name }
        return nil
    }

    /// The agency a dateline opening `text` names: "(서울=연합뉴스) 홍길동 기자 = …",
    /// "[서울=뉴시스] …", "（ソウル＝聯合）…"; a label's credit there too ("[사진=연합뉴스] …").
    static func dateline(opening text: some StringProtocol) -> String? {
        guard let open = text.first, let close = closing[open] else { return nil }
        let inner = text.dropFirst().prefix(longestName + 12)
        guard let end = inner.firstIndex(of: close) else { return nil }
        return credit(in: String(inner[..<end]), enclosed: true)
    }

    /// The closing bracket for each opening one a dateline is put in.
    private static let closing: [Character: Character] = ["(": ")", "[": "]", "（": "）", "［": "］"]

    /// Whether `text` holds "=" or "＝", looked for in its bytes (EF BC 9D): a quick test before
    /// a search by characters. Not any 0x9D byte, which closes many CJK characters ("勝", "九").
    static func holdsSign(_ text: some StringProtocol) -> Bool {
        var lead: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") || byte == 0x9D && lead == (0xEF, 0xBC) { return true }
            lead = (lead.1, byte)
        }
        return false
    }

    /// Whether `text` is a photo label alone ("사진", "写真"), which names nobody.
    static func isLabel(_ text: some StringProtocol) -> Bool {
        labels.contains(String(text))
    }

    /// Whether `label` ends with a photo label standing as a word: "…모습 사진", "（写真",
    /// "。写真"; not "青写真" ("blueprint") or "Xsource".
    private static func endsWithLabel(_ label: String) -> Bool {
        for word in labels where label.hasSuffix(word) {
            let rest = label.dropLast(word.count)
            guard let before = rest.last else { return true }
            if !before.isLetter && !before.isNumber { return true }
        }
        return false
    }

    /// Whether `label` is a dateline's place: one word of letters, none of them ASCII ("서울",
    /// "ソウル", "北京"): "E" (of "E=mc²") or "x" is none.
    private static func isPlace(_ label: String) -> Bool {
        !label.isEmpty && label.count <= 12 && label.allSatisfy { $0.isLetter && !$0.isASCII }
    }

    /// Whether what follows a sign may be a credit: a few words with a letter, no sentence,
    /// date, list, address or further sign ("10日、東京" is a date and place; "b" of "?a=b" is
    /// turned down for its "?").
    private static func isName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber, name.count <= longestName,
            name.contains(where: \.isLetter)
        else { return false }
        if name.contains(where: { "=＝、。！？!?&;:：\"“”«»".contains($0) }) { return false }
        return name.split(separator: " ").count <= 4
    }

    /// Whether `name` is an agency a bare `＝` may name.
    private static func isAgency(_ name: String) -> Bool {
        agencies.contains(name) || CaptionCredit.agencies.contains(name.uppercased())
    }
}
