/// Words put back together with one space between them.
///
/// By hand, not with `joined(separator:)`: the standard library's generic join looks protocol
/// conformances up at run time the first time it runs, a scan of every conformance of this
/// big static binary (0.5 ms of a feed's first item; see DECISIONS.md).
enum WordJoin {
    /// The words of `text` split where `isSeparator` says, with one space between them.
    static func collapsed(_ text: String, separatedBy isSeparator: (Character) -> Bool) -> String {
        var result = ""
        for word in text.split(whereSeparator: isSeparator) {
            if !result.isEmpty { result += " " }
            result += String(word)
        }
        return result
    }

    /// The words of `text` split at the spaces, tabs, line feeds and carriage returns that are
    /// characters of their own (or CR LF), with one space between them, as
    /// ``collapsed(_:separatedBy:)`` splits it: read on the UTF-8 bytes a scalar at a time, or
    /// with `byCharacters` character by character (tests compare the two). Tabs and line breaks
    /// are characters of their own always; a space is one unless a prepended mark comes before
    /// it or a mark that extends it comes after it (``startsCharacter(_:after:)``).
    static func collapsedAtTextSpace(_ text: String, byCharacters: Bool = false) -> String {
        guard !byCharacters else {
            return collapsed(text) { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        }
        var text = text
        return text.withUTF8 { input in
            var words = [UInt8]()
            words.reserveCapacity(input.count)
            let count = input.count
            var index = 0
            var previous: Unicode.Scalar?
            // Where the word being read starts (-1 between words).
            var wordStart = -1
            while index < count {
                let (scalar, length) = WordJoin.scalar(in: input, at: index)
                let value = scalar.value
                var separates = value == 0x09 || value == 0x0A || value == 0x0D
                if value == 0x20 {
                    separates = previous.map { startsCharacter(scalar, after: $0) } ?? true
                    if separates, index + 1 < count {
                        let (next, _) = WordJoin.scalar(in: input, at: index + 1)
                        separates = startsCharacter(next, after: scalar)
                    }
                }
                if separates, wordStart >= 0 {
                    if !words.isEmpty { words.append(0x20) }
                    words.append(contentsOf: UnsafeBufferPointer(rebasing: input[wordStart..<index]))
                    wordStart = -1
                } else if !separates, wordStart < 0 {
                    wordStart = index
                }
                previous = scalar
                index += length
            }
            if wordStart >= 0 {
                if !words.isEmpty { words.append(0x20) }
                words.append(contentsOf: UnsafeBufferPointer(rebasing: input[wordStart...]))
            }
            return String(decoding: words, as: UTF8.self)
        }
    }

    /// Names listed with a comma and a space between them.
    static func list(_ names: [String]) -> String {
        var result = ""
        for name in names {
            if !result.isEmpty { result += ", " }
            result += name
        }
        return result
    }

    /// The words of `text` split where `Character.isWhitespace` says, with one space between
    /// them. Decided a scalar at a time on the UTF-8 bytes, which gives the same: a character is
    /// white space when its first scalar is, and a character starts at a white space scalar
    /// unless the one before is a prepended mark (or CR before LF); one that does takes the
    /// scalars after it that extend it (combining marks). Only those two questions are put
    /// to Unicode's character breaks, and only where a scalar past U+05FF or U+02FF asks them.
    static func collapsedAtWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var words = [UInt8]()
            words.reserveCapacity(input.count)
            let count = input.count
            var index = 0
            var previous: Unicode.Scalar?
            // Whether the character being read is white space; where the word being read starts
            // (its bytes are copied whole when it ends).
            var inSpace = false
            var wordStart = 0
            while index < count {
                let (scalar, length) = WordJoin.scalar(in: input, at: index)
                let space = WhiteSpace.contains(scalar)
                defer {
                    previous = scalar
                    index += length
                }
                // A scalar that starts no character is part of the one before: kept in a word,
                // dropped in white space.
                if space || inSpace, let previous, !startsCharacter(scalar, after: previous) { continue }
                if space {
                    if !inSpace {
                        words.append(contentsOf: UnsafeBufferPointer(rebasing: input[wordStart..<index]))
                    }
                    inSpace = true
                } else if inSpace {
                    if !words.isEmpty { words.append(0x20) }
                    inSpace = false
                    wordStart = index
                }
            }
            if !inSpace { words.append(contentsOf: UnsafeBufferPointer(rebasing: input[wordStart..<count])) }
            return String(decoding: words, as: UTF8.self)
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index` of `bytes` (valid UTF-8), and its length.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        UTF8Scalar.decode(bytes, at: index)
    }

    /// Whether a character starts at `scalar` when `previous` comes before it, where `scalar`
    /// is white space or `previous` is in a white space character. Then a white space scalar
    /// starts one unless `previous` is a prepended mark (or CR before LF), none of which is
    /// below U+0600; another scalar, unless it extends what it follows, none of which is below
    /// U+0300. Past those, Unicode's character breaks decide.
    static func startsCharacter(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> Bool {
        if WhiteSpace.contains(scalar) ? previous.value < 0x600 : scalar.value < 0x300 {
            return !(previous == "\r" && scalar == "\n")
        }
        var pair = String.UnicodeScalarView()
        pair.append(previous)
        pair.append(scalar)
        return String(pair).count == 2
    }
}
