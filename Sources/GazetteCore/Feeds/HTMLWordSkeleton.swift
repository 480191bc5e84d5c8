/// HTML shrunk for `HTMLWordCounter`: the same tags, entities and words to libxml2's HTML
/// parser and the counter, with the words inside runs of plain text cut out and counted on
/// the side, so that the parse (libxml2 reads text a character at a time) has less to read.
///
/// A run of plain text (ASCII letters, digits, punctuation but "<" and "&", the letters and
/// dashes beyond ASCII of `inkLength`, and the white space bytes space, tab and newline) keeps
/// its first and last words as "x" and a space for white space at either end; the words
/// between are cut. White space alone becomes one space once a start tag or a word has come.
/// Tags, references with the byte or letter after them, and every other byte are copied as
/// they are. Nil when the skeleton could not stand for the HTML
/// exactly or is not worth it (see `init`): the HTML is then read as it is.
struct HTMLWordSkeleton {
    /// The shrunk HTML.
    let html: String
    /// The words cut out of it, each a whole word to the counter where it stood.
    let cutWords: Int

    /// Longest HTML shrunk: libxml2's limits on the length of text could treat longer HTML
    /// and its skeleton differently.
    static let maxLength = 1 << 20
    /// Longest tag or attribute name taken (libxml2 cuts names at 100 bytes).
    static let maxNameLength = 50

    /// Elements whose text the counter skips (`HTMLElementKind.dropped`), that libxml2 reads as
    /// raw text, or that may open or close a head, body or frameset of libxml2's: a skeleton
    /// holding one would assume text reaches the counter that may not.
    static let refusedElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "head", "title", "svg", "meta",
        "link", "base", "html", "body", "frameset", "frame", "noframes", "plaintext", "xmp", "textarea",
        "math", "select", "datalist",
    ]

    /// The skeleton of `source`, or nil when `source` holds markup other than plain start and
    /// end tags (comments, doctypes, instructions, a "<" that is text), an element of
    /// `refusedElements`, a hidden element (`HTMLHiddenElement`), more than `maxLength` bytes,
    /// or when its skeleton would not be at least a quarter shorter.
    init?(_ source: String) {
        var source = source
        var cutWords = 0
        var refused = false
        let html = source.withUTF8 { input in
            guard !input.isEmpty, input.count <= Self.maxLength else {
                refused = true
                return ""
            }
            return String(unsafeUninitializedCapacity: input.count) { output in
                guard let written = Self.shrink(input, into: output, cutWords: &cutWords) else {
                    refused = true
                    return 0
                }
                return written
            }
        }
        guard !refused else { return nil }
        self.html = html
        self.cutWords = cutWords
    }

    /// Writes the skeleton of `input` to `output` (as long as `input`); the number of bytes
    /// written, or nil when there is no skeleton.
    private static func shrink(
        _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
        cutWords: inout Int
    ) -> Int? {
        guard let source = input.baseAddress, let target = output.baseAddress else { return nil }
        let count = input.count
        // At least a quarter shorter: 4 × written ≤ 3 × read.
        let limit = count * 3 / 4
        return runClasses.withUnsafeBufferPointer { classes -> Int? in
            var read = 0
            var written = 0
            var cut = 0
            // Whether libxml2 has an element open for sure (a start tag, or a word of a run
            // that implies a paragraph). Before that, a stretch of 1000 blank characters ending
            // at a "<" implies a paragraph (libxml2 takes a full buffer of blanks for text when
            // more follows) and a shorter one does not: white space is copied as it is until
            // then.
            var settled = false
            while read < count {
                let byte = source[read]
                let start = read
                if classes[Int(byte)] != 0 || inkLength(input, at: read) > 0 {
                    // A plain run, eight bytes a step: its end, and its words counted by where
                    // they start, without a branch on each byte.
                    var words = 0
                    var lastWasWord: UInt64 = 0
                    while read < count {
                        let ink = source[read] >= 0x80 ? inkLength(input, at: read) : 0
                        if ink > 0 {
                            // A letter or dash beyond ASCII: a word's, as an ASCII letter is.
                            words &+= Int((0x80 & ~lastWasWord) >> 7)
                            lastWasWord = 0x80
                            read += ink
                            continue
                        }
                        guard read + 8 <= count else {
                            let kind = classes[Int(source[read])]
                            if kind == 0 { break }
                            let isWord: UInt64 = kind == Self.word ? 0x80 : 0
                            words &+= Int((isWord & ~lastWasWord) >> 7)
                            lastWasWord = isWord
                            read += 1
                            continue
                        }
                        let bytes = UInt64(
                            littleEndian: UnsafeRawPointer(source + read).loadUnaligned(as: UInt64.self))
                        let ends = Self.runEnds(bytes)
                        let length = ends == 0 ? 8 : ends.trailingZeroBitCount / 8
                        if length > 0 {
                            // Bytes before the first that ends the run are below 0x80: no carry.
                            let wordBits =
                                (bytes &+ Self.ones &* 0x5F) & Self.highBits
                                & (UInt64.max >> (64 - 8 * length))
                            let starts = wordBits & ~(wordBits << 8 | lastWasWord)
                            words &+= Int(((starts >> 7) &* Self.ones) >> 56)
                            lastWasWord = (wordBits >> (8 * length - 8)) & 0x80
                            read += length
                        }
                        // Ended by a byte beyond ASCII: on when it starts a letter or dash taken.
                        if length < 8 && (source[read] < 0x80 || inkLength(input, at: read) == 0) { break }
                    }
                    // An inner word has white space on both sides, and the first word (a word
                    // with ASCII ink, whatever joins it from before the run) has ended at the
                    // space after it: `HTMLWordCounter` has `inWord` false there, so the inner
                    // word (ASCII ink) adds exactly one at its `endWord` and leaves that state
                    // as it found it. Cutting it out changes
                    // the count by one and nothing else. The first and last words may join what
                    // comes before and after the run (non-ASCII letters, a reference, inline
                    // tags): they stay, as "x".
                    if words == 0 {
                        if settled {
                            target[written] = HTMLByte.space
                            written += 1
                        } else {
                            (target + written).initialize(from: source + start, count: read - start)
                            written += read - start
                        }
                    } else {
                        settled = true
                        if classes[Int(byte)] == Self.space {
                            target[written] = HTMLByte.space
                            written += 1
                        }
                        target[written] = UInt8(ascii: "x")
                        written += 1
                        if words >= 2 {
                            target[written] = HTMLByte.space
                            target[written + 1] = UInt8(ascii: "x")
                            written += 2
                            cut += words - 2
                        }
                        if lastWasWord == 0 {
                            target[written] = HTMLByte.space
                            written += 1
                        }
                    }
                } else {
                    if byte == UInt8(ascii: "<") {
                        guard let end = tagEnd(in: input, at: read) else { return nil }
                        if source[read + 1] != UInt8(ascii: "/") { settled = true }
                        read = end
                    } else if byte == UInt8(ascii: "&") {
                        // The reference as libxml2 may read it, and the byte after it (a ";" it
                        // may take, or what keeps an "x" of the skeleton from extending the
                        // reference).
                        read += 1
                        while read < count, isReferenceByte(source[read]) { read += 1 }
                        if read < count, classes[Int(source[read])] == Self.word {
                            read += 1
                        } else if read < count {
                            read += inkLength(input, at: read)
                        }
                    } else {
                        // Bytes outside plain runs (non-ASCII text, CR, controls), as they are.
                        read += 1
                        while read < count, classes[Int(source[read])] == 0,
                            source[read] != UInt8(ascii: "<"),
                            source[read] != UInt8(ascii: "&"),
                            source[read] < 0xC0 || inkLength(input, at: read) == 0
                        {
                            read += 1
                        }
                    }
                    (target + written).initialize(from: source + start, count: read - start)
                    written += read - start
                }
                if written > limit { return nil }
            }
            cutWords = cut
            return written
        }
    }

    /// The length of the UTF-8 character at `index` when it joins a plain run as a word's: one
    /// `HTMLWordCounter` takes into a word and that shows on its own, as an ASCII letter does
    /// (Latin letters U+00C0–U+027F, Cyrillic U+0400–U+047F, dashes, quotes and dots
    /// U+2010–U+2027); 0 for any other byte. Typographic quotes and accented names ended runs,
    /// and libxml2 read the text around each.
    @inline(__always)
    static func inkLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = input[index]
        if (lead >= 0xC3 && lead <= 0xC9) || lead == 0xD0 || lead == 0xD1 {
            return index + 1 < input.count && input[index + 1] & 0xC0 == 0x80 ? 2 : 0
        }
        if lead == 0xE2 {
            guard index + 2 < input.count, input[index + 1] == 0x80 else { return 0 }
            return input[index + 2] >= 0x90 && input[index + 2] <= 0xA7 ? 3 : 0
        }
        return 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For eight bytes (the first in the low byte), the high bit of each that ends a plain run
    /// (`runClasses` 0) set, the others clear.
    @inline(__always)
    static func runEnds(_ bytes: UInt64) -> UInt64 {
        let ascii = bytes & ~highBits
        // Per byte, with no borrow from one byte to the next: the high bit of each below `bound`.
        func below(_ bytes: UInt64, _ bound: UInt64) -> UInt64 {
            ~((bytes | highBits) &- ones &* bound) & highBits
        }
        func equal(_ byte: UInt8) -> UInt64 {
            below(ascii ^ (ones &* UInt64(byte)), 1)
        }
        let controls = below(ascii, 0x20) & ~equal(HTMLByte.tab) & ~equal(HTMLByte.newline)
        return bytes & highBits | controls | equal(0x7F) | equal(UInt8(ascii: "<")) | equal(UInt8(ascii: "&"))
    }

    /// `runClasses` of a word byte of a plain run: ASCII letters, digits and punctuation but
    /// "<" and "&".
    private static let word: UInt8 = 1
    /// `runClasses` of white space in a plain run: space, tab, newline.
    private static let space: UInt8 = 2
    /// What each byte is to a plain run: `word`, `space`, or 0 for a byte that ends it.
    private static let runClasses: [UInt8] = (UInt8.min...UInt8.max).map { byte -> UInt8 in
        if byte == HTMLByte.space || byte == HTMLByte.tab || byte == HTMLByte.newline { return space }
        if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") {
            return word
        }
        return 0
    }

    /// The index after the start or end tag whose "<" is at `start`; nil when what starts there
    /// is not one in the grammar taken, names an element of `refusedElements`, or may hide its
    /// element (a `hidden` attribute, a `style` that hides or holds a reference).
    ///
    /// Start tag: `<` name, then attributes each after white space (a name, and optionally
    /// `=` and a value in double or single quotes or unquoted), white space, `>` or `/>`.
    /// End tag: `</` name, white space, `>`. A tag name is an ASCII letter then letters and
    /// digits.
    static func tagEnd(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start + 1
        let closing = index < input.count && input[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        guard index < input.count, isLetter(input[index]) else { return nil }
        index += 1
        while index < input.count, isLetter(input[index]) || isDigit(input[index]) { index += 1 }
        guard index - nameStart <= maxNameLength,
            !isRefused(UnsafeBufferPointer(rebasing: input[nameStart..<index]))
        else { return nil }
        if closing {
            index = afterTagSpace(in: input, from: index)
            return index < input.count && input[index] == UInt8(ascii: ">") ? index + 1 : nil
        }
        while true {
            let spaceStart = index
            index = afterTagSpace(in: input, from: index)
            guard index < input.count else { return nil }
            switch input[index] {
            case UInt8(ascii: ">"):
                return index + 1
            case UInt8(ascii: "/"):
                return index + 1 < input.count && input[index + 1] == UInt8(ascii: ">") ? index + 2 : nil
            default:
                break
            }
            guard index > spaceStart, isAttributeNameStart(input[index]) else { return nil }
            let attributeStart = index
            index += 1
            while index < input.count, isAttributeNameByte(input[index]) { index += 1 }
            guard index - attributeStart <= maxNameLength else { return nil }
            let attributeName = UnsafeBufferPointer(rebasing: input[attributeStart..<index])
            // A hidden element's words are not counted: its words cannot be cut out.
            if !closing && isNamed(attributeName, "hidden") { return nil }
            var cursor = afterTagSpace(in: input, from: index)
            guard cursor < input.count, input[cursor] == UInt8(ascii: "=") else { continue }
            cursor = afterTagSpace(in: input, from: cursor + 1)
            guard cursor < input.count else { return nil }
            let quote = input[cursor]
            let valueStart: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                cursor += 1
                valueStart = cursor
                while cursor < input.count, input[cursor] != quote { cursor += 1 }
                guard cursor < input.count else { return nil }
                index = cursor + 1
            } else {
                valueStart = cursor
                while cursor < input.count, isUnquotedValueByte(input[cursor]) { cursor += 1 }
                guard cursor > valueStart else { return nil }
                index = cursor
            }
            if isNamed(attributeName, "style") {
                let value = UnsafeBufferPointer(rebasing: input[valueStart..<cursor])
                // A reference may spell what hides it (libxml2 decodes the value).
                if value.contains(UInt8(ascii: "&"))
                    || HTMLHiddenElement.hides(style: String(decoding: value, as: UTF8.self))
                {
                    return nil
                }
            }
        }
    }

    /// Whether the attribute name is `name` (lowercase) in any case.
    private static func isNamed(_ attribute: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        attribute.count == name.utf8CodeUnitCount
            && zip(attribute, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
                .allSatisfy { $0 | 0x20 == $1 }
    }

    /// Whether the tag name is one of `refusedElements`, in any case.
    private static func isRefused(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        // The longest refused name has 9 bytes: a small string, held without memory of its own.
        guard name.count >= 3 && name.count <= 9 else { return false }
        let lowercased = String(unsafeUninitializedCapacity: name.count) { buffer in
            for (index, byte) in name.enumerated() { buffer[index] = byte | 0x20 }
            return name.count
        }
        return refusedElements.contains(lowercased)
    }

    private static func afterTagSpace(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < input.count, isTagSpace(input[index]) { index += 1 }
        return index
    }

    /// White space inside a tag, as libxml2 skips it: space, tab, newline, carriage return.
    private static func isTagSpace(_ byte: UInt8) -> Bool {
        byte == HTMLByte.space || byte == HTMLByte.tab || byte == HTMLByte.newline
            || byte == HTMLByte.carriageReturn
    }

    /// A byte libxml2 may read as part of a reference after "&": `[A-Za-z0-9#._:-]`.
    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        isAttributeNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// A byte of an unquoted attribute value: not white space, a quote, "=", "<", ">" or "`".
    private static func isUnquotedValueByte(_ byte: UInt8) -> Bool {
        !isTagSpace(byte) && byte != HTMLByte.formFeed
            && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "`")
            && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
