/// Which body an item shows when its content (content:encoded, Atom content) shows no words:
/// empty markup (`<p> </p><br/>`) or an image alone hid its text description (found by QA).
enum FeedBodyChoice {
    /// The body to show in place of HTML `content` that shows no words, when `summary` shows
    /// some: the summary, after the content's images or players when it has any and an HTML
    /// summary has no image of its own. Nil to keep the content, as when the summary only says
    /// the words of its images' captions or alt texts again.
    static func body(content: String, summary: String, summaryIsHTML: Bool) -> (text: String, isHTML: Bool)? {
        guard !showsWords(content, isHTML: true), showsWords(summary, isHTML: summaryIsHTML) else {
            return nil
        }
        let media = HTMLRenderer.render(content).paragraphs
        guard !media.isEmpty, summaryIsHTML, !holdsImage(summary) else { return (summary, summaryIsHTML) }
        // A summary that is the image's caption or alt text said its words twice: the image
        // says them once (a summary that says more is shown).
        if CaptionWords(media).say(HTMLRenderer.plainText(summary)) { return nil }
        return (content + "\n<div>" + summary + "</div>", true)
    }

    /// Whether `text` shows a word; HTML is read only when its first visible text is not found
    /// by a look at its bytes (most content shows a word within its first tags).
    static func showsWords(_ text: String, isHTML: Bool) -> Bool {
        guard isHTML else { return !FeedItemDraft.trimmed(text).isEmpty }
        switch firstText(text) {
        case .some(true): return true
        case .some(false): return false
        case .none: return HTMLRenderer.wordCount(text) > 0
        }
    }

    /// Whether plain tags (no comment, script, style or hidden element before) are followed by
    /// a letter or digit (true) or by nothing but white space to the end (false); nil when the
    /// bytes cannot tell.
    private static func firstText(_ html: String) -> Bool? {
        var index = html.utf8.startIndex
        let bytes = html.utf8
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                let tag = bytes[bytes.index(after: index)..<close]
                guard let first = tag.first, FeedItemDraft.isLetter(first) || first == UInt8(ascii: "/")
                else {
                    return nil
                }
                let name = tag.drop { $0 == UInt8(ascii: "/") }.prefix { FeedItemDraft.isLetter($0) }
                let lowered = String(decoding: name.map { $0 | 0x20 }, as: UTF8.self)
                if unsafeTags.contains(lowered) || tag.contains(UInt8(ascii: "=")) && !plainAttributes(tag) {
                    return nil
                }
                index = bytes.index(after: close)
                continue
            }
            // A letter or digit, or the lead byte of a letter of Latin, Greek, Cyrillic, Hebrew,
            // Arabic (two bytes) or of CJK and Hangul (three bytes).
            if FeedItemDraft.isLetter(byte) || FeedItemDraft.isDigit(byte) || (0xC3...0xDF).contains(byte)
                || (0xE4...0xED).contains(byte)
            {
                return true
            }
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return nil }
            index = bytes.index(after: index)
        }
        return false
    }

    /// Elements whose text is not shown as it stands, or that may hide or be text.
    private static let unsafeTags: Set<String> = [
        "script", "style", "noscript", "template", "title", "head", "svg", "math", "textarea", "xmp",
        "plaintext", "iframe", "object", "select", "option",
    ]

    /// Whether a tag's attributes cannot hide it (no `hidden`, no `style`, no `aria-hidden`).
    private static func plainAttributes(_ tag: Substring.UTF8View.SubSequence) -> Bool {
        let text = String(decoding: tag, as: UTF8.self).lowercased()
        return !text.contains("hidden") && !text.contains("style") && !text.contains("display")
    }

    /// Whether HTML holds an `<img` tag.
    private static func holdsImage(_ html: String) -> Bool {
        html.lowercased().contains("<img")
    }
}
