import Foundation

/// TeX's accent commands in authors' names, as arXiv's feeds write them (`Schr\"odinger`,
/// `Erd\H{o}s`, `G\'{e}rard`, `{\"o}`, `\c{C}elik`, `\c C`, `Mar\'{\i}a`): read as the accented
/// letters they make, and so are the letters TeX writes as commands in braces (`S{\o}ren`,
/// `{\L}ukasz`, `Gro\ss{}`). Any other backslash, brace or command (`\&`, a bare `\ss`) is left
/// as written, and so is an accent with nothing to sit on.
enum TeXAccents {
    /// `name` with each TeX accent form read as its letter; `name` itself when it has none.
    static func decoded(_ name: String) -> String {
        guard name.utf8.contains(backslash) else { return name }
        let scalars = Array(name.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            if let (letter, end) = accented(scalars, at: index) {
                result.append(contentsOf: letter.unicodeScalars)
                index = end
                changed = true
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(result) : name
    }

    private static let backslash = UInt8(ascii: "\\")

    /// The combining mark each accent command puts on its letter: the symbols (`\"o`, `\'{e}`)
    /// and the letters, which take their letter after braces or a space (`\H{o}`, `\c C`).
    private static let symbolAccents: [Unicode.Scalar: Unicode.Scalar] = [
        "`": "\u{0300}", "'": "\u{0301}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}", ".": "\u{0307}",
        "\"": "\u{0308}",
    ]
    private static let letterAccents: [Unicode.Scalar: Unicode.Scalar] = [
        "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}",
        "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// The letter an accent form starting at `index` makes and the index after the form: a
    /// command and its letter, or that in a group of its own (`{\"o}`); nil when none starts there.
    private static func accented(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "\\",
            let (letter, end) = command(scalars, at: index + 1) ?? specialLetter(scalars, at: index + 1),
            end < scalars.count, scalars[end] == "}"
        {
            return (letter, end + 1)
        }
        guard scalars[index] == "\\" else { return nil }
        if let found = command(scalars, at: index) { return found }
        // A letter of its own before empty braces (`\o{}`); bare (`S\o ren`) it is left as written.
        guard let (letter, end) = specialLetter(scalars, at: index), end + 1 < scalars.count,
            scalars[end] == "{", scalars[end + 1] == "}"
        else { return nil }
        return (letter, end + 2)
    }

    /// The letters TeX writes as commands of their own (`{\o}`, `{\L}`, `{\ss}`, `{\AA}`, the
    /// dotless `{\i}` of Turkish names), as arXiv's names have them.
    private static let specialLetters: [String: String] = [
        "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
        "oe": "œ", "OE": "Œ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "i": "ı", "j": "ȷ",
    ]

    /// A letter of its own at `index` (its backslash) and the index after its name.
    private static func specialLetter(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        var end = index + 1
        var name = ""
        while end < scalars.count, isASCIILetter(scalars[end]), name.count < 2 {
            name.unicodeScalars.append(scalars[end])
            end += 1
        }
        guard end == scalars.count || !isASCIILetter(scalars[end]), let letter = specialLetters[name] else {
            return nil
        }
        return (letter, end)
    }

    /// An accent command at `index` (its backslash) and the letter it sits on.
    private static func command(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        guard index + 1 < scalars.count else { return nil }
        let name = scalars[index + 1]
        var start = index + 2
        let mark: Unicode.Scalar
        if let symbol = symbolAccents[name] {
            mark = symbol
        } else if let letter = letterAccents[name] {
            // A command of one letter: `\cC` is a command of its own, not `\c` on "C".
            guard start < scalars.count, !isASCIILetter(scalars[start]) else { return nil }
            mark = letter
            let spaced = scalars[start] == " "
            while start < scalars.count, scalars[start] == " " { start += 1 }
            guard start < scalars.count, spaced || scalars[start] == "{" else { return nil }
        } else {
            return nil
        }
        guard let (base, end) = base(scalars, at: start) else { return nil }
        // A quote escaped inside a name, as PHP escapes it (`O\'Brien`, `D\'Angelo`): a letter
        // before it and a capital right after it, no braces (TeX writes `L\'opez`, `\'Alvarez`).
        if name == "'" || name == "\"", index > 0, scalars[index - 1].properties.isAlphabetic,
            scalars[start] != "{", base.properties.isUppercase
        {
            return nil
        }
        var letter = String.UnicodeScalarView()
        letter.append(base)
        letter.append(mark)
        let composed = String(letter).precomposedStringWithCanonicalMapping
        // Only a letter that is one character of its own (`ó`, `ş`, `ő`): a mark no name's letter
        // has (`J` with a diaeresis, `B` with an acute) is an escaped quote, not an accent.
        guard composed.unicodeScalars.count == 1 else { return nil }
        return (composed, end)
    }

    /// The letter an accent sits on at `index`: a letter, or a dotless `\i` or `\j` (read as
    /// "i" and "j", which the accent's mark replaces the dot of), alone or in braces.
    private static func base(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < scalars.count else { return nil }
        if scalars[index] == "{" {
            guard let (letter, end) = bareBase(scalars, at: index + 1), end < scalars.count,
                scalars[end] == "}"
            else { return nil }
            return (letter, end + 1)
        }
        return bareBase(scalars, at: index)
    }

    /// A letter, or a dotless `\i` or `\j`, at `index`.
    private static func bareBase(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < scalars.count else { return nil }
        let first = scalars[index]
        if first == "\\", index + 1 < scalars.count, scalars[index + 1] == "i" || scalars[index + 1] == "j" {
            let end = index + 2
            // `\i` ends at a non-letter (a space after it is part of the command).
            if end < scalars.count, isASCIILetter(scalars[end]) { return nil }
            return (scalars[index + 1], end < scalars.count && scalars[end] == " " ? end + 1 : end)
        }
        return first.properties.isAlphabetic ? (first, index + 1) : nil
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar.properties.isAlphabetic
    }
}
