/// An image that stands for an emoji in a sentence: WordPress's smileys
/// (`<img class="wp-smiley" alt="🙂">`), Twemoji's, Discourse's and Mastodon's
/// (`<img class="emoji" alt=":thinking:">`). Its alt is the text it shows, inline, where other
/// images show "[image: alt]" ("Great news [image: 🙂] see you"; found by QA).
enum HTMLEmojiImage {
    /// Whether an image with this alt text (collapsed, not empty) and `class` attribute is an
    /// emoji: its alt is one emoji character, or its class names it an emoji or a smiley and
    /// its alt is a short code without spaces (":thinking:"; an alt of words is a picture's,
    /// which read as the text of the sentence; found by QA).
    static func isEmoji(alt: String, classes: String?) -> Bool {
        if isOneEmoji(alt) { return true }
        guard alt.utf8.count <= 64, !alt.contains(where: \.isWhitespace) else { return false }
        guard let classes, classes.utf8.count < 1024 else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { name in
                let name = name.lowercased()
                return name.contains("emoji") || name.contains("smiley") || name.contains("emoticon")
            }
    }

    /// Whether `text` is one character drawn as an emoji: one shown as an emoji by default
    /// (🙂, a flag), or one asked to be (a text symbol followed by U+FE0F, a keycap "1️⃣").
    /// A digit or "©" alone, which are emoji only when asked, is not.
    static func isOneEmoji(_ text: String) -> Bool {
        guard text.count == 1, let character = text.first, let first = character.unicodeScalars.first
        else { return false }
        let scalars = character.unicodeScalars
        if first.properties.isEmojiPresentation { return true }
        return first.properties.isEmoji && scalars.contains { $0 == "\u{FE0F}" || $0 == "\u{20E3}" }
    }
}
