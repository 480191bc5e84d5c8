/// The label words that close a credit in brackets or after `=`, saying what the credit gave
/// rather than who: Korean "연합뉴스 자료사진" ("Yonhap file photo"), "삼성전자 제공" ("provided by
/// Samsung Electronics"), "유튜브 캡처" ("YouTube screenshot"), Japanese and Chinese "共同通信提供",
/// English "file photo" ("Reuters file photo").
enum CreditClosingLabel {
    /// Korean label words, each a word of its own after the name (the photo labels that
    /// ``CaptionEqualsCredit`` takes before a sign, and "capture").
    private static let koreanWords: Set<Substring> = [
        "사진", "자료사진", "사진제공", "제공", "출처", "그래픽", "일러스트", "영상", "캡처", "캡쳐",
    ]

    /// English labels saying the picture is an old one, after the name in any case: "(Reuters
    /// file photo)" credits Reuters.
    private static let fileLabels = [" file photo", " file picture", " file image", " file"]

    /// `credit` without the English file label closing it; nil when none closes it or nothing
    /// would be left.
    private static func withoutFileLabel(_ credit: String) -> String? {
        let bytes = credit.utf8
        for label in fileLabels where bytes.count > label.utf8.count {
            // The label's letters in either case: a byte with 0x20 set is its lower case.
            let tail = bytes.suffix(label.utf8.count)
            guard zip(tail, label.utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            let rest = Substring(credit).utf8.dropLast(label.utf8.count)
            let name = Substring(rest).trimmingSuffixSpaces()
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    /// "Provided", written right after the name in Japanese and Chinese ("共同通信提供").
    private static let provided = "提供"

    /// `credit` without the label words closing it ("연합뉴스 영상 캡처" is 연합뉴스); as it is
    /// when nothing but a label would be left ("자료사진", "사진 제공", "写真提供").
    static func dropped(from credit: String) -> String {
        if let name = withoutFileLabel(credit) { return name }
        // Korean syllables and "提" are three bytes from E1 to ED: an ASCII or Latin credit
        // skips the search.
        guard credit.utf8.contains(where: { $0 >= 0xE1 && $0 <= 0xED }) else { return credit }
        var name = Substring(credit)
        while let space = name.lastIndex(of: " "), koreanWords.contains(name[name.index(after: space)...]) {
            let rest = name[..<space].trimmingSuffixSpaces()
            guard !rest.isEmpty, !CaptionEqualsCredit.isLabel(rest) else { break }
            name = rest
        }
        if name.hasSuffix(provided) {
            let rest = name.dropLast(provided.count).trimmingSuffixSpaces()
            if !rest.isEmpty && !CaptionEqualsCredit.isLabel(rest) { name = rest }
        }
        return String(name)
    }
}

extension Substring {
    /// The text without the whitespace closing it.
    fileprivate func trimmingSuffixSpaces() -> Substring {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }
}
