import Foundation

/// Atom text given base64-encoded, where the feed says it is: Atom 0.3's `mode="base64"`, and
/// Atom 1.0's content whose `type` is a media type neither text (`text/…`) nor XML (RFC 4287,
/// 4.1.3.3: its content is then the media's base64 encoding). Text (`text/html`, `text/plain`,
/// XHTML) is decoded and read as it says; other data (a picture) is no text, and shows as a
/// note naming its type and size, after the entry's summary (which Atom 1.0 asks such an entry
/// to have). It showed as a wall of letters. Text is never taken for base64 from its looks.
enum AtomBase64Content {
    /// What base64 content reads as.
    enum Reading: Equatable {
        /// Text, HTML or not.
        case text(String, isHTML: Bool)
        /// Data that is no text: a note to show for it ("[image (png, 12 KB), not shown]").
        case note(String)
    }

    /// Whether a text construct of `type` and `mode` (both lowercased, "" when not given) is
    /// base64-encoded.
    static func isEncoded(type: String, mode: String) -> Bool {
        if mode == "base64" { return true }
        guard mode.isEmpty else { return false }
        // Atom 1.0's own types, and media types of text or XML, are given as they are.
        let essence = type.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        guard essence.contains("/") else { return false }
        return !(essence.hasPrefix("text/") || essence.hasSuffix("/xml") || essence.hasSuffix("+xml"))
    }

    /// What `text`, base64 of a `type` (lowercased), reads as; nil when it is no base64.
    static func reading(_ text: String, type: String) -> Reading? {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty else {
            return nil
        }
        let essence = type.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        let isText =
            essence.isEmpty || essence == "text" || essence == "html" || essence == "xhtml"
            || essence.hasPrefix("text/") || essence.hasSuffix("/xml") || essence.hasSuffix("+xml")
        guard isText else {
            let label = FeedEnclosureLabel.label(type: essence, length: String(data.count)) ?? "data"
            return .note("[" + label + ", not shown]")
        }
        let decoded = String(decoding: data, as: UTF8.self)
        return .text(decoded, isHTML: essence.contains("html"))
    }
}

extension FeedItemDraft {
    /// The body for content that is data other than text: the summary (the text Atom 1.0 asks
    /// such an entry to give), then `note` on a paragraph of its own; `note` alone without one.
    mutating func addContentNote(_ note: String) {
        guard let summary = FeedItemDraft.nonEmpty(summary) else {
            content = note
            contentIsHTML = false
            return
        }
        // The note's characters are a label's (``FeedEnclosureLabel``): none is markup.
        content = summaryIsHTML ? summary + "<p>" + note + "</p>" : summary + "\n\n" + note
        contentIsHTML = summaryIsHTML
    }
}
