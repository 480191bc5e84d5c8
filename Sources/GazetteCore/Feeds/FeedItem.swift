import Foundation

/// One entry of a feed, as found in the file (content not yet rendered).
public struct FeedItem: Sendable, Equatable {
    /// The guid, atom:id or JSON id; else the link; else `"sha:"` and a hash of title and content.
    public var id: String
    /// As in the file after XML decoding (may still contain HTML when `titleIsHTML`).
    public var title: String
    /// Atom `type="html"`/`"xhtml"`, or the text contains tags or entities.
    public var titleIsHTML: Bool
    /// Absolute when it can be resolved (xml:base, the feed's link).
    public var link: String?
    /// The link the feed gives, where ``link`` is the story's page that one redirects to
    /// (``FeedBurnerOriginalLink``): what an id made of the item's link is made of; nil when
    /// ``link`` is the feed's own.
    public var linkInID: String?
    /// The id the item had when ids were made of its title and text (`sha:`), where its id is
    /// now its `atom:link` (an RSS item with no guid nor `<link>`: ``RSSAlternateLink``): the
    /// marks kept under it carry over. Nil for every other item.
    public var contentIDBefore: String?
    /// What the body's relative links resolve against, when not `link` (``FeedBodyBase``).
    public var bodyBase = FeedBodyBase.link
    public var author: String?
    /// RFC 822 (RSS), RFC 3339 (Atom, JSON Feed); nil when absent or unreadable.
    public var date: Date?
    /// The offset from UTC the date was written with, in seconds (its day is shown as the
    /// feed gives it).
    public var dateOffset = 0
    /// The fullest body: content:encoded, Atom content, content_html; else description,
    /// summary, content_text.
    public var content: String
    public var contentIsHTML: Bool
    /// Whether a text body's indents are its author's (a JSON Feed's text), kept at its start
    /// and on a line of their own; an Atom text's are the layout of the markup around it.
    public var textKeepsIndents = false
    /// Media the item carries (RSS enclosures, Atom `rel="enclosure"` links, JSON Feed
    /// attachments), absolute where they can be resolved.
    public var enclosures: [String]
    /// The captions of the item's pictures that its media fields give beside its body
    /// (``FeedPictureCaption``), plain text on one line; shown before the body unless it says
    /// them.
    public var pictureCaptions: [String] = []
    /// The addresses of the pictures each of `pictureCaptions` is said of, by caption (none
    /// when not known): a caption of a picture the body shows is not shown again.
    public var captionedPictures: [String: [String]] = [:]
    /// The title as the list shows it, where the format's reading of `title` is not what a
    /// reader sees (a JSON Feed title dressed in tags); nil when it is.
    public var shownTitle: String?
    /// What the feed says each enclosure is (``FeedEnclosureLabel``), by its address.
    public var enclosureLabels: [String: String] = [:]
    /// The pictures its Media RSS fields give (``FeedMediaPictures``).
    var mediaPictures = FeedMediaPictures()
    /// The videos and sounds its Media RSS fields give (``FeedMediaFiles``).
    var mediaFiles = FeedMediaFiles()

    public init(
        id: String, title: String, titleIsHTML: Bool, link: String?, author: String?, date: Date?,
        content: String, contentIsHTML: Bool, enclosures: [String] = [], dateOffset: Int = 0
    ) {
        self.dateOffset = dateOffset
        self.id = id
        self.title = title
        self.titleIsHTML = titleIsHTML
        self.link = link
        self.author = author
        self.date = date
        self.content = content
        self.contentIsHTML = contentIsHTML
        self.enclosures = enclosures
    }
}

/// An item being read: each format parser fills in what its elements give, then `finish`
/// applies the rules every format shares (trimming, id fallback, HTML-title detection).
struct FeedItemDraft {
    var id: String?
    var title: String?
    /// The Dublin Core title (`dc:title`), the title of an item without a `title` of its own.
    var dublinCoreTitle: String?
    /// The Media RSS title (`media:title`), the title of an item without a `title` or `dc:title`.
    var mediaTitle: String?
    var titleIsHTML = false
    /// The format says the title is plain text (JSON Feed, Atom's `type="text"`): what looks
    /// like a tag in it is text to show.
    var titleIsText = false
    /// The title's character references (`&#8217;`, `&amp;`) stand for characters, though the
    /// format says it is text (JSON Feed, as feeds write it).
    var titleHasReferences = false
    var link: String?
    /// The story's page where `link` is FeedBurner's redirect to it (``FeedBurnerOriginalLink``).
    var originalPage: String?
    /// An RSS item's `atom:link` to its page (``RSSAlternateLink``): its link when it has no
    /// `<link>` nor permalink guid.
    var alternateLink: String?
    /// The link, the content and the summary as they were read before a relative `xml:base`
    /// with no absolute one around it, or an Atom feed's alternate link, was a base
    /// (``XMLBase/relative``): what an item without an id is known by, so that its id stays as
    /// it was; nil when the same as `link`, `content`, `summary`.
    var linkAsBefore: String?
    var contentAsBefore: String?
    var summaryAsBefore: String?
    /// What the body's and media's relative addresses resolve against (``FeedBodyBase``).
    var bodyBase = FeedBodyBase.link
    var author: String?
    /// Dublin Core creators, in order: several name the item's authors together.
    var creators: [String] = []
    var date: Date?
    var dateOffset = 0
    /// The fuller body (content:encoded, Atom content, content_html).
    var content: String?
    var contentIsHTML = true
    /// The shorter body (description, summary, content_text), used when there is no content.
    var summary: String?
    var summaryIsHTML = true
    /// Whether a text body's indents are its author's (see `FeedItem.textKeepsIndents`).
    var textKeepsIndents = false
    /// The best text of the item's media or podcast fields (``FeedMediaText``), the body of an
    /// item without content or summary.
    var mediaText: (text: String, isHTML: Bool, rank: FeedMediaText.Rank)?
    /// What the item's media fields say of its pictures (``FeedPictureCaption``).
    var pictures = FeedPictureCaption.Found()
    /// The pictures its media fields give (``FeedMediaPictures``).
    var mediaPictures = FeedMediaPictures()
    /// The videos and sounds its media fields give (``FeedMediaFiles``).
    var mediaFiles = FeedMediaFiles()

    /// Keeps `text` as the media text unless a field of a better rank gave one.
    mutating func offerMediaText(_ text: String, isHTML: Bool, rank: FeedMediaText.Rank) {
        guard !FeedItemDraft.trimmed(text).isEmpty else { return }
        if let kept = mediaText, kept.rank <= rank { return }
        mediaText = (text, isHTML, rank)
    }

    /// Whether a body (fuller or shorter) with more than whitespace was read.
    var hasBody: Bool {
        !FeedItemDraft.trimmed(content ?? "").isEmpty || !FeedItemDraft.trimmed(summary ?? "").isEmpty
    }
    var enclosures: [String] = []
    var enclosureLabels: [String: String] = [:]

    /// Dates the item by `text` unless an element before it did (the first readable date wins).
    mutating func takeDate(_ text: String) {
        if date == nil { take(FeedDate.parseWithOffset(text)) }
    }

    /// Adds the author a `dc:creator` element's `text` names, unless it is named already.
    mutating func takeCreator(_ text: String) {
        if let name = FeedItemDraft.nonEmpty(RSSAuthor.name(text)), !creators.contains(name) {
            creators.append(name)
        }
    }

    /// Takes a date and the offset it was written with.
    mutating func take(_ written: (date: Date, offset: Int)?) {
        date = written?.date
        dateOffset = written?.offset ?? 0
    }

    func finish() -> FeedItem {
        let ownTitle = FeedItemDraft.trimmed(title ?? "")
        // An item with only a `dc:title` was named by its text (found by QA); its id is as it was.
        // As a photo site's item with only a `media:title` (it was named by its text).
        var title =
            ownTitle.isEmpty
            ? FeedItemDraft.nonEmpty(dublinCoreTitle) ?? FeedItemDraft.nonEmpty(mediaTitle) ?? "" : ownTitle
        // Decoded after the id is made of it, which stays as it was.
        let written = title
        if titleHasReferences { title = FeedItemDraft.trimmed(HTMLEntities.decodingReferences(title)) }
        var body = FeedItemDraft.trimmed(content ?? "")
        var bodyIsHTML = contentIsHTML
        var source = content ?? ""
        if body.isEmpty {
            body = FeedItemDraft.trimmed(summary ?? "")
            bodyIsHTML = summaryIsHTML
            source = summary ?? ""
        }
        let ownLink = FeedItemDraft.nonEmpty(link)
        let alternate = ownLink == nil ? alternateLink : nil
        let link = ownLink ?? alternate
        let identifier: String
        var contentIDBefore: String?
        if let id = FeedItemDraft.nonEmpty(id) {
            identifier = id
        } else if let link = linkAsBefore ?? ownLink {
            identifier = link
        } else {
            var fingerprint = ContentFingerprint()
            fingerprint.add(ownTitle)
            fingerprint.endPart()
            fingerprint.add(bodyAsBefore ?? body)
            let contentID = "sha:" + fingerprint.hexDigest
            // Known by its page now, as an item with a `<link>` is; by its text before.
            if let alternate, XMLFeedReader.hasScheme(alternate) {
                identifier = alternate
                contentIDBefore = contentID
            } else {
                identifier = contentID
            }
        }
        // FeedBurner's redirect is what the id is made of, the story's page what is opened.
        let page = ownLink == nil ? nil : originalPage
        // What is shown, unlike the id (made of the body above, as it was): a description
        // rather than content that shows no words, and media text rather than nothing.
        var bodyIsMediaText = false
        if !FeedItemDraft.trimmed(content ?? "").isEmpty, contentIsHTML, let summary,
            let shown = FeedBodyChoice.body(content: body, summary: summary, summaryIsHTML: summaryIsHTML)
        {
            body = FeedItemDraft.trimmed(shown.text)
            bodyIsHTML = shown.isHTML
            source = shown.text
        } else if body.isEmpty, let mediaText {
            body = FeedItemDraft.trimmed(mediaText.text)
            bodyIsHTML = mediaText.isHTML
            source = mediaText.text
            bodyIsMediaText = true
        }
        let keepsIndents = textKeepsIndents && !bodyIsHTML
        let titleIsHTML = !titleIsText && (titleIsHTML || FeedItemDraft.looksLikeHTML(title))
        var item = FeedItem(
            id: identifier, title: title,
            titleIsHTML: titleIsHTML,
            link: page ?? link,
            author: shownAuthor(creators.isEmpty ? FeedItemDraft.nonEmpty(author) : WordJoin.list(creators)),
            date: date, content: keepsIndents ? FeedItemDraft.withFirstIndent(of: source, body) : body,
            contentIsHTML: bodyIsHTML, enclosures: enclosures, dateOffset: dateOffset)
        item.textKeepsIndents = keepsIndents
        item.bodyBase = bodyBase
        if let page, page != link { item.linkInID = link }
        item.contentIDBefore = contentIDBefore
        // A picture's caption shows beside a body, not beside itself as the body.
        let captions = bodyIsMediaText ? [] : pictures.captions
        item.pictureCaptions = captions.map(\.text)
        for caption in captions where !caption.pictures.isEmpty {
            item.captionedPictures[caption.text] = caption.pictures
        }
        item.enclosureLabels = enclosureLabels
        item.mediaPictures = mediaPictures
        item.mediaFiles = mediaFiles
        // A JSON Feed title dressed in tags (`<b>…</b>`) shows without them, as other titles
        // do (`title` stays as it was read: what ids are made of); one that speaks of tags
        // (`Die Rückkehr von <i> und <b>`) keeps them.
        if titleHasReferences, FeedItemDraft.holdsInlineTags(written), HTMLEscapedMarkup.isMarkup(written) {
            item.shownTitle = HTMLRenderer.titleText(written)
        }
        return item
    }

    /// The body the id of an item without an id or link was made of, when a relative base
    /// changed its links (``contentAsBefore``); nil when it is the body.
    private var bodyAsBefore: String? {
        guard contentAsBefore != nil || summaryAsBefore != nil else { return nil }
        let content = FeedItemDraft.trimmed(contentAsBefore ?? content ?? "")
        return content.isEmpty ? FeedItemDraft.trimmed(summaryAsBefore ?? summary ?? "") : content
    }

    /// The author as the byline shows it: HTML in a name (a link round it, `<b>`, entities a
    /// feed escaped twice) read as its text, as a title's is, in every format (a JSON Feed name
    /// is text by its specification, but feeds put links there too). Only tags of the HTML a
    /// name is dressed in count: `Jane <jane@example.com>` and `x<y` are text. TeX's accents
    /// (arXiv's `Schr\"odinger`) are read as their letters (``TeXAccents``).
    private func shownAuthor(_ author: String?) -> String? {
        guard let author else { return nil }
        guard FeedItemDraft.holdsInlineHTML(author) else { return TeXAccents.decoded(author) }
        return TeXAccents.decoded(
            FeedItemDraft.nonEmpty(HTMLRenderer.plainText(FeedItemDraft.escapingAddresses(author))) ?? author)
    }

    /// `text` with each address in angle brackets (`<jane@example.com>`) escaped, so that an
    /// HTML reading keeps it as text rather than dropping it as a tag.
    static func escapingAddresses(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let inside = rest[rest.index(after: open)...]
            if let close = inside.firstIndex(of: ">"), inside[..<close].contains("@"),
                !inside[..<close].contains(where: { $0 == " " || $0 == "<" || $0 == "\"" })
            {
                result += "&lt;" + inside[..<close] + "&gt;"
                rest = inside[inside.index(after: close)...]
            } else {
                result += "<"
                rest = inside
            }
        }
        return result + rest
    }

    /// Whether `text` holds a character reference (`&amp;`, `&#38;`) or a start or end tag of
    /// inline HTML (`<a `, `</b>`, `<br/>`, `<span>`…).
    static func holdsInlineHTML(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) || text.utf8.contains(UInt8(ascii: "&")) else {
            return false
        }
        var text = text
        if text.withUTF8({ bytes in bytes.indices.contains { startsReference(bytes, at: $0) } }) {
            return true
        }
        return holdsInlineTags(text)
    }

    /// Whether `text` holds a start or end tag of inline HTML (`<a `, `</b>`, `<br/>`…).
    static func holdsInlineTags(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return false }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            var name = rest[rest.index(after: open)...]
            if name.hasPrefix("/") { name = name.dropFirst() }
            let tag = name.prefix { $0.isASCII && $0.isLetter }.lowercased()
            let after = name.dropFirst(tag.count).first
            if inlineTags.contains(tag), after == nil || after == ">" || after == " " || after == "/" {
                return true
            }
            rest = rest[rest.index(after: open)...]
        }
        return false
    }

    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "br", "cite", "em", "font", "i", "img", "p", "small", "span", "strong", "sub",
        "sup", "u",
        "div",
    ]

    /// The text trimmed, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text without leading and trailing white space (Foundation's `trimmingCharacters`
    /// goes through UTF-16 on Linux and is slow for long bodies).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !WhiteSpace.contains($0) }),
            let last = scalars.lastIndex(where: { !WhiteSpace.contains($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// A text's `trimmed` form with the spaces and tabs its first line starts with: an
    /// indented block at the start of a text body lost its indent (found by QA). The id is made
    /// of the trimmed form, as it was.
    static func withFirstIndent(of text: String, _ trimmed: String) -> String {
        let lead = text.unicodeScalars.prefix { WhiteSpace.contains($0) }
        let indent = lead.reversed().prefix { $0 == " " || $0 == "\t" }
        guard !indent.isEmpty, !trimmed.isEmpty else { return trimmed }
        var scalars = String.UnicodeScalarView(indent.reversed())
        scalars.append(contentsOf: trimmed.unicodeScalars)
        return String(scalars)
    }

    /// Whether plain-looking text holds a tag (`<b>`, `</i>`) or an entity (`&amp;`, `&#8217;`).
    static func looksLikeHTML(_ text: String) -> Bool {
        // Read in place: a copy of the bytes cost a long body's description 7,000 instructions
        // where its first tag tells at once.
        var text = text
        return text.withUTF8 { looksLikeHTML($0) }
    }

    private static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") { return true }
            } else if startsReference(bytes, at: index) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether a character reference (`&amp;`, `&#8217;`) starts at `index`.
    private static func startsReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "&") else { return false }
        var end = index + 1
        if end < bytes.count, bytes[end] == UInt8(ascii: "#") { end += 1 }
        let nameStart = end
        while end < bytes.count, end - nameStart < 32, isLetter(bytes[end]) || isDigit(bytes[end]) {
            end += 1
        }
        return end > nameStart && end < bytes.count && bytes[end] == UInt8(ascii: ";")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
