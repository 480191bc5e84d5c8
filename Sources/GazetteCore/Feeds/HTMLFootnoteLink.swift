import Foundation

/// A link of a story's footnotes, which points into the story's own page: a reference
/// (`<sup><a href="#fn1">1</a></sup>`, Substack's `<a href="https://…/p/post#footnote-1">1</a>`)
/// or a note's way back to it (`<a href="#fnref1">↩</a>`). Neither is a page to open: a
/// reference reads raised ("the bill¹"), a way back is left out. They were numbered beside the
/// links ("1 [3]") and "↩" ended every note. Other links to the page's own address with a
/// fragment ("click here" to `…#jump`) keep their numbers.
enum HTMLFootnoteLink {
    /// Whether `target`, a link resolved against the story's page `base`, is a place in that
    /// page: the page's address with a fragment (`https://blog.example/post/#fn2`), also
    /// written another way (``StoryPageAddress``: `http:`, without its last slash, with `utm_`
    /// parameters).
    static func isInPage(_ target: String, base: URL?) -> Bool {
        guard let base, let hash = target.firstIndex(of: "#") else { return false }
        let page = base.absoluteString
        let pageEnd = page.firstIndex(of: "#") ?? page.endIndex
        return StoryPageAddress.same(target[..<hash], page[..<pageEnd])
    }

    /// Whether a link's text is a way back to a note's reference: arrows (↩ ↑ ⤴) or a caret,
    /// with the variation selectors that draw them as text or emoji, and the number of the
    /// reference when there are several ("↩²"). Spaces around it do not count.
    static func isBackLink(_ text: some Collection<UInt8>) -> Bool {
        var arrow = false
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x21A9, 0x2191, 0x2934, 0x5E: arrow = true
            case 0xFE0E, 0xFE0F, 0x20, 0xA0, 0x30...0x39, 0xB2, 0xB3, 0xB9, 0x2070...0x2079: continue
            default: return false
            }
        }
        return arrow
    }

    /// The digits of a reference written in brackets ("[1]", as markdown-it writes them), one to
    /// three of them; nil for other text. A note's second reference ("[1:1]", markdown-it's) is
    /// its number: it read "again[1:1]".
    static func bracketedNumber(_ text: some Collection<UInt8>) -> Range<Int>? {
        let bytes = Array(text.prefix(10))
        guard bytes.count == text.count, bytes.count >= 3, bytes.first == UInt8(ascii: "["),
            bytes.last == UInt8(ascii: "]")
        else { return nil }
        let inside = bytes[1..<(bytes.count - 1)]
        let number = inside.prefix(while: FeedItemDraft.isDigit)
        guard (1...3).contains(number.count) else { return nil }
        let again = inside.dropFirst(number.count)
        guard
            again.isEmpty
                || (again.first == UInt8(ascii: ":") && (2...4).contains(again.count)
                    && again.dropFirst().allSatisfy(FeedItemDraft.isDigit))
        else { return nil }
        return 1..<(1 + number.count)
    }
}
