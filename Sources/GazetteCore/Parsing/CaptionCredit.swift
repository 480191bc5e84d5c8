/// Finds who a caption credits: `(IRNA)`, `[AFP]`, `（图片来源：新华社）`, `REUTERS/Name/File Photo`,
/// `AP Photo/Name`, `Credit: Name`, `Photograph: Name`, `— Getty Images`, `AFP via Getty Images`,
/// `写真＝共同`, `(사진=연합뉴스)` (``CaptionEqualsCredit``).
public enum CaptionCredit {
    /// News and photo agencies recognised as credits on their own.
    static let agencies: Set<String> = [
        "REUTERS", "AFP", "AP", "EPA", "EPA-EFE", "GETTY", "XINHUA", "ANADOLU", "IRNA", "WANA", "ISNA",
        "TASNIM", "SANA", "DPA", "ANP", "ANSA", "UPI", "KYODO", "YONHAP", "BLOOMBERG", "SHUTTERSTOCK",
        "AGENCE", "PA", "NURPHOTO", "SIPA", "ZUMA", "IMAGO", "ALAMY", "EFE", "KEYSTONE", "TASS", "ТАСС",
        "LUSA", "BELGA",
    ]

    /// The labels a caption prints before its credit, each with an ASCII colon and with a
    /// full-width one ("写真：", "图片来源:"), and "Credit" alone.
    private static let markers: [String] = {
        var markers: [String] = []
        for label in labels {
            markers.append(label)
            if label.hasSuffix(":") { markers.append(String(label.dropLast()) + "：") }
        }
        return markers
    }()

    private static let labels = [
        "Credit:", "credit:", "Photograph:", "Photographs:", "Photo:", "Photos:", "Picture:", "Image:",
        "Source:", "Illustration:",
        // "Photo" in other languages, as captions print it before the credit (found by QA).
        "Foto:", "Fotos:", "Bild:", "Photo :", "Crédit photo :", "Crédit :", "Фото:", "تصوير:", "صورة:",
        "צילום:", "फोटो:", "写真:", "사진:",
        // Chinese labels: "image source", "image", "photography", "supplied image", "source",
        // "taken" (they were kept in the credit; found by QA), and their traditional forms.
        "图片来源:", "图片:", "摄影:", "供图:", "来源:", "图:", "摄:", "圖片來源:", "圖片:", "攝影:", "供圖:",
        "來源:", "圖:", "攝:", "Credit",
    ]

    /// The credit named by a caption, or nil when it names none.
    public static func credit(fromCaption caption: String) -> String? {
        let text = withoutPictureID(caption.trimmingSpaces())
        guard !text.isEmpty else { return nil }
        if let inner = trailingParenthesis(text) { return inner }
        guard let named = namedCredit(text) else { return nil }
        return cutAtUnopenedClose(named)
    }

    /// The credit a caption names otherwise than in its closing parenthesis.
    private static func namedCredit(_ text: String) -> String? {
        if let marked = afterMarker(text) { return marked }
        // "…모습 사진=연합뉴스", "…の様子＝共同", a Yonhap caption's "(서울=연합뉴스) 홍길동 기자 = …".
        if CaptionEqualsCredit.holdsSign(text) {
            if let signed = CaptionEqualsCredit.credit(in: text, enclosed: false) { return signed }
            if let dateline = CaptionEqualsCredit.dateline(opening: text) { return dateline }
        }
        if let glued = gluedCredit(text) { return glued }
        if let dashed = afterDash(text) { return dashed }
        if let copyright = afterCopyright(text) { return copyright }
        if let taken = takenBy(text) { return taken }
        if holds(UInt8(ascii: ":"), text) || holds(0x9A, text), let described = afterPictureLabel(text) {
            return described
        }
        if let maker = byLine(text) { return maker }
        return agencyTail(text)
    }

    /// A credit up to a closing parenthesis or bracket it did not open, which closes the
    /// caption's ("[Photo: EPA] in Gaza" credits EPA, not "EPA] in Gaza"); nil when nothing
    /// with a letter is left.
    private static func cutAtUnopenedClose(_ credit: String) -> String? {
        let closes = credit.utf8.contains {
            $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "]") || $0 == 0x89 || $0 == 0xBD
        }
        guard closes else { return credit }
        var open: [Character] = []
        for index in credit.indices {
            let character = halfWidthBracket(credit[index])
            if character == "(" || character == "[" {
                open.append(character)
            } else if character == ")" || character == "]" {
                if open.last == (character == ")" ? "(" : "[") {
                    open.removeLast()
                    continue
                }
                let kept = String(credit[..<index]).trimmingSpaces()
                return kept.contains(where: \.isLetter) ? kept : nil
            }
        }
        return credit
    }

    /// "… © AFP 2024": who holds the copyright, without the year.
    private static func afterCopyright(_ text: String) -> String? {
        guard holds(0xA9, text), let sign = text.lastIndex(of: "©") else { return nil }
        var words = text[text.index(after: sign)...].split(separator: " ")
        let isYear = { (word: Substring) in
            word.count == 4 && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber)
        }
        if let last = words.last, isYear(last) { words.removeLast() }
        if let first = words.first, isYear(first) { words.removeFirst() }
        let owner = joined(words[...])
        return owner.isEmpty || owner.count > 80 || !owner.contains(where: \.isLetter) ? nil : owner
    }

    /// "…。新华社记者 李明 摄": the Chinese caption's photographer, before "摄" ("taken by").
    private static func takenBy(_ text: String) -> String? {
        guard text.utf8.last == 0x84, text.hasSuffix(" 摄") else { return nil }
        let body = text.dropLast(2)
        let start = body.lastIndex(where: { "。！？".contains($0) }).map(body.index(after:)) ?? body.startIndex
        // The agency and the name ("新华社记者 李明"): the words before them are the caption's
        // (the whole caption was taken; found by QA).
        let words = body[start...].split(separator: " ")
        let name = JoinedText.joined(words.suffix(2), separator: " ")
        guard !name.isEmpty, name.count <= 30, !name.contains(where: { $0.isASCII && $0.isLetter }) else {
            return nil
        }
        return name
    }

    /// The caption as shown: a credit or its marker run on to the sentence before it ("on
    /// Thursday.Anthony Wallace / AFP", "in 2023.CreditJeon", "Beijing.Photo: AP") set apart by
    /// a space, and the scrape artefact "CreditCredit" (a hidden label run on to the visible
    /// one) one "Credit" (found by QA).
    public static func displayForm(of caption: String) -> String {
        var result = mayRunOn(caption) ? runOnSetApart(caption) : caption
        guard let named = self.credit(fromCaption: result),
            let range = result.range(of: named, options: .backwards), range.lowerBound > result.startIndex,
            ".!?".contains(result[result.index(before: range.lowerBound)])
        else { return result }
        result.insert(" ", at: range.lowerBound)
        return result
    }

    /// Whether ``runOnSetApart(_:)`` may change `caption`, told from its bytes: only where it
    /// holds "Credit", or where a sentence's end is followed by a letter (every marker starts
    /// with one), ASCII or not. Most captions have neither: the characters are not compared
    /// one by one (a caption took 360,000 instructions, a fifth of `export` of a dump).
    static func mayRunOn(_ caption: String) -> Bool {
        if ByteSearch.contains("Credit", in: caption) { return true }
        var afterSentence = false
        for byte in caption.utf8 {
            if afterSentence
                && (byte >= 0x80 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
            {
                return true
            }
            afterSentence =
                byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
        }
        return false
    }

    /// `caption` with a credit or its marker run on to the sentence before it set apart by a
    /// space, and "CreditCredit" one "Credit".
    static func runOnSetApart(_ caption: String) -> String {
        var text = Array(caption)
        let credit = Array("Credit")
        func matches(_ word: [Character], at index: Int) -> Bool {
            index + word.count <= text.count && Array(text[index..<index + word.count]) == word
        }
        func afterSentence(_ index: Int) -> Bool {
            index > 0 && ".!?".contains(text[index - 1])
        }
        var index = 0
        while index < text.count {
            if matches(credit, at: index) && (index == 0 || !text[index - 1].isLetter) {
                var end = index + credit.count
                while matches(credit, at: end) { end += credit.count }
                let glued = end < text.count && text[end].isUppercase
                // Only a marker: "Credit Suisse" or "CreditSights" after a space stays as it is.
                if end > index + credit.count || afterSentence(index) {
                    text.replaceSubrange(index..<end, with: credit + (glued ? [" "] : []))
                    if afterSentence(index) { text.insert(" ", at: index) }
                }
                index += credit.count + 1
                continue
            }
            if afterSentence(index),
                let marker = markers.first(where: { $0.hasSuffix(":") && matches(Array($0), at: index) })
            {
                text.insert(" ", at: index)
                index += marker.count + 1
                continue
            }
            index += 1
        }
        return String(text)
    }

    /// Several photos' credits as a narrow column shows them: each one's short form, once, in
    /// order ("AFP, Reuters"); nil for none. Only the first photo's showed (found by QA).
    public static func shortForm(ofCredits credits: [String]) -> String? {
        guard let first = credits.first else { return nil }
        guard credits.count > 1 else { return shortForm(of: first) }
        // Once each whatever its case: "Reuters" and "REUTERS/Jane Roe" read "Reuters, REUTERS"
        // (found by QA).
        var shown: [String] = []
        var seen: Set<String> = []
        for credit in credits {
            let short = shortForm(of: credit)
            if seen.insert(short.lowercased()).inserted { shown.append(short) }
        }
        return JoinedText.joined(shown, separator: ", ")
    }

    /// The part of a credit to show in a narrow column: the agency when one is named.
    public static func shortForm(of credit: String) -> String {
        // Characters compared one by one: `"/,;".contains` walked the string for each (a credit's
        // short form took 41,000 instructions, a sixth of `list` on a dump).
        let parts = credit.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" }).map {
            String($0).trimmingSpaces()
        }
        for part in parts where isAgency(firstWord(of: part)) {
            // The agency without the one that passed its picture on ("AFP - Getty Images" took
            // the column that "Thomas Coex/AFP/Getty Images" left to the title; found by QA).
            for separator in [" - ", " — ", " – ", " via "] {
                // Looked for by characters only where its bytes are (none of these separators has
                // another spelling): Foundation's `range(of:)` was a third of the short form's cost.
                guard ByteSearch.contains(separator, in: part),
                    let cut = part.firstRange(of: separator)
                else { continue }
                return String(part[..<cut.lowerBound])
            }
            return part
        }
        // Not at a comma: "Smith, John" is one name (it showed as "Smith"; found by QA).
        let names = credit.split(whereSeparator: { $0 == "/" || $0 == ";" }).map {
            String($0).trimmingSpaces()
        }
        return names.first { !$0.isEmpty } ?? credit
    }

    /// The caption without the picture id closing it ("… Jane Doe/Shutterstock (12345678a)", a
    /// Rex/Shutterstock number: four digits or more, a letter or two after them), which names
    /// nobody (it was taken for the credit; found by QA).
    private static func withoutPictureID(_ text: String) -> String {
        var utf8 = Substring(text).utf8
        if utf8.last == UInt8(ascii: ".") { utf8 = utf8.dropLast() }
        guard utf8.last == UInt8(ascii: ")"), let open = utf8.lastIndex(of: UInt8(ascii: "(")) else {
            return text
        }
        let inner = utf8[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)]
        let digits = inner.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let letters = inner.dropFirst(digits.count)
        guard digits.count >= 4, letters.count <= 2, letters.allSatisfy({ FeedItemDraft.isLetter($0) }) else {
            return text
        }
        return String(text[..<open]).trimmingSpaces()
    }

    /// What a caption's closing parenthesis or square bracket credits: "… (IRNA)", "… [AFP]",
    /// "…（新华社）", "… [Photo: EPA]"; nil when it names nobody ("(file photo)", "[sic]", "[1]").
    private static func trailingParenthesis(_ text: String) -> String? {
        // "… in Tehran (IRNA)." credits as "… in Tehran (IRNA)" does.
        if text.hasSuffix(").") || text.hasSuffix("]."), text.count > 2 {
            return trailingParenthesis(String(text.dropLast()))
        }
        // Chinese and Japanese captions credit in full-width parentheses: "工地（新华社）".
        if text.hasSuffix("）") || text.hasSuffix("）。") || text.hasSuffix("］") || text.hasSuffix("］。") {
            var halfWidth = String(text.map { halfWidthBracket($0) })
            if halfWidth.hasSuffix("。") { halfWidth.removeLast() }
            return trailingParenthesis(halfWidth)
        }
        // Al Jazeera and others credit in square brackets: "… on Tuesday [AFP]" (found by QA).
        let open: Character
        let close: Character
        if text.hasSuffix(")") {
            (open, close) = ("(", ")")
        } else if text.hasSuffix("]") {
            (open, close) = ("[", "]")
        } else {
            return nil
        }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == close {
                depth += 1
            } else if text[index] == open {
                depth -= 1
                if depth == 0 {
                    let inner = text[text.index(after: index)..<text.index(before: text.endIndex)]
                    return credit(inside: String(inner).trimmingSpaces())
                }
            }
        }
        return nil
    }

    /// The ASCII parenthesis or bracket for a full-width one ("（" is "("), any other
    /// character as it is.
    private static func halfWidthBracket(_ character: Character) -> Character {
        switch character {
        case "（": "("
        case "）": ")"
        case "［": "["
        case "］": "]"
        default: character
        }
    }

    /// The credit a caption's closing parenthesis or bracket holds, without the word for
    /// "photo" before it; nil when it names nobody.
    private static func credit(inside inner: String) -> String? {
        var trimmed = inner
        // "（写真＝共同）", "[사진=뉴시스]", a dateline's "(서울=연합뉴스)"; any other sign is text
        // ("(E=mc²)", "(x=1)") and credits nobody.
        if CaptionEqualsCredit.holdsSign(trimmed) {
            return CaptionEqualsCredit.credit(in: trimmed, enclosed: true)
        }
        // "(Photo: Anadolu Agency)" credits the agency, as ". Photo: Reuters" does; "（图片来源：新华社）"
        // credits 新华社 (the label was kept; found by QA).
        if holds(UInt8(ascii: ":"), trimmed) || holds(0x9A, trimmed) {
            if markers.contains(where: { endsWithColon($0) && trimmed.hasPrefix($0) }),
                let marked = afterMarker(trimmed)
            {
                trimmed = marked
            } else if let described = afterPictureLabel(trimmed) {
                // "(Illustrative photo: Flash90)" credits Flash90 (it credited the label too).
                trimmed = described
            }
        }
        // "(Photo by Jane Roe/Getty Images)" credits Jane Roe/Getty Images (found by QA).
        for lead in ["photo by ", "photos by ", "picture by ", "image by ", "photograph by "]
        where trimmed.lowercased().hasPrefix(lead) {
            trimmed = String(trimmed.dropFirst(lead.count)).trimmingSpaces()
        }
        // "(Photo Thomas Samson/AFP)", "(Foto EFE)": the word for "photo" before a credit.
        for lead in ["Photo ", "Foto ", "Photos ", "Fotos "] where trimmed.hasPrefix(lead) {
            let rest = String(trimmed.dropFirst(lead.count)).trimmingSpaces()
            if hasSlash(rest) || containsAgency(rest) { trimmed = rest }
        }
        // "（新华社记者 李明 摄）": "摄" ("taken by") is no part of the name (found by QA), nor
        // "供图" ("photo supplied") in "（新华社供图）".
        for taken in ["摄", "攝", "供图", "供圖"] where trimmed.hasSuffix(taken) && trimmed.count > taken.count {
            trimmed = String(trimmed.dropLast(taken.count)).trimmingSpaces()
        }
        // "[연합뉴스 자료사진]" ("Yonhap file photo") credits 연합뉴스, "（共同通信提供）" 共同通信.
        trimmed = CreditClosingLabel.dropped(from: trimmed)
        // A label with nothing after it ("[Photo:]") names nobody.
        return isCredit(trimmed) && !endsWithColon(trimmed) ? trimmed : nil
    }

    /// Words a caption's closing parenthesis holds that credit nobody: "(file photo)",
    /// "(2019)", "(L)", "(illustrative)".
    private static func isCredit(_ inner: String) -> Bool {
        guard inner.contains(where: \.isLetter), !isNumbered(inner) else { return false }
        switch inner.lowercased() {
        case "file photo", "file", "archive", "archive photo", "pictured", "photo", "video", "l", "r", "c",
            // An editor's mark: "… a dissaster [sic]", "[citation needed]".
            "sic", "citation needed",
            "left", "right", "center", "centre", "top", "bottom", "above", "below", "front", "back",
            "left to right", "right to left", "from left", "from right", "l-r", "l to r", "top left",
            "top right",
            "bottom left", "bottom right", "inset",
            // What the picture is, not who made it (they showed as the credit; found by QA).
            "illustrative", "illustration", "illustrative photo", "illustrative image", "photo illustration",
            "screenshot", "screen grab", "screengrab", "courtesy", "courtesy photo", "stock image",
            "stock photo", "file picture", "file image", "archive image", "archive picture":
            return false
        default:
            return true
        }
    }

    /// Whether a parenthesis or bracket holds a number, a letter or two after it: a note
    /// ("[1]", "[2a]") or a picture's number, which name nobody.
    private static func isNumbered(_ inner: String) -> Bool {
        let digits = inner.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let letters = inner.utf8.dropFirst(digits.count)
        return !digits.isEmpty && letters.count <= 2 && letters.allSatisfy { FeedItemDraft.isLetter($0) }
    }

    /// Marks that open a quotation: a marker right after one is part of a quoted title.
    private static let openingQuotes: Set<Character> = [
        "'", "\"", "“", "‘", "„", "‚", "«", "‹", "「", "『", "《",
    ]

    /// The markers' bytes, searched for in a caption's.
    private static let markerBytes = markers.map { Array($0.utf8) }

    /// Whether a marker ends in a colon, a full-width one ("写真：") too.
    private static func endsWithColon(_ marker: String) -> Bool {
        marker.hasSuffix(":") || marker.hasSuffix("：")
    }

    private static func afterMarker(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        // Most markers end in a colon: without one, only "Credit" is looked for (a caption is
        // searched for each marker when a list shows its credit).
        let hasColon = bytes.contains(UInt8(ascii: ":")) || bytes.contains(0xEF)
        // A marker in another script is looked for only in a caption that is not all ASCII.
        let hasWide = hasColon && bytes.contains { $0 >= 0x80 }
        for (marker, needle) in zip(markers, markerBytes)
        where (hasColon || needle.last != UInt8(ascii: ":") && needle.last != 0x9A)
            && (hasWide || needle[0] < 0x80)
            && ByteSearch.firstIndex(of: needle, in: bytes) != nil
        {
            guard let range = text.range(of: marker, options: .backwards) else { continue }
            let before =
                range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let tail = String(text[range.upperBound...]).trimmingSpaces()
            guard !tail.isEmpty, tail.count <= 80 else { continue }
            if endsWithColon(marker) {
                if let before, before.isLetter { continue }
                // A quoted name ("The show 'Foto: Modernity…' opens") is no credit (found by QA).
                if let before, Self.openingQuotes.contains(before) { continue }
                return tail
            }
            // "Credit" without a colon: glued to the sentence ("2023.CreditName") or at the start.
            if before == "." || before == "t" && text[..<range.lowerBound].hasSuffix("Credit") {
                return tail
            }
            if let before, !before.isWhitespace && !before.isLetter { return tail }
            if hasSlash(tail) || containsAgency(tail) { return tail }
        }
        return nil
    }

    /// "…on Thursday.Anthony Wallace / AFP - Getty Images": a credit run on after a full stop.
    private static func gluedCredit(_ text: String) -> String? {
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            guard text[index] == "." else { continue }
            let next = text.index(after: index)
            guard next < text.endIndex, text[next].isUppercase else { continue }
            if index > text.startIndex, text[text.index(before: index)].isUppercase { continue }
            let tail = String(text[next...])
            if hasSlash(tail) || containsAgency(tail) { return tail.trimmingSpaces() }
            return nil
        }
        return nil
    }

    /// The words for a picture that close a label before its credit ("File photo:") or come
    /// before "by" and its maker ("Photo by").
    private static let pictureWords: Set<String> = [
        "photo", "photos", "photograph", "photographs", "photography", "picture", "pictures", "image",
        "images", "illustration", "video", "graphic", "credit", "credits",
    ]

    /// Words that say what kind of picture it is, before a picture's word: "Illustrative
    /// photo:", "File photo by".
    private static let pictureKinds: Set<String> = [
        "illustrative", "file", "archive", "stock", "handout", "pool", "cover", "main", "top", "lead",
        "header", "feature", "featured", "photo",
    ]

    /// How many of `words`' last words make a label that says what the picture is: a
    /// picture's word (``pictureWords``), up to two words of its kind before it
    /// (``pictureKinds``), any case; 0 when the last word is none.
    private static func pictureLabelCount(_ words: [Substring]) -> Int {
        var count = 0
        while count < min(3, words.count) {
            let word = words[words.count - 1 - count].lowercased()
            guard count == 0 ? pictureWords.contains(word) : pictureKinds.contains(word) else { break }
            count += 1
        }
        return count
    }

    /// Whether the words before a label (`before`) leave it starting the caption or its last
    /// sentence, or after a dash or bar ("… in Gaza - Photo by Jane Roe").
    private static func startsSentence(after before: ArraySlice<Substring>) -> Bool {
        guard let last = before.last else { return true }
        return ["-", "—", "–", "|"].contains(last) || last.last.map { ".!?".contains($0) } == true
    }

    /// "… in Jerusalem. Illustrative photo: Flash90", "(File photo: Jane Roe)": the credit after
    /// a label of words that say what the picture is (two or three: one is a marker's), which
    /// starts the caption or its last sentence; nil for any other colon.
    private static func afterPictureLabel(_ text: String) -> String? {
        guard let colon = text.lastIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let credit = String(text[text.index(after: colon)...]).trimmingSpaces()
        guard namesMaker(credit) else { return nil }
        let words = text[..<colon].split(separator: " ")
        let count = pictureLabelCount(words)
        guard count >= 2, startsSentence(after: words.dropLast(count)) else { return nil }
        return credit
    }

    /// "… in the square. Photo by Jane Doe", "Photograph by Jane Roe for The Guardian": the
    /// maker named after a picture's word and "by" (any case) that start the caption or its
    /// last sentence and run to its end (without a closing full stop); nil otherwise ("The
    /// exhibition shows a photo by Jane Doe").
    private static func byLine(_ text: String) -> String? {
        // Most captions have no "by": the "y"s are found with `memchr`, not byte by byte.
        let hasLower = holds(UInt8(ascii: "y"), text)
        guard hasLower || holds(UInt8(ascii: "Y"), text) else { return nil }
        var text = text
        var found: String?
        text.withUTF8 { bytes in
            for letter in hasLower ? [UInt8(ascii: "y"), UInt8(ascii: "Y")] : [UInt8(ascii: "Y")] {
                var next = ByteSearch.next(letter, in: bytes, from: 2)
                while let y = next {
                    next = ByteSearch.next(letter, in: bytes, from: y + 1)
                    // " by " with its "y" at `y`.
                    guard y + 1 < bytes.count, bytes[y + 1] == UInt8(ascii: " "),
                        bytes[y - 2] == UInt8(ascii: " "),
                        bytes[y - 1] | 0x20 == UInt8(ascii: "b"), let maker = maker(in: bytes, by: y - 1),
                        found == nil || (found?.utf8.count ?? 0) > maker.utf8.count
                    else { continue }
                    found = maker
                }
            }
        }
        return found
    }

    /// The maker named after the "by" at `by` in a caption's `bytes` (``byLine(_:)``), or nil
    /// when what comes before "by" is no picture's word starting a sentence.
    private static func maker(in bytes: UnsafeBufferPointer<UInt8>, by: Int) -> String? {
        let words = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(by - 1)]), as: UTF8.self).split(
            separator: " ")
        let count = pictureLabelCount(words)
        guard count >= 1, startsSentence(after: words.dropLast(count)) else { return nil }
        var maker = String(decoding: UnsafeBufferPointer(rebasing: bytes[(by + 3)...]), as: UTF8.self)
            .trimmingSpaces()
        if maker.hasSuffix(".") { maker.removeLast() }
        return namesMaker(maker) ? maker : nil
    }

    /// Words that join the words of a maker's name in lower case: "Jane Roe for The Guardian",
    /// "Ana de la Cruz".
    private static let nameJoiners: Set<Substring> = [
        "for", "of", "and", "the", "via", "from", "at", "on", "de", "del", "la", "le", "da", "di", "du",
        "van",
        "von", "der", "den", "y", "e", "&", "/", "-", "—", "–",
    ]

    /// Whether `text` reads as who made a picture, not as more of the caption: up to 80
    /// characters with a letter, no word but a joiner (``nameJoiners``) starting in lower case,
    /// no sentence ended inside ("Jane Doe. Crowds in the square", "NASA shows Earth").
    private static func namesMaker(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 80, text.contains(where: \.isLetter) else { return false }
        let words = text.split(separator: " ")
        for (position, word) in words.enumerated() {
            if let first = word.first, first.isLowercase, !nameJoiners.contains(word) { return false }
            // A full stop after a word of three letters or more ends a sentence ("Jr." does not).
            if position < words.count - 1, let last = word.last, ".!?".contains(last),
                word.filter(\.isLetter).count >= 3
            {
                return false
            }
        }
        return true
    }

    /// "… — Getty Images", "… - REUTERS/Name", and after a bar as other sites print it: "… |
    /// Reuters" (no credit was found; found by QA).
    private static func afterDash(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        for dash in [" — ", " – ", " - ", " | "] where occurs(dash, in: bytes) {
            guard let range = text.range(of: dash, options: .backwards) else { continue }
            let tail = String(text[range.upperBound...]).trimmingSpaces()
            if isAgency(firstWord(of: tail)) { return tail }
        }
        return nil
    }

    /// "… REUTERS/Name/File Photo", "… AP Photo/Name", "… AFP", "… AFP via Getty Images",
    /// "… Getty Images".
    private static func agencyTail(_ text: String) -> String? {
        let words = spaceSeparatedWords(text)
        for (position, word) in words.enumerated() {
            // Nearly every word: neither branch below takes it, known from its bytes.
            if namesNoAgency(word) { continue }
            let head = firstWord(of: String(word))
            if !isAgency(head), isNameSlashAgency(word) {
                // "… Kyiv. SERGEI SUPINSKY/AFP": the photographer's name runs back to the sentence.
                var start = position
                while start > 0, position - start < 3, isNameWord(words[start - 1]) { start -= 1 }
                return joined(words[start...])
            }
            guard isAgency(head) else { continue }
            let next = position + 1 < words.count ? words[position + 1] : nil
            // An agency's pictures through another ("Bloomberg via Getty Images"), and Getty's
            // own name closing the caption: credits in any case.
            let isVia = next == "via" && position + 2 < words.count
            let isGettyImages =
                head.uppercased() == "GETTY" && next == "Images" && position + 2 == words.count
            let isLast = position == words.count - 1
            // An agency alone after the last sentence, in any case: "… in Kyiv. Reuters" (found
            // by QA); not one closing a sentence ("He told Reuters").
            let isAloneAfterSentence =
                isLast && position > 0 && word.count == head.count
                && words[position - 1].last.map { ".!?".contains($0) } == true
            // The agency's whole name closing the caption: "… ANADOLU AGENCY", "… XINHUA NEWS
            // AGENCY" in capitals, or after the last sentence in any case ("… in Tokyo. Kyodo
            // News"); not one closing a sentence ("He told Anadolu Agency").
            if word.count == head.count, position + 1 < words.count, isNameTail(words[(position + 1)...]) {
                let inCapitals = head == head.uppercased() && words[(position + 1)...].allSatisfy(isCapitals)
                let afterSentence =
                    position > 0 && words[position - 1].last.map { ".!?".contains($0) } == true
                if inCapitals || afterSentence { return joined(words[position...]) }
            }
            guard
                head == head.uppercased() || hasSlash(word) || isVia || isGettyImages || isAloneAfterSentence
            else { continue }
            // "AP Photo/Name", and in capitals as AFP prints it: "AFP PHOTO / NAME" (found by QA).
            let nextIsPhoto =
                next.map { $0.utf8.starts(with: "Photo".utf8) || $0.utf8.starts(with: "PHOTO".utf8) } ?? false
            if hasSlash(word) || isLast || nextIsPhoto || isVia || isGettyImages {
                return joined(words[position...])
            }
        }
        return nil
    }

    /// `text.split(separator: " ")`, cut on the bytes when every space has ASCII on both sides
    /// (no character then joins a space, so its bytes are the character " "); otherwise split by
    /// characters. The split by characters was 40,000 instructions a caption, the most of
    /// `agencyTail`.
    static func spaceSeparatedWords(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var words: [Substring] = []
        var wordStart = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: " ") {
                guard previous < 0x80, next == utf8.endIndex || utf8[next] < 0x80 else {
                    return text.split(separator: " ")
                }
                if wordStart != index { words.append(text[wordStart..<index]) }
                wordStart = next
            }
            previous = byte
            index = next
        }
        if wordStart != utf8.endIndex { words.append(text[wordStart...]) }
        return words
    }

    /// The words that close an agency's name: "Agency" in "Anadolu Agency", "News Agency" in
    /// "Xinhua News Agency", "News" in "Kyodo News", "Images" in "PA Images".
    private static let nameTailWords: Set<String> = ["AGENCY", "NEWS", "PRESS", "IMAGES", "MEDIA", "PHOTOS"]

    /// Whether `words`, one or two, are the words that close an agency's name.
    private static func isNameTail(_ words: ArraySlice<Substring>) -> Bool {
        words.count <= 2 && words.allSatisfy { nameTailWords.contains($0.uppercased()) }
    }

    /// Whether `word` has a letter and no lower-case one: "AGENCY", not "Agency".
    private static func isCapitals(_ word: Substring) -> Bool {
        word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
    }

    /// Words joined by spaces.
    private static func joined(_ words: ArraySlice<Substring>) -> String {
        JoinedText.joined(words, separator: " ")
    }

    /// "SUPINSKY/AFP", "Brandon/AP", "Vucci/Reuters": a name, then an agency after a slash.
    private static func isNameSlashAgency(_ word: Substring) -> Bool {
        guard hasSlash(word) else { return false }
        let parts = word.split(separator: "/")
        return parts.count > 1 && parts.dropFirst().contains { isAgency(String($0)) }
    }

    /// A word of a person's name: a capital first, a letter last ("Kyiv." ends a sentence).
    private static func isNameWord(_ word: Substring) -> Bool {
        guard let first = word.first, let last = word.last else { return false }
        return first.isUppercase && last.isLetter
    }

    /// Whether `needle`'s bytes occur in `bytes` (a caption's UTF-8): a quick test before
    /// Foundation's search, which costs far more and finds nothing when the bytes are not there.
    private static func occurs(_ needle: String, in bytes: [UInt8]) -> Bool {
        ByteSearch.firstIndex(of: Array(needle.utf8), in: bytes) != nil
    }

    /// Whether `text`'s UTF-8 holds `byte`, found with `memchr`: a quick test before a search
    /// by characters.
    private static func holds(_ byte: UInt8, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ByteSearch.contains(byte, in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `text` holds a slash, looked for in its bytes: Foundation's `contains` with a
    /// string costs run-time type lookups on the way to the first screen.
    private static func hasSlash(_ text: some StringProtocol) -> Bool {
        text.utf8.contains(UInt8(ascii: "/"))
    }

    private static func containsAgency(_ text: String) -> Bool {
        text.split(whereSeparator: isWordBreak).contains { isAgency(String($0)) }
    }

    private static func firstWord(of text: String) -> String {
        String(text.prefix(while: { !isWordBreak($0) }))
    }

    /// What ends an agency's name in a credit: a space, "/", "-" or ",".
    private static func isWordBreak(_ character: Character) -> Bool {
        character == " " || character == "/" || character == "-" || character == ","
    }

    private static func isAgency(_ word: String) -> Bool {
        agencies.contains(word.uppercased())
    }

    /// Whether `word` is ASCII without a "/" and its first word (``firstWord(of:)``) is no
    /// agency's name in any case: `agencyTail` passes it by (its look by characters cost a
    /// long caption 75,000 instructions, a sixth of `list`'s work on a dump). False when not
    /// known so from its bytes.
    private static func namesNoAgency(_ word: Substring) -> Bool {
        var head = PackedName()
        var inHead = true
        for byte in word.utf8 {
            // Every byte is looked at: a "/" or a byte beyond ASCII anywhere leaves the word
            // to the look by characters.
            guard byte < 0x80, byte != UInt8(ascii: "/") else { return false }
            guard inHead else { continue }
            // ASCII characters are bytes: the first word ends where `firstWord` ends it.
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") {
                inHead = false
                continue
            }
            head.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        return !asciiAgencyKeys.contains(head)
    }

    /// The ASCII agencies' names, packed as ``namesNoAgency(_:)`` packs a word's first word.
    private static let asciiAgencyKeys: [PackedName] = agencies.compactMap { name in
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var key = PackedName()
        for byte in name.utf8 { key.append(byte) }
        return key.isTooLong ? nil : key
    }

    /// Up to 16 ASCII bytes held in two words, compared at once; longer is no agency's name.
    private struct PackedName: Equatable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private var length = 0

        var isTooLong: Bool { length > 16 }

        mutating func append(_ byte: UInt8) {
            if length < 8 {
                low |= UInt64(byte) << (8 * UInt64(length))
            } else if length < 16 {
                high |= UInt64(byte) << (8 * UInt64(length - 8))
            }
            length = min(length + 1, 17)
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
