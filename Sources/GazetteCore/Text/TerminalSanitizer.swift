/// Makes text from files safe to write to a terminal.
///
/// Removes C0 controls (other than newline and tab, which are laid out, and the vertical tab and
/// form feed, white space shown as a space) and DEL; removes escape
/// sequences whole in their 7-bit forms (`ESC [`, `ESC ]`, `ESC P`, `ESC _`, `ESC ^`, `ESC X`,
/// two-character `ESC x`), with their parameters and payloads. A C1 control is text that was
/// windows-1252 read as Latin-1 (`\u{8E}i\u{9E}ek` is "Žižek"), or UTF-8 read so (`Ã\u{9D}`
/// is "Ý"), far more often than an 8-bit escape: it is shown as the windows-1252 character (as
/// browsers and feed readers do), or removed alone where there is none; it starts no sequence,
/// so no text after it is lost (what an 8-bit sequence carried shows as the text it is); removes bidi embedding, override, isolate and mark characters and the
/// invisible U+200B, U+2060 and U+FEFF. Keeps ZWJ (emoji sequences), ZWNJ (Persian) and U+FFFD.
/// A string payload (OSC, DCS, APC, PM, SOS) ends at BEL, ST (`ESC \` or U+009C), CAN, SUB, a line
/// break, the next ESC or the end of the input. CR LF, a lone CR, U+2028 and U+2029 are line breaks.
public enum TerminalSanitizer {
    /// One display line safe to write to a terminal: newlines/tabs become spaces, bidi
    /// embedding/override/isolate controls removed, all controls and escape sequences removed or replaced.
    public static func line(_ text: String) -> String {
        if isClean(text, keepingNewlines: false) { return text }
        return sanitize(text, multiline: false)
    }

    /// ``line(_:)`` keeping zero-width spaces (U+200B), the break opportunities a text marks
    /// inside long words and addresses, for ``TextWrapper`` (which breaks there and never
    /// writes them); tabs expand to spaces as in ``text(_:)`` (a feed's text indented by a
    /// tab showed one space).
    public static func lineKeepingBreakHints(_ text: String) -> String {
        if isClean(text, keepingNewlines: false) { return text }
        return sanitize(text, multiline: false, keepingBreakHints: true, expandingTabs: true)
    }

    /// Whether `text` shows nothing on a terminal: nothing but spaces, controls, escape
    /// sequences and characters of no width once made safe (a title of "\e[31m\a" or of
    /// zero-width spaces).
    public static func showsNothing(_ text: String) -> Bool {
        // Text that starts with a character shown on its own shows something, whatever follows.
        if let first = text.unicodeScalars.first, showsOnItsOwn(first) { return false }
        var plainASCII = true
        var printable = false
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F {
                plainASCII = false
                break
            }
            if byte > 0x20 { printable = true }
        }
        if plainASCII { return !printable }
        return line(text).allSatisfy { $0.isWhitespace || DisplayWidth.of($0) == 0 }
    }

    /// Whether `scalar` shows on a terminal whatever stands beside it: it takes a column or
    /// two of its own and is neither white space nor a character the terminal is never given.
    /// (A character of no width, such as a zero-width space, a bidi mark or a combining mark,
    /// does not.)
    static func showsOnItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x7F { return scalar.value > 0x20 }
        return !isControl(scalar) && !WhiteSpace.contains(scalar) && DisplayWidth.scalarWidth(scalar) > 0
    }

    /// Whether `scalar` shows something once made safe: ``showsOnItsOwn(_:)``, a C1 control
    /// read as the windows-1252 character it is shown as (but U+0085, white space as text is
    /// trimmed). A zero-width space, a no-break space, a bidi mark or a soft hyphen does not.
    static func showsSomething(_ scalar: Unicode.Scalar) -> Bool {
        if (0x80...0x9F).contains(scalar.value) && scalar.value != 0x85 {
            return windows1252(scalar).map(showsOnItsOwn) ?? false
        }
        return showsOnItsOwn(scalar)
    }

    /// Multi-line text safe for a terminal: like `line` but keeps "\n"; tabs expand to spaces (tab stops of 8
    /// relative to line start).
    public static func text(_ text: String) -> String {
        if isClean(text, keepingNewlines: true) { return text }
        return sanitize(text, multiline: true)
    }

    /// One line safe for a terminal in which what a terminal would take as a control is shown
    /// as an escape (`\e`, `\a`, `\t`, `\n`, `\x01`, `\u{202E}`) rather than removed: a file
    /// named with them is then named findably in a message. Line breaks at the end are dropped.
    /// A backslash is written `\\`, so that each name reads back one way.
    public static func visible(_ text: String) -> String {
        if isClean(text, keepingNewlines: false) && !ByteSearch.contains(0x5C, in: text) { return text }
        var text = Substring(text)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text = text.dropLast() }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: output += "\\\\"
            case 0x09: output += "\\t"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x1B: output += "\\e"
            case 0x07: output += "\\a"
            case 0x08: output += "\\b"
            case let value where value < 0x20 || value == 0x7F:
                let hex = String(value, radix: 16)
                output += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default:
                guard isRemovedOrMapped(scalar) else {
                    output.unicodeScalars.append(scalar)
                    continue
                }
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }

    // MARK: - Scanning

    private static let escape: UInt32 = 0x1B
    private static let tabWidth = 8

    /// Whether nothing in the text needs fixing, checked on its UTF-8 bytes: the scalars
    /// `isRemovedOrMapped` names are found by their encodings. After an ASCII byte, the bytes
    /// go eight at a time while none of the eight is a control, DEL or beyond ASCII.
    static func isClean(_ text: String, keepingNewlines: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte < 0x20 || byte == 0x7F, !(keepingNewlines && byte == 0x0A) { return false }
                    index += 1
                    while index + 8 <= count, let base = bytes.baseAddress,
                        isPrintableASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    {
                        index += 8
                    }
                    continue
                }
                let second = index + 1 < count ? bytes[index + 1] : 0
                let third = index + 2 < count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2 where (0x80...0x9F).contains(second): return false  // C1 controls
                case 0xD8 where second == 0x9C: return false  // U+061C
                case 0xE2
                where second == 0x80
                    && (third == 0x8B || third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)):
                    return false  // U+200B, U+200E, U+200F, U+2028…202E
                case 0xE2 where second == 0x81 && (third == 0xA0 || (0xA6...0xA9).contains(third)):
                    return false  // U+2060, U+2066…2069
                case 0xEF where second == 0xBB && third == 0xBF: return false  // U+FEFF
                default: break
                }
                index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            }
            return true
        }
    }

    /// Whether each of the eight bytes of `word` is ASCII from space to `~`: none has its high
    /// bit, none is below 0x20 (subtracting 0x20 from it borrows), none is DEL (0x7F, which
    /// XOR 0x7F makes 0x00). The tests for a byte below a bound are exact for "any".
    @inline(__always)
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- 0x2020_2020_2020_2020) & ~word & high
        let flipped = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let delete = (flipped &- 0x0101_0101_0101_0101) & ~flipped & high
        return (word & high) | below | delete == 0
    }

    /// Whether a terminal would take `scalar` as a control rather than text: C0 and C1
    /// controls, DEL, bidi controls, invisible zero-width characters and line separators
    /// (output that keeps text whole, such as JSON, writes these escaped).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || isRemovedOrMapped(scalar)
    }

    /// Non-ASCII scalars that are removed or turned into something else.
    private static func isRemovedOrMapped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F,  // C1 controls
            0x061C, 0x200E, 0x200F,  // bidi marks
            0x202A...0x202E,  // bidi embeddings and overrides
            0x2066...0x2069,  // bidi isolates
            0x2028, 0x2029:  // line and paragraph separators
            return true
        default:
            return InvisibleCharacters.contains(scalar)
        }
    }

    // MARK: - Rewriting

    private static func sanitize(
        _ text: String, multiline: Bool, keepingBreakHints: Bool = false, expandingTabs: Bool = false
    ) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(scalars.count)
        // Text since the last line break or tab, measured only when a tab needs its column.
        var segment = String.UnicodeScalarView()
        var column = 0
        var index = 0

        /// Moves `segment` to `output` a scalar at a time: a scalar view's `append(contentsOf:)`
        /// copies the view it appends to, and text of many tabs or lines took quadratic time.
        func writeSegment() {
            for scalar in segment { output.append(scalar) }
            segment.removeAll(keepingCapacity: true)
        }

        func breakLine() {
            // On one line, the space a break becomes takes a column before the next tab.
            column = multiline || !expandingTabs ? 0 : column + DisplayWidth.of(String(segment)) + 1
            writeSegment()
            output.append(multiline ? "\n" : " ")
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            switch value {
            case 0x20..<0x7F:
                segment.append(scalar)
            case 0x0A, 0x2028, 0x2029:
                breakLine()
            case 0x0D:
                if index < scalars.count && scalars[index].value == 0x0A { index += 1 }
                breakLine()
            case 0x09:
                if multiline || expandingTabs {
                    column += DisplayWidth.of(String(segment))
                    writeSegment()
                    let spaces = tabWidth - column % tabWidth
                    for _ in 0..<spaces { output.append(" ") }
                    column += spaces
                } else {
                    segment.append(" ")
                }
            case 0x0B, 0x0C:
                // White space between words, as a page's break in text copied from print: removed,
                // the words on either side ran together ("one.\u{C}Two" showed "one.Two"; found by
                // QA). One space for a run of them or beside a space ("A\u{C}\u{C}B" showed two).
                if segment.last != " " { segment.append(" ") }
            case escape:
                index = skipEscapeSequence(scalars, from: index)
            case 0x80...0x9F:
                if let shown = TerminalSanitizer.windows1252(scalar) { segment.append(shown) }
            case 0x200B where keepingBreakHints:
                segment.append(scalar)
            default:
                if value < 0x20 || value == 0x7F || isRemovedOrMapped(scalar) { continue }
                segment.append(scalar)
            }
        }
        writeSegment()
        return String(output)
    }

    /// What a C1 control stands for in text that was windows-1252 (`\u{9E}` is "ž"); nil for
    /// the five it leaves unused.
    static func windows1252(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        HTMLEntityTable.windows1252(scalar.value).flatMap(Unicode.Scalar.init)
    }

    /// Skips what follows an ESC at `index`; returns the index after the sequence.
    private static func skipEscapeSequence(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        endOfEscapeSequence(from: index) { $0 < scalars.count ? (scalars[$0].value, $0 + 1) : nil }
    }

    /// Where the escape sequence whose ESC is just before `index` ends, in a text whose scalar
    /// at an index (and the index after it) `scalar` gives, nil at its end: what the screen
    /// removes with the ESC, the search skips too.
    public static func endOfEscapeSequence(from index: Int, scalar: (Int) -> (value: UInt32, next: Int)?)
        -> Int
    {
        guard let (first, after) = scalar(index) else { return index }
        switch first {
        case 0x5B:  // [ : CSI
            return endOfControlSequence(from: after, scalar: scalar)
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // ] P _ ^ X : OSC, DCS, APC, PM, SOS
            return endOfControlString(from: after, scalar: scalar)
        case 0x20...0x2F:  // intermediates, then a final byte (e.g. ESC ( B)
            var next = index
            while let (value, following) = scalar(next), (0x20...0x2F).contains(value) { next = following }
            if let (value, following) = scalar(next), (0x30...0x7E).contains(value) { next = following }
            return next
        case 0x30...0x7E:  // two-character sequence (ESC c, ESC 7, ESC \, …)
            return after
        default:  // lone ESC: only the ESC goes
            return index
        }
    }

    /// Skips CSI parameters and intermediates (0x20–0x3F) and the final byte (0x40–0x7E).
    private static func endOfControlSequence(from index: Int, scalar: (Int) -> (value: UInt32, next: Int)?)
        -> Int
    {
        var next = index
        while let (value, following) = scalar(next), (0x20...0x3F).contains(value) { next = following }
        if let (value, following) = scalar(next), (0x40...0x7E).contains(value) { next = following }
        return next
    }

    /// Skips a control string payload up to and including its terminator. One never ended
    /// (a line break or the end comes first) ends at its first space: the payloads written
    /// (an address, a colour) hold none, and the rest of the line is text (an unended OSC 8
    /// link took the rest of its paragraph with it; found by QA).
    private static func endOfControlString(from index: Int, scalar: (Int) -> (value: UInt32, next: Int)?)
        -> Int
    {
        var next = index
        var firstSpace: Int?
        while let (value, following) = scalar(next) {
            switch value {
            case 0x07, 0x9C, 0x18, 0x1A:  // BEL, ST, CAN, SUB
                return following
            case escape:
                if let (value, end) = scalar(following), value == 0x5C { return end }
                return next  // another sequence starts here
            case 0x0A, 0x0D, 0x2028, 0x2029:
                return firstSpace ?? next  // the line break itself is kept
            case 0x20, 0x09:
                if firstSpace == nil { firstSpace = next }
                next = following
            default:
                next = following
            }
        }
        return firstSpace ?? next
    }
}
