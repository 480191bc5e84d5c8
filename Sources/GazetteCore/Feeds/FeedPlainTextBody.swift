/// An RSS or RDF description that holds no markup at all (no tag, no character reference) but
/// breaks its lines, as Bluesky's and podcasts' do, is plain text: its lines are kept, as an
/// Atom text's and a JSON Feed's `content_text` are ("1. Tea is good" and "2. Rain is wet" were
/// run into one line; found by QA). A description hard-wrapped by its generator is not: its
/// lines ran on with orphan words and the XML's indentation kept (found by QA).
enum FeedPlainTextBody {
    /// Whether `text`, given as HTML, reads as plain text with lines of its own.
    static func isPlainText(_ text: String) -> Bool {
        // Markup first: most descriptions are HTML, told at their first tag, where a look for a
        // line break went through their first paragraph before. Trimming takes only white
        // space, which neither starts nor ends a tag or reference, so the text tells as its
        // trimmed form does.
        if FeedItemDraft.looksLikeHTML(text) { return false }
        let trimmed = FeedItemDraft.trimmed(text)
        return trimmed.utf8.contains(UInt8(ascii: "\n")) && !isHardWrapped(trimmed)
    }

    /// Whether a line of `text` that ends no sentence or clause is followed by one that starts
    /// with a small letter: a sentence wrapped at a width, which reads as a paragraph.
    static func isHardWrapped(_ text: String) -> Bool {
        var lastOfLine: UInt8?  // the last byte of the line before, spaces left out
        var atLineStart = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                continue
            }
            if atLineStart {
                atLineStart = false
                if let last = lastOfLine, !endsClause(last), byte >= UInt8(ascii: "a"),
                    byte <= UInt8(ascii: "z")
                {
                    return true
                }
            }
            lastOfLine = byte
        }
        return false
    }

    private static func endsClause(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"):
            return true
        default:
            return false
        }
    }
}
