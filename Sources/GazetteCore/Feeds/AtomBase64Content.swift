import Foundation

/// Atom text given base64-encoded, where the feed says it is: Atom 0.3's `mode="base64"`, and
/// Atom 1.0's content whose `type` is a media type neither text (`text/…`) nor XML (RFC 4287,
/// 4.1.3.3: its content is then the media's base64 encoding). Text (`text/html`, `text/plain`,
/// XHTML) is decoded and read as it says, in the charset its type names (`text/plain;
/// charset=windows-1252`), else in the encoding the feed was read in (its XML declaration's; it
/// was read as UTF-8 whatever the feed said), a byte not text in it as U+FFFD; other data (a
/// picture) is no text, and shows as a note naming its type and size, after the entry's
/// summary (which Atom 1.0 asks such an entry to have). It showed as a wall of letters. Text
/// is never taken for base64 from its looks.
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

    /// What `text`, base64 of a `type` (lowercased), reads as in a feed read in
    /// `documentEncoding` (``FeedTextDecoder``'s name for it); nil when it is no base64.
    static func reading(_ text: String, type: String, documentEncoding: String = "UTF-8") -> Reading? {
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
        let decoded = decodedText(
            of: Array(data), charset: charset(in: type), documentEncoding: documentEncoding)
        return .text(decoded, isHTML: essence.contains("html"))
    }

    /// Decoded bytes as text: in `charset` when it is one known, else in the feed's encoding.
    /// A feed read as UTF-16 or UTF-32 says nothing of the bytes it carries encoded (a page's
    /// bytes are seldom in either): they are read as UTF-8 then.
    private static func decodedText(of bytes: [UInt8], charset: String?, documentEncoding: String) -> String {
        if let charset, let text = CharsetText.decode(bytes, charset: charset) { return text }
        let document = documentEncoding.lowercased()
        let fallback =
            document.hasPrefix("utf-16") || document.hasPrefix("utf-32") ? "UTF-8" : documentEncoding
        return CharsetText.decode(bytes, charset: fallback)
            ?? CharsetText.decode(bytes, charset: "UTF-8") ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The `charset` parameter of a media type (`text/html; charset="ISO-8859-1"`), unquoted;
    /// nil when it has none.
    static func charset(in type: String) -> String? {
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
            else {
                continue
            }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: .init(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
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
