/// An RSS or RDF description that holds no markup at all (no tag, no character reference) but
/// breaks its lines, as Bluesky's and podcasts' do, is plain text: its lines are kept, as an
/// Atom text's and a JSON Feed's `content_text` are ("1. Tea is good" and "2. Rain is wet" were
/// run into one line; found by QA).
enum FeedPlainTextBody {
    /// Whether `text`, given as HTML, reads as plain text with lines of its own.
    static func isPlainText(_ text: String) -> Bool {
        let trimmed = FeedItemDraft.trimmed(text)
        return trimmed.utf8.contains(UInt8(ascii: "\n")) && !FeedItemDraft.looksLikeHTML(trimmed)
    }
}
