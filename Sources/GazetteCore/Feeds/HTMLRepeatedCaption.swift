/// A caption written right after a picture that says the picture's alt text again, in an
/// element of any kind (a `<span class="figcaption">` beside an `<img>`): shown once, as the
/// picture's "[image: alt text]" (a page drew the same sentence twice in a row; found by QA).
/// Only the same text counts, once white space is folded: a caption that says more or less, or
/// holds a link, is kept. A caption that is a paragraph of its own is the figure's
/// (`HTMLTextBuilder`'s `dropAltTextsCaptionsSay`).
enum HTMLRepeatedCaption {
    /// Whether `caption`, UTF-8 text, is `alt` again: the same words, whatever white space
    /// (breaks, no-break spaces) parts them. False when either has no words.
    static func repeats(_ caption: ArraySlice<UInt8>, alt: String) -> Bool {
        let words = folded(String(decoding: caption, as: UTF8.self))
        return !words.isEmpty && words == folded(alt)
    }

    /// How many bytes of `caption` are its text: up to its last character that is not white
    /// space (what is dropped; a line break the caption ended with stays).
    static func textLength(of caption: ArraySlice<UInt8>) -> Int {
        let text = String(decoding: caption, as: UTF8.self)
        guard let last = text.lastIndex(where: { !$0.isWhitespace }) else { return 0 }
        return text.utf8.distance(from: text.startIndex, to: text.index(after: last))
    }

    /// The words of `text`, apart from the white space between them.
    private static func folded(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }
}
