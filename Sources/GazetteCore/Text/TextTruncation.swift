/// Cutting and padding single lines to a number of terminal columns (see `DisplayWidth`).
///
/// A cut happens between grapheme clusters, so accents stay on their letters and emoji stay
/// whole; spaces just before the "…" are dropped ("Hello …" becomes "Hello…").
public enum TextTruncation {
    /// The text cut to at most `width` columns, ending in "…" when it was cut (width 0 gives "").
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            guard text.utf8.count > width else { return text }
            return cut(String(text.prefix(width - 1)))
        }
        // One pass: remember where the text must end to leave a column for "…", and stop as soon
        // as the whole text is known not to fit.
        var total = 0
        var end = text.startIndex
        var endWidth = 0
        var index = text.startIndex
        while index < text.endIndex {
            total += DisplayWidth.of(text[index])
            if total > width {
                return cut(String(text[..<end]) + pictures(of: text, at: end, room: width - 1 - endWidth))
            }
            index = text.index(after: index)
            if total <= width - 1 {
                end = index
                endWidth = total
            }
        }
        return text
    }

    /// The first pictures of the ZWJ sequence at `index` of `text` that fit in `room` columns,
    /// joined again ("" for any other character): a title of one long sequence showed "…" alone.
    private static func pictures(of text: String, at index: String.Index, room: Int) -> String {
        guard index < text.endIndex, let pictures = DisplayWidth.joinedPictures(of: text[index]) else {
            return ""
        }
        var kept = String.UnicodeScalarView()
        var used = 0
        for picture in pictures {
            used += DisplayWidth.of(picture)
            if used > room { break }
            kept.append(contentsOf: picture.unicodeScalars)
        }
        // Without the joiner of the last picture kept, which nothing follows now.
        if kept.last?.value == 0x200D { kept.removeLast() }
        return String(kept)
    }

    /// The text truncated and then padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let truncated = truncate(text, width: width)
        let padding = width - DisplayWidth.of(truncated)
        return padding > 0 ? truncated + String(repeating: " ", count: padding) : truncated
    }

    private static func cut(_ kept: String) -> String {
        var kept = Substring(kept)
        while kept.last == " " { kept.removeLast() }
        // Made a String first: `Substring + String` is the standard library's generic append,
        // whose first use looks up conformances at run time (0.4 ms of a first screen).
        return String(kept) + "…"
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            return false
        }
        return true
    }
}
