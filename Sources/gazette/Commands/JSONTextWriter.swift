import GazetteCore

/// Writes JSON text laid out as `JSONEncoder`'s `.prettyPrinted` lays it out (two spaces an
/// indent, `"key" : value`, an empty array `[]`), strings escaped as it escapes them (`\"`,
/// `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, other C0 controls `\u00XX`, slashes as they are), and
/// the other characters a terminal would take as a control escaped `\uXXXX` (DEL, C1, bidi,
/// U+2028, …; see ``TerminalSanitizer/isControl(_:)``).
struct JSONTextWriter {
    /// The text written. Built as a string, pieces of the strings written appended whole: made
    /// of bytes, it was checked as UTF-8 again (a tenth of `export`'s instructions).
    private(set) var text = ""
    /// Spaces before every line but the first.
    private let indent: Int
    /// How many objects and arrays the next line is inside.
    private var depth = 0
    /// Whether the innermost object or array open has an element written already.
    private var hasElements = false

    /// A writer whose every line but the first starts with `indent` spaces.
    init(indent: Int = 0) {
        self.indent = indent
        text.reserveCapacity(512)
    }

    /// Writes an object whose fields `fields` writes.
    mutating func object(_ fields: (inout JSONTextWriter) -> Void) {
        let outer = hasElements
        text.append("{")
        depth += 1
        hasElements = false
        fields(&self)
        depth -= 1
        if hasElements { lineBreak() }
        text.append("}")
        hasElements = outer
    }

    /// Writes the field `key` of a string, or `null` when `value` is nil.
    mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { text.append("null") }
    }

    /// Writes the field `key` of a number.
    mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        text.append(String(value))
    }

    /// Writes the field `key` of `true` or `false`.
    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        text.append(value ? "true" : "false")
    }

    /// Writes the field `key` of an array of strings, `[]` when empty.
    mutating func field(_ key: String, _ values: [String]) {
        self.key(key)
        guard !values.isEmpty else {
            text.append("[]")
            return
        }
        text.append("[")
        depth += 1
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(",") }
            lineBreak()
            string(value)
        }
        depth -= 1
        lineBreak()
        text.append("]")
    }

    /// Starts a field of the innermost object: its line, its key (plain ASCII: nothing of it
    /// escaped) and the colon.
    private mutating func key(_ key: String) {
        if hasElements { text.append(",") }
        hasElements = true
        lineBreak()
        text.append("\"")
        text.append(key)
        text.append("\" : ")
    }

    /// A line break and the indentation of the line it starts.
    private mutating func lineBreak() {
        let spaces = indent + 2 * depth
        if spaces < JSONTextWriter.lineBreaks.count {
            text.append(JSONTextWriter.lineBreaks[spaces])
        } else {
            text.append("\n" + String(repeating: " ", count: spaces))
        }
    }

    /// A line break and so many spaces, by their count.
    private static let lineBreaks = (0..<16).map { "\n" + String(repeating: " ", count: $0) }

    /// Appends `value` as a JSON string: quoted, escaped where it must be or a terminal would
    /// take a character as a control. Runs of bytes that need neither are appended whole, found
    /// eight bytes at a time.
    private mutating func string(_ value: String) {
        var value = value
        value.makeContiguousUTF8()
        text.append("\"")
        let utf8 = value.utf8
        var start = 0
        utf8.withContiguousStorageIfAvailable { input in
            let count = input.count
            var index = 0
            while index < count {
                while index + 8 <= count, let base = input.baseAddress,
                    JSONTextWriter.isPlain(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                }
                guard index < count else { break }
                let byte = input[index]
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                // A scalar outside the ASCII range: its value from its UTF-8 bytes (valid in a
                // String). Every such control is below U+10000, so longer ones are kept.
                if byte >= 0xF0 {
                    index += 4
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(input, at: index)
                guard byte < 0x80 || TerminalSanitizer.isControl(scalar) else {
                    index += length
                    continue
                }
                append(value, from: start, to: index)
                escape(scalar)
                index += length
                start = index
            }
        }
        append(value, from: start, to: utf8.count)
        text.append("\"")
    }

    /// Appends the part of `value` between these offsets of its UTF-8 bytes (the starts of
    /// scalars): a slice of a string, not checked as UTF-8 again.
    private mutating func append(_ value: String, from start: Int, to end: Int) {
        guard start < end else { return }
        let utf8 = value.utf8
        text.append(
            contentsOf: value[
                utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// Whether none of the eight bytes of `word` needs a look: each is ASCII from space to `~`
    /// but the quote and the backslash. (None has its high bit; none is below 0x20, which
    /// subtracting 0x20 from would borrow; none is DEL, `"` or `\`, which XOR with it makes
    /// 0x00. These tests for a byte below a bound are exact for "any".)
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & high }
        let below = (word &- 0x2020_2020_2020_2020) & ~word & high
        let special =
            hasZero(word ^ 0x7F7F_7F7F_7F7F_7F7F) | hasZero(word ^ 0x2222_2222_2222_2222)
            | hasZero(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        return (word & high) | below | special == 0
    }

    /// Appends the escape of `scalar`: `\"` and `\\`, the short form of a C0 control that has
    /// one, else `\u` and four lowercase hex digits.
    private mutating func escape(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x22: text.append("\\\"")
        case 0x5C: text.append("\\\\")
        case 0x08: text.append("\\b")
        case 0x09: text.append("\\t")
        case 0x0A: text.append("\\n")
        case 0x0C: text.append("\\f")
        case 0x0D: text.append("\\r")
        default:
            let hex = String(scalar.value, radix: 16)
            text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
}
