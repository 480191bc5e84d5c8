import Foundation

/// Which Latin 8-bit encoding undeclared text is in: windows-1252 (Western Europe), windows-1250
/// or ISO-8859-2 (Central Europe: Polish, Czech, Slovak, Hungarian, Croatian, Slovene,
/// Romanian) or windows-1254 (Turkish). All were read as windows-1252: "Łódź" showed as "£ódŸ"
/// and "şehir" as "þehir".
///
/// Each encoding is scored by how likely its reading is as text in one of its languages: each
/// letter outside ASCII by how often that language writes it among all its letters (Polish ł
/// 1.8%, Turkish ı 5.1%, French é 1.9%; a letter the language does not write, 1 in 100,000),
/// each ASCII letter by how often the language writes no such letter (Hungarian, whose letters
/// are 15% accented, pays for plain English), a sign beside a letter ("g³os", "są" read as
/// "s±"), a quote or dash between two letters and a capital after a small letter ("ódŸ") as
/// a letter no language writes. The frequencies are
/// the usual published letter counts, rounded. windows-1252 wins unless another reads better
/// by ``margin``: Western text stays as it was read, and a text of a few accents that reads in
/// both stays windows-1252. Linear in the bytes: one pass counts each high byte's places.
enum LatinEncodingGuess {
    /// An encoding with the languages written in it.
    struct Candidate: Sendable {
        var name: String
        var encoding: String.Encoding
        var languages: [Language]
        /// What each byte from 0x80 is in it: a small letter's scalar, a capital's small letter
        /// with ``capitalBit``, ``punctuation``, ``symbol`` or ``undefined``.
        var characters: [UInt32]
    }

    /// How often a language writes each letter outside ASCII, as a share of all its letters.
    struct Language: Sendable {
        var name: String
        /// Natural logarithms of the shares, by small letter.
        var logShares: [UInt32: Double]
        /// The logarithm of the share of ASCII letters.
        var logASCIIShare: Double
    }

    /// How much better (in natural log) another encoding must read than windows-1252.
    static let margin = 4.0

    static let capitalBit: UInt32 = 1 << 31
    /// A quote, bracket, dash or ¿ ¡, which may touch a word on one side.
    static let punctuation: UInt32 = 0xFFFF_FFFD
    /// Any other sign (± ¶ ³ £ ¬), which touches no letter.
    static let symbol: UInt32 = 0xFFFF_FFFE
    static let undefined: UInt32 = 0xFFFF_FFFF
    /// A letter the language does not write, a symbol inside a word, a capital inside one.
    static let logUnlikely = log(0.00001)
    static let logUndefined = -20.0

    /// The encoding `bytes` read best in (windows-1252 unless another reads better).
    static func best(_ bytes: UnsafeRawBufferPointer) -> Candidate {
        let (values, westernOddities) = scores(bytes)
        // Text whose every paragraph reads as one Western language stays windows-1252, however
        // well it reads in another: French "très" and Italian "così" were read as Czech "trčs"
        // and "cosě" (č and ě are frequent letters there), a dump of both languages too (QA).
        guard westernOddities > 0 else { return candidates[0] }
        var best = 0
        var bestValue = values[0] + margin
        for index in values.indices.dropFirst() where values[index] > bestValue {
            best = index
            bestValue = values[index]
        }
        // A text read alike in both ("Café Zürich" in windows-1250 too) stays windows-1252.
        guard best > 0 else { return candidates[0] }
        var present = [Bool](repeating: false, count: 128)
        for byte in bytes where byte >= 0x80 { present[Int(byte) - 0x80] = true }
        let differs = (0..<128).contains { slot in
            present[slot] && candidates[best].characters[slot] != candidates[0].characters[slot]
        }
        return differs ? candidates[best] : candidates[0]
    }

    /// How likely `bytes` read in each of ``candidates``, as a natural logarithm: the best of its
    /// languages; and how many paragraphs (parted by blank lines) of the windows-1252 reading no
    /// one Western language writes (letters no one of them has together, signs glued to
    /// letters, bytes it leaves undefined).
    static func scores(_ bytes: UnsafeRawBufferPointer) -> (scores: [Double], westernOddities: Int) {
        // Per high byte: how often it stands, beside a letter, between two, after a small one.
        var total = [Int](repeating: 0, count: 128)
        var touching = [Int](repeating: 0, count: 128)
        var glued = [Int](repeating: 0, count: 128)
        var afterSmall = [Int](repeating: 0, count: 128)
        var asciiLetters = 0
        let count = bytes.count
        @inline(__always) func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || FeedItemDraft.isLetter(byte)
        }
        // The Western languages that write every letter of the paragraph read so far.
        let everyWesternLanguage = westernWriters.reduce(0, |)
        var paragraphWriters = everyWesternLanguage
        var lineHasText = false
        var westernOddities = 0
        for index in 0..<count {
            let byte = bytes[index]
            if byte < 0x80 {
                if FeedItemDraft.isLetter(byte) { asciiLetters += 1 }
                if byte == UInt8(ascii: "\n") {
                    if !lineHasText {
                        if paragraphWriters == 0 { westernOddities += 1 }
                        paragraphWriters = everyWesternLanguage
                    }
                    lineHasText = false
                } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\r")
                    && byte != UInt8(ascii: "\t")
                {
                    lineHasText = true
                }
                continue
            }
            lineHasText = true
            let slot = Int(byte) - 0x80
            total[slot] += 1
            let before: UInt8 = index > 0 ? bytes[index - 1] : 0x20
            let after: UInt8 = index + 1 < count ? bytes[index + 1] : 0x20
            let isGlued = isWordByte(before) && isWordByte(after)
            if candidates[0].characters[slot] < punctuation || isGlued {
                paragraphWriters &= westernWriters[slot]
            }
            if isGlued { glued[slot] += 1 }
            if isWordByte(before) || isWordByte(after) { touching[slot] += 1 }
            if before >= 0x61 && before <= 0x7A { afterSmall[slot] += 1 }
        }
        func score(_ candidate: Candidate, _ language: Language) -> Double {
            var value = Double(asciiLetters) * language.logASCIIShare
            for slot in 0..<128 where total[slot] > 0 {
                let character = candidate.characters[slot]
                switch character {
                case undefined:
                    value += Double(total[slot]) * logUndefined
                case punctuation:
                    value += Double(glued[slot]) * logUnlikely
                case symbol:
                    value += Double(touching[slot]) * logUnlikely
                default:
                    let small = character & ~capitalBit
                    value += Double(total[slot]) * (language.logShares[small] ?? logUnlikely)
                    if character & capitalBit != 0 { value += Double(afterSmall[slot]) * logUnlikely }
                }
            }
            return value
        }
        if paragraphWriters == 0 { westernOddities += 1 }
        let values = candidates.map { candidate in
            candidate.languages.map { score(candidate, $0) }.max() ?? -.infinity
        }
        return (values, westernOddities)
    }

    /// Per byte from 0x80, the languages of windows-1252 that write it as a letter (a bit each,
    /// in the order of its ``Candidate/languages``); none for a sign or an undefined byte.
    static let westernWriters: [UInt32] = (0..<128).map { slot in
        let character = candidates[0].characters[slot]
        guard character < punctuation else { return 0 }
        var writers: UInt32 = 0
        for (index, language) in candidates[0].languages.enumerated()
        where language.logShares[character & ~capitalBit] != nil {
            writers |= 1 << index
        }
        return writers
    }

    /// Whether each byte from 0x80 is a letter in one of ``candidates``.
    static let isLetterInSome: [Bool] = (0..<128).map { slot in
        candidates.contains { $0.characters[slot] < punctuation }
    }

    /// windows-1252 first; windows-1250 before ISO-8859-2 (they read Central European letters
    /// from 0xC0 alike).
    static let candidates: [Candidate] = [
        candidate(
            "windows-1252", .windowsCP1252,
            [
                (
                    "en",
                    "é0.01 è0.002 ë0.002 ï0.002 ö0.002 ü0.002 ç0.002 á0.002 ñ0.002 à0.002 ô0.002 â0.002 ê0.002 í0.002 ó0.002 ú0.002 ø0.002 å0.002 ä0.002"
                ),
                ("fr", "é1.9 è0.27 ê0.22 à0.49 â0.05 ç0.09 î0.05 ï0.01 ô0.06 ù0.06 û0.06 ë0.01 œ0.02 ÿ0.001"),
                ("de", "ä0.58 ö0.44 ü0.99 ß0.31 é0.01"),
                ("es", "á0.5 é0.43 í0.72 ó0.83 ú0.17 ñ0.31 ü0.02"),
                ("pt", "á0.3 à0.07 â0.1 ã0.73 ç0.53 é0.34 ê0.45 í0.13 ó0.15 ô0.06 õ0.1 ú0.1"),
                ("it", "à0.6 è0.26 é0.05 ì0.03 ò0.1 ù0.17 ó0.01"),
                ("ca", "à0.4 è0.3 é0.4 í0.2 ï0.05 ò0.2 ó0.2 ú0.1 ü0.02 ç0.1"),
                ("nl", "é0.05 ë0.05 ï0.02 è0.01 ö0.005 ü0.005"),
                ("sv", "å1.34 ä1.8 ö1.31 é0.02"),
                ("da", "æ0.87 ø0.94 å1.19 é0.01"),
                ("fi", "ä3.58 ö0.44 å0.01 š0.01 ž0.01"),
                ("is", "á1.8 é0.65 í1.57 ó0.99 ú0.61 ý0.23 þ1.45 ð4.39 æ0.87 ö0.78"),
            ]),
        candidate("windows-1250", .windowsCP1250, centralEuropean),
        candidate("ISO-8859-2", .isoLatin2, centralEuropean),
        candidate(
            "windows-1254", .windowsCP1254,
            [("tr", "ç1.15 ğ1.12 ı5.11 i0.5 ö0.78 ş1.78 ü1.99 â0.05 î0.01 û0.01")]),
    ]

    private static let centralEuropean = [
        ("pl", "ą0.99 ć0.4 ę1.11 ł1.82 ń0.2 ó0.85 ś0.66 ź0.06 ż0.83"),
        ("cs", "á0.87 č0.46 ď0.02 é0.63 ě1.22 í1.64 ň0.01 ó0.02 ř0.38 š0.69 ť0.01 ú0.05 ů0.2 ý0.99 ž0.72"),
        ("sk", "á2.0 ä0.1 č0.9 ď0.1 é0.7 í1.4 ĺ0.01 ľ0.3 ň0.1 ó0.2 ô0.2 ŕ0.01 š0.7 ť0.4 ú0.5 ý1.0 ž0.8"),
        ("hu", "á3.4 é3.9 í0.7 ó1.0 ö1.0 ő0.9 ú0.2 ü0.5 ű0.2"),
        ("hr", "č1.0 ć0.6 đ0.2 š0.8 ž0.7"),
        ("sl", "č1.2 š0.9 ž0.8"),
        ("ro", "ă4.0 â0.8 î1.0 ş1.3 ţ1.0"),
    ]

    /// `name` in `encoding`, its languages given as letters with their percentages.
    private static func candidate(
        _ name: String, _ encoding: String.Encoding, _ languages: [(String, String)]
    ) -> Candidate {
        let characters = (0x80...0xFF).map { byte -> UInt32 in
            guard let text = String(bytes: [UInt8(byte)], encoding: encoding),
                text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                scalar.value >= 0xA0, scalar.value != 0xFFFD
            else { return undefined }
            let properties = scalar.properties
            // Ordinal signs (ª º) are letters to Unicode, signs after a number to a reader.
            switch properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter: break
            case .initialPunctuation, .finalPunctuation, .openPunctuation, .closePunctuation,
                .dashPunctuation:
                return punctuation
            default: return scalar == "¿" || scalar == "¡" ? punctuation : symbol
            }
            // İ is the capital of i, which Turkish writes among its ASCII letters.
            if scalar == "\u{130}" { return UInt32(0x69) | capitalBit }
            let small = properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
            return properties.isUppercase ? small | capitalBit : small
        }
        let parsed = languages.map { name, text in
            var shares: [UInt32: Double] = [:]
            // Summed in the text's order: a dictionary's order changes from run to run, and with
            // it the sum's last bits, which told apart two encodings that read a text alike.
            var accented = 0.0
            for entry in text.split(separator: " ") {
                guard let letter = entry.unicodeScalars.first, let percent = Double(entry.dropFirst()) else {
                    continue
                }
                shares[letter.value] = percent / 100
                if letter.value >= 0x80 { accented += percent / 100 }
            }
            return Language(
                name: name, logShares: shares.mapValues { log($0) }, logASCIIShare: log(1 - accented))
        }
        return Candidate(name: name, encoding: encoding, languages: parsed, characters: characters)
    }
}
