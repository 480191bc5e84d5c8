import Foundation

/// Which 8-bit encoding undeclared bytes whose high bytes come in words are in, when they are
/// not Thai: Cyrillic in windows-1251, KOI8-R or IBM866 (cp866, DOS), Greek in windows-1253
/// (ISO-8859-7 differs only in a few signs), Arabic and Persian in windows-1256, or Hebrew in
/// windows-1255 when ``HebrewGuess`` found it. Greek, Arabic and KOI8-R were read as
/// windows-1251, in wrong Cyrillic letters, and short Arabic or KOI8-R words as Hebrew.
///
/// Each encoding is scored by how its script's letters would fall: a point for each byte that
/// is one of its language's most frequent letters (о е а и н т с р в л і; α ο ι ε τ σ ν η υ ρ κ
/// and the accented ά έ ί ό ή; ا أ إ آ ل ي ی م و ن ر ت ب ة د ه; י ו ה א ל מ ר ב ש ת נ); two off
/// for a byte that is no character in it, for a word in small letters with no vowel, for ς
/// inside a word or σ at its end and for a word starting with ъ ы ь; three off for a capital
/// after a small letter; one off for a letter of its script in a Latin word, and for a symbol
/// or another script's letter (box drawing in KOI8-R and IBM866, the French letters of
/// windows-1256) that touches one of its letters. KOI8-R has its small letters where
/// windows-1251 has capitals, so Russian read in the wrong one is capitals after small letters
/// and rare letters; IBM866 read as windows-1251 is signs inside words, and windows-1251 read
/// as IBM866 box drawing; Greek and Arabic read as Cyrillic are rare letters and capitals inside
/// words. Linear in the bytes: one pass for each encoding.
enum EightBitScriptGuess {
    /// An 8-bit encoding, with what each byte from 0x80 is in it.
    struct Candidate: Sendable {
        var name: String
        var encoding: String.Encoding
        /// ``Kind`` bits for bytes 0x80...0xFF.
        var kinds: [UInt16]
    }

    /// What a byte is in an encoding, as bits.
    enum Kind {
        static let letter: UInt16 = 1
        static let capital: UInt16 = 2
        static let small: UInt16 = 4
        static let frequent: UInt16 = 8
        /// A symbol or another script's letter.
        static let foreign: UInt16 = 16
        /// No character.
        static let unused: UInt16 = 32
        /// A vowel, or any letter of a script that does not write all its vowels.
        static let vowel: UInt16 = 64
        /// A letter written only at a word's end (Greek ς).
        static let onlyLast: UInt16 = 128
        /// A letter never written at a word's end (Greek σ).
        static let neverLast: UInt16 = 256
        /// A letter never written at a word's start (Cyrillic ъ ы ь).
        static let neverFirst: UInt16 = 512
    }

    /// The encoding `bytes` read best in: windows-1251 unless another scores higher. When
    /// ``HebrewGuess`` found Hebrew (`hebrew`), windows-1255 unless KOI8-R, windows-1253 or
    /// windows-1256 scores higher (HebrewGuess alone tells Hebrew from windows-1251).
    static func best(_ bytes: UnsafeRawBufferPointer, hebrew: Bool = false) -> Candidate {
        var best = candidates[1]
        var bestScore = score(bytes, in: best)
        for candidate in candidates.dropFirst(2) {
            let value = score(bytes, in: candidate)
            if value > bestScore {
                best = candidate
                bestScore = value
            }
        }
        let rival = hebrew ? hebrewCandidate : candidates[0]
        return score(bytes, in: rival) >= bestScore ? rival : best
    }

    /// How well the high bytes of `bytes` read as letters of `candidate`'s script (see above).
    static func score(_ bytes: UnsafeRawBufferPointer, in candidate: Candidate) -> Int {
        let kinds = candidate.kinds
        @inline(__always) func kind(_ byte: UInt8) -> UInt16 { byte >= 0x80 ? kinds[Int(byte) - 0x80] : 0 }
        var score = 0
        // The word of the script's letters so far: whether it has a small letter and a vowel.
        var wordLength = 0
        var wordIsSmall = false
        var wordHasVowel = false
        let count = bytes.count
        for index in 0..<count where bytes[index] >= 0x80 {
            let current = kind(bytes[index])
            let before = index > 0 ? kind(bytes[index - 1]) : 0
            if current & Kind.letter != 0 {
                if before & Kind.letter == 0 { (wordLength, wordIsSmall, wordHasVowel) = (0, false, false) }
                wordLength += 1
                if current & Kind.small != 0 { wordIsSmall = true }
                if current & Kind.vowel != 0 { wordHasVowel = true }
                let next = index + 1 < count ? kind(bytes[index + 1]) : 0
                // Every word in small letters has a vowel ("Жсрт" is Persian "ورزش" in KOI8-R);
                // abbreviations in capitals need none.
                if next & Kind.letter == 0 && wordLength >= 2 && wordIsSmall && !wordHasVowel { score -= 2 }
                // Word shapes: ς ends a word and σ does not; no word starts with ъ ы ь. (Hebrew
                // read as Greek ended words in σ, "ηεψσ" for "חורף"; Ukrainian read as KOI8-R
                // started them with ь.)
                if current & Kind.onlyLast != 0 && next & Kind.letter != 0 { score -= 2 }
                if current & Kind.neverLast != 0 && next & Kind.letter == 0 && wordLength >= 2 { score -= 2 }
                if current & Kind.neverFirst != 0 && wordLength == 1 { score -= 2 }
            }
            if current & Kind.unused != 0 {
                score -= 2
            } else if current & Kind.letter != 0 {
                let after = index + 1 < count ? bytes[index + 1] : 0x20
                if index > 0 && FeedItemDraft.isLetter(bytes[index - 1]) || FeedItemDraft.isLetter(after) {
                    // In a Latin word: "Société" in windows-1253 is "Sociιtι".
                    score -= 1
                } else if current & Kind.frequent != 0 {
                    score += 1
                }
                if current & Kind.capital != 0 && before & Kind.small != 0 { score -= 3 }
            } else if current & Kind.foreign != 0 {
                let after = index + 1 < count ? kind(bytes[index + 1]) : 0
                if (before | after) & Kind.letter != 0 { score -= 1 }
            }
        }
        return score
    }

    /// windows-1251 first: it wins a tie.
    static let candidates: [Candidate] = [
        candidate(
            "windows-1251", .windowsCP1251, script: 0x0400...0x052F, frequent: "оеаинтсрвлі",
            vowels: cyrillicVowels),
        candidate(
            "KOI8-R", String.Encoding(rawValue: 0x8000_0A02), script: 0x0400...0x052F, frequent: "оеаинтсрвл",
            vowels: cyrillicVowels),
        candidate(
            "IBM866", FeedTextDecoder.ibm866, script: 0x0400...0x052F, frequent: "оеаинтсрвл",
            vowels: cyrillicVowels),
        candidate(
            "windows-1253", .windowsCP1253, script: 0x0370...0x03FF, frequent: "αοιετσνηυρκάέίόή",
            vowels: "αεηιουωάέήίόύώϊϋΐΰ"),
        candidate(
            "windows-1256", String.Encoding(rawValue: 0x8000_0506), script: 0x0600...0x06FF,
            frequent: "اأإآليیمونرتبةده"),
    ]

    /// Hebrew, which ``HebrewGuess`` tells from small Cyrillic letters first.
    static let hebrewCandidate = candidate(
        "windows-1255", String.Encoding(rawValue: 0x8000_0505), script: 0x0590...0x05FF,
        frequent: "יוהאלמרבשתנ")

    private static let cyrillicVowels = "аеиоуыэюяёіїє"

    /// The kinds of the bytes from 0x80 in `encoding`, whose letters in `script` are its own;
    /// with no `vowels`, every letter counts as one.
    private static func candidate(
        _ name: String, _ encoding: String.Encoding, script: ClosedRange<UInt32>, frequent: String,
        vowels: String = ""
    ) -> Candidate {
        let frequentLetters = Set(frequent.unicodeScalars.map(\.value))
        let vowelLetters = Set(vowels.unicodeScalars.map(\.value))
        let kinds = (0x80...0xFF).map { byte -> UInt16 in
            guard let text = String(bytes: [UInt8(byte)], encoding: encoding),
                let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
                scalar.value >= 0xA0, scalar.value != 0xFFFD
            else { return Kind.unused }
            let properties = scalar.properties
            if script.contains(scalar.value)
                && (properties.isAlphabetic || properties.generalCategory == .nonspacingMark)
            {
                var kind = Kind.letter
                if properties.isUppercase { kind |= Kind.capital }
                if properties.isLowercase { kind |= Kind.small }
                let lower = properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value
                if frequentLetters.contains(lower) { kind |= Kind.frequent }
                if vowelLetters.isEmpty || vowelLetters.contains(lower) { kind |= Kind.vowel }
                switch scalar.value {
                case 0x03C2: kind |= Kind.onlyLast
                case 0x03C3: kind |= Kind.neverLast
                case 0x042A...0x042C, 0x044A...0x044C: kind |= Kind.neverFirst
                default: break
                }
                return kind
            }
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                .otherSymbol, .mathSymbol:
                return Kind.foreign
            default:
                return 0
            }
        }
        return Candidate(name: name, encoding: encoding, kinds: kinds)
    }
}
