/// JSON as the commands print it: pretty, keys sorted, slashes unescaped, and every character
/// a terminal would take as a control escaped (`\u009b`, `\u202e`): printed to a terminal,
/// the text stays text, and it is still the same text when parsed.
///
/// Written by hand, byte for byte as Foundation's `JSONEncoder` wrote it (`.prettyPrinted`,
/// `.sortedKeys`, `.withoutEscapingSlashes`; empty arrays `[]`), its controls then escaped:
/// the encoder took half of `export`'s instructions.
enum JSONText {
    /// `value` as JSON; with `indent`, every line but the first indented by that many spaces
    /// (an element of an array printed one at a time).
    static func encode<T: JSONWritable>(_ value: T, indent: Int = 0) -> String {
        var writer = JSONTextWriter(indent: indent)
        value.write(to: &writer)
        return writer.text
    }
}
