/// Characters of no width that mean nothing in a title: the zero-width space (U+200B), the word
/// joiner (U+2060) and the zero-width no-break space (U+FEFF, a byte-order mark left inside the
/// text). A terminal is never given them (``TerminalSanitizer``); the JSON of the commands
/// gives titles without them, as the list shows them.
public enum InvisibleCharacters {
    /// Whether `scalar` is one of them.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }

    /// `text` without them.
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: contains) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { !contains($0) })
        return String(kept)
    }
}
