import Foundation

/// Atom 1.0, https://www.rfc-editor.org/rfc/rfc4287 (and the Atom 0.3 draft's names where
/// they differ, https://web.archive.org/web/2004/http://www.mnot.net/drafts/draft-nottingham-atom-format-02.html).
///
/// Elements are matched by namespace and local name, so `<atom:entry>` is `<entry>`; links
/// resolve against `xml:base`; text constructs are `type="text"`, `"html"` or `"xhtml"`, the
/// last arriving as elements that are written back out as HTML without their wrapping `div`.
/// A `<feed>` inside another document (an XHTML page) is read all the same.
final class AtomParser: XMLFeedReader {
    /// An entry's child that sets something of it from its text (and whether that is markup).
    /// Told by a switch on the name's length and the name: a dictionary of handlers by name
    /// hashed the name at the element's start and end.
    private enum EntryField {
        case id, title, content, summary, published, updated

        init?(_ name: String) {
            switch name.utf8.count {
            case 2 where name == "id": self = .id
            case 5 where name == "title": self = .title
            case 6 where name == "issued": self = .published
            case 7 where name == "content": self = .content
            case 7 where name == "summary": self = .summary
            case 7 where name == "updated": self = .updated
            case 8 where name == "modified": self = .updated
            case 9 where name == "published": self = .published
            default: return nil
            }
        }
    }

    /// Sets what `field` sets of the entry from its element's `text`.
    private func take(_ field: EntryField, _ text: String, isMarkup: Bool) {
        switch field {
        case .id: entry?.id = FeedItemDraft.nonEmpty(text)
        case .title:
            entry?.title = text
            entry?.titleIsHTML = isMarkup || textIsHTML
            entry?.titleIsText = !isMarkup && !textIsHTML
        case .content:
            let content = body(text, isMarkup: isMarkup)
            entry?.content = content.text
            entry?.contentAsBefore = content.asBefore
            entry?.contentIsHTML = content.isHTML
        case .summary:
            let summary = body(text, isMarkup: isMarkup)
            entry?.summary = summary.text
            entry?.summaryAsBefore = summary.asBefore
            entry?.summaryIsHTML = summary.isHTML
        case .published: published = FeedDate.parseWithOffset(text)
        case .updated: updated = FeedDate.parseWithOffset(text)
        }
    }

    /// A `content` or `summary` element's text (its links resolved when it is escaped HTML), the
    /// text as it was before links were resolved, and whether it is HTML.
    private func body(_ text: String, isMarkup: Bool) -> (text: String, asBefore: String?, isHTML: Bool) {
        let resolved = textIsHTML && !isMarkup ? resolvingLinks(inHTML: text) : text
        let asBefore = isMarkup ? capturedTextAsBefore : htmlAsBefore(text, resolved: resolved)
        return (resolved, asBefore, isMarkup || textIsHTML)
    }

    /// Credits the names of the `<author>` that ends to its entry, its entry's source or the
    /// feed, by where it stands; a placeholder's to none.
    private func finishAuthor() {
        defer {
            authorNames = []
            authorEmail = nil
        }
        guard !authorNames.isEmpty,
            !AtomPlaceholderAuthor.matches(names: authorNames, email: authorEmail)
        else { return }
        // The `<author>` that ends is the last element of the stack, its owner before it.
        let owner = stack.count >= 2 ? stack[stack.count - 2].name : ""
        if owner == "entry" && entry != nil {
            entryAuthors += authorNames
        } else if owner == "feed" {
            feedAuthors += authorNames
        } else if owner == "source", entry != nil, stack.count >= 3, stack[stack.count - 3].name == "entry" {
            sourceAuthors += authorNames
        }
    }

    /// Sets what an entry's child named `name` sets, if anything.
    private func take(_ name: String, _ text: String, isMarkup: Bool) {
        if let field = EntryField(name) { take(field, text, isMarkup: isMarkup) }
    }

    private var entry: FeedItemDraft?
    /// The entry's links: `href` resolved as the entry's link is, `address` as its media are
    /// (``FeedItemDraft/resolveMediaAddresses(feedBase:)``), `asBefore` as the link was before
    /// the alternate link and relative `xml:base`s were bases (``FeedItemDraft/linkAsBefore``).
    private var entryLinks:
        [(rel: String, type: String, href: String, length: String?, address: String, asBefore: String)] =
            []
    private var entryAuthors: [String] = []
    private var feedAuthors: [String] = []
    /// The authors an entry's `<source>` names (the feed it was copied from, in a planet's).
    private var sourceAuthors: [String] = []
    /// The names and the e-mail address of the `<author>` being read: credited at its end,
    /// unless they are a placeholder (``AtomPlaceholderAuthor``).
    private var authorNames: [String] = []
    private var authorEmail: String?
    /// The feed's `rel="self"` address: the base for relative links when no `xml:base` says,
    /// and the document's address a relative `xml:base` resolves against.
    private var selfBase: URL?
    /// The feed's alternate link when it is absolute: the site's page the entries belong to.
    private var alternateBase: URL?
    /// The feed's self link, else its alternate link (``XMLFeedReader/documentAddress``): a
    /// file read from disk has no address of its own, and readers that resolve against the
    /// feed's link (Miniflux, node-feedparser) take the site's page, which the entries' relative
    /// links are written against (GitHub's, a blog's `/2024/post/`).
    override var documentAddress: URL? { selfBase ?? alternateBase }
    private var published: (date: Date, offset: Int)?
    private var updated: (date: Date, offset: Int)?
    /// Whether the text construct being read is `type="html"` (set at its start).
    private var textIsHTML = false
    /// The `type` of the text construct being read, lowercased, and whether it is
    /// base64-encoded (``AtomBase64Content``; set at its start).
    private var textType = ""
    private var textIsBase64 = false
    /// The note shown for the entry's content that is data other than text (a picture).
    private var contentNote: String?

    init(onItem: @escaping (FeedItem) -> Bool) {
        super.init(format: .atom, onItem: onItem)
    }

    private func isAtom(_ element: Element) -> Bool { AtomParser.isAtom(element.namespace) }

    /// Atom 1.0's namespace.
    static let namespace = "http://www.w3.org/2005/Atom"

    /// Whether `namespace` is Atom 1.0's or the 0.3 draft's, told by its length first (a set of
    /// the two hashed it some three times an element).
    static func isAtom(_ namespace: String) -> Bool {
        switch namespace.utf8.count {
        case 27: return namespace == AtomParser.namespace
        case 24: return namespace == "http://purl.org/atom/ns#"
        default: return false
        }
    }

    /// `media:description` (YouTube), read as a summary (``FeedMediaText``).
    private func isMediaDescription(_ element: Element) -> Bool {
        entry != nil && FeedMediaText.isMediaDescription(element)
    }

    /// Whether the `media:description` or `media:title` being read is HTML (`type="html"`).
    private var mediaDescriptionIsHTML = false
    /// The address of the `media:content` being read.
    private var mediaContentAddress: String?

    /// A `media:title` of a medium or its group (``FeedMediaFiles``).
    private func isMediaTitle(_ element: Element) -> Bool {
        entry != nil && element.name == "title" && element.namespace == FeedMediaText.mediaNamespace
            && FeedMediaFiles.rank(isTitle: true, in: parent) != nil
    }

    override func didStart(_ element: Element, attributes: XMLAttributes) {
        if entry != nil, element.namespace == FeedMediaText.mediaNamespace {
            takeMediaPicture(element, attributes: attributes)
            return
        }
        guard isAtom(element) else { return }
        switch element.name {
        case "feed":
            sawRoot = true
        case "author":
            authorNames = []
            authorEmail = nil
        case "entry":
            entry = FeedItemDraft()
            entryLinks = []
            entryAuthors = []
            sourceAuthors = []
            published = nil
            updated = nil
            contentNote = nil
            openItemLine = element.line
        case "link":
            let rel = XMLFeedReader.attribute("rel", in: attributes) ?? "alternate"
            let type = XMLFeedReader.attribute("type", in: attributes) ?? ""
            guard let href = XMLFeedReader.attribute("href", in: attributes) else { return }
            let trimmed = FeedItemDraft.trimmed(href)
            // The feed's own: an entry's (or its source's) is no base for the entries after it.
            if rel == "self", parent?.name == "feed", selfBase == nil, element.xmlBase.absolute == nil,
                let url = URL(string: trimmed), url.scheme != nil
            {
                selfBase = url
            }
            let resolved = resolve(trimmed, against: base(of: element) ?? documentAddress, in: element)
            if entry != nil {
                if parent?.name == "entry" {
                    // As it was resolved before: against the self link only, relative bases unused.
                    let asBefore = XMLFeedReader.resolve(
                        trimmed, against: element.xmlBase.resolved(document: selfBase) ?? selfBase)
                    entryLinks.append(
                        (
                            rel, type, resolved, XMLFeedReader.attribute("length", in: attributes),
                            mediaAddress(trimmed) ?? resolved, asBefore
                        ))
                }
            } else if parent?.name == "feed", rel == "alternate", header.link == nil {
                header.link = resolved
                if XMLFeedReader.isWebAddress(resolved) { alternateBase = URL(string: resolved) }
            }
        case "content":
            if entry != nil, let source = XMLFeedReader.attribute("src", in: attributes) {
                let resolved = resolve(source, against: base(of: element), in: element)
                entryLinks.append(
                    ("enclosure", "", resolved, nil, mediaAddress(source) ?? resolved, resolved))
            }
        default:
            break
        }
    }

    /// An entry's `media:content` picture or `media:thumbnail` (in a `media:group` or not),
    /// listed among its links when nothing else shows it, as an RSS item's are
    /// (``FeedMediaPictures``); an icon is not. A `media:content` video or sound is listed as
    /// an enclosure is, and a `media:group`'s start noted: what it says its files show is theirs
    /// (``FeedMediaFiles``).
    private func takeMediaPicture(_ element: Element, attributes: XMLAttributes) {
        let address = mediaAddress(XMLFeedReader.attribute("url", in: attributes))
        if element.name == "content" { mediaContentAddress = address }
        guard !FeedMediaPictures.isIcon(attributes) else { return }
        switch element.name {
        case "content" where FeedPictureCaption.isPicture(attributes):
            entry?.mediaPictures.addContent(
                address, type: XMLFeedReader.attribute("type", in: attributes),
                fileSize: XMLFeedReader.attribute("fileSize", in: attributes))
        case "content":
            entry?.mediaFiles.add(address, attributes: attributes)
        case "thumbnail":
            entry?.mediaPictures.addThumbnail(address)
        case "group":
            entry?.mediaFiles.enterGroup()
        default:
            break
        }
    }

    override func capture(for element: Element, attributes: XMLAttributes) -> Capture {
        if isMediaDescription(element) || isMediaTitle(element) {
            mediaDescriptionIsHTML = FeedMediaText.isHTML(attributes)
            return .text
        }
        if FeedBurnerOriginalLink.matches(name: element.name, namespace: element.namespace), entry != nil,
            parent?.name == "entry"
        {
            return .text
        }
        guard isAtom(element), let parent else { return .none }
        let owner = parent.name
        let isTextConstruct = AtomParser.isTextConstruct(element.name)
        if isTextConstruct && (owner == "entry" || owner == "feed") {
            let type = (XMLFeedReader.attribute("type", in: attributes) ?? "text").lowercased()
            let mode = (XMLFeedReader.attribute("mode", in: attributes) ?? "").lowercased()
            textIsHTML = type == "html" || type == "text/html" || mode == "escaped"
            textType = type
            textIsBase64 = AtomParser.isBase64(type: type, mode: mode)
            if textIsBase64 { return .text }
            return type == "xhtml" || type == "application/xhtml+xml" ? .xhtml : .text
        }
        if (element.name == "name" || element.name == "email") && owner == "author" { return .text }
        if owner == "entry" && EntryField(element.name) != nil { return .text }
        return .none
    }

    /// ``AtomBase64Content/isEncoded(type:mode:)``, told at once of a type without a "/" and no
    /// mode (`text`, `html`, `xhtml`, none), which it cannot name as encoded: it trims the type
    /// with Foundation, 13,000 instructions a text construct.
    static func isBase64(type: String, mode: String) -> Bool {
        if mode.isEmpty && !type.utf8.contains(UInt8(ascii: "/")) { return false }
        return AtomBase64Content.isEncoded(type: type, mode: mode)
    }

    /// Whether an Atom element of this local name is a text construct (`type` says how it
    /// holds its text); no array of names is made for each element.
    private static func isTextConstruct(_ name: String) -> Bool {
        switch name.utf8.count {
        case 5: return name == "title"
        case 6: return name == "rights"
        case 7: return name == "summary" || name == "content"
        case 8: return name == "subtitle"
        default: return false
        }
    }

    override func cutItemHasBody() -> Bool {
        entry?.hasBody ?? false
    }

    override func linksHyperlinks(in element: Element, isMarkup: Bool) -> Bool {
        entry != nil && isAtom(element) && (element.name == "content" || element.name == "summary")
            && (isMarkup || textIsHTML) && !textIsBase64
    }

    override func didEnd(_ element: Element, text: String, isMarkup: Bool) {
        if isMediaDescription(element), entry?.summary == nil {
            entry?.summary = mediaDescriptionIsHTML ? resolvingLinks(inHTML: text) : text
            entry?.summaryIsHTML = mediaDescriptionIsHTML
        }
        // A video's or sound's, or its group's (``FeedMediaFiles``).
        if isMediaDescription(element) || isMediaTitle(element),
            let rank = FeedMediaFiles.rank(isTitle: element.name == "title", in: parent)
        {
            let text = mediaDescriptionIsHTML ? resolvingLinks(inHTML: text) : text
            entry?.mediaFiles.describe(
                mediaContentAddress, text, isHTML: mediaDescriptionIsHTML, rank: rank)
        }
        if entry != nil, element.name == "group", element.namespace == FeedMediaText.mediaNamespace {
            entry?.mediaFiles.leaveGroup()
        }
        if FeedBurnerOriginalLink.matches(name: element.name, namespace: element.namespace), entry != nil,
            parent?.name == "entry"
        {
            if let page = FeedBurnerOriginalLink.page(text) { entry?.originalPage = page }
            return
        }
        guard isAtom(element) else { return }
        let owner = parent?.name
        if element.name == "name" && owner == "author" {
            if let name = FeedItemDraft.nonEmpty(text) { authorNames.append(name) }
            return
        }
        if element.name == "email" && owner == "author" {
            authorEmail = FeedItemDraft.nonEmpty(text)
            return
        }
        if element.name == "author" {
            finishAuthor()
            return
        }
        if element.name == "entry" {
            finishEntry()
            return
        }
        if entry != nil {
            guard owner == "entry" else { return }
            if textIsBase64, element.name == "content" || element.name == "summary",
                let reading = AtomBase64Content.reading(
                    text, type: textType, documentEncoding: documentEncoding)
            {
                textIsBase64 = false
                switch reading {
                case .text(let decoded, let isHTML):
                    textIsHTML = isHTML
                    take(element.name, decoded, isMarkup: false)
                case .note(let note) where element.name == "content":
                    contentNote = note
                case .note(let note):
                    textIsHTML = false
                    take(element.name, note, isMarkup: false)
                }
                return
            }
            take(element.name, text, isMarkup: isMarkup)
            return
        }
        if owner == "feed" && element.name == "title" && header.title == nil {
            header.title = FeedItemDraft.nonEmpty(
                isMarkup || textIsHTML ? HTMLEntityTable.plainText(fromHTML: text) : text)
        }
    }

    private func finishEntry() {
        guard var entry else { return }
        let alternates = entryLinks.filter { $0.rel == "alternate" }
        let preferred =
            alternates.first { $0.type.lowercased().contains("html") }
            ?? alternates.first { $0.href.hasPrefix("http") } ?? alternates.first
            ?? entryLinks.first { $0.rel != "self" && $0.rel != "enclosure" } ?? entryLinks.first
        entry.link = preferred?.href
        if preferred?.asBefore != preferred?.href { entry.linkAsBefore = preferred?.asBefore }
        // An entry's self link is its own address in the feed (RFC 4287 4.2.7.2), kept as its link
        // when it has no other, but its body's links are the document's (RFC 3986 5.1).
        if preferred?.rel == "self" { entry.bodyBase = .address(documentAddress?.absoluteString) }
        let enclosures = entryLinks.filter { $0.rel == "enclosure" }
        entry.enclosures = enclosures.map(\.address)
        // Labelled as an RSS enclosure is: "audio (mpeg, 34 MB)".
        for enclosure in enclosures where entry.enclosureLabels[enclosure.address] == nil {
            entry.enclosureLabels[enclosure.address] = FeedEnclosureLabel.label(
                type: enclosure.type, length: enclosure.length)
        }
        entry.resolveMediaAddresses(feedBase: documentAddress)
        entry.resolvingBodyAgainstFeed(documentAddress?.absoluteString)
        entry.enclosures.removeAll { $0 == entry.link }
        entry.take(published ?? updated)
        // An entry without an author is its source feed's, else this feed's (RFC 4287, 4.2.1): a
        // planet's entries were credited to the planet's admin (found by QA).
        let authors = [entryAuthors, sourceAuthors, feedAuthors].first { !$0.isEmpty } ?? []
        entry.author = authors.isEmpty ? nil : authors.joined(separator: ", ")
        if let contentNote, entry.content == nil { entry.addContentNote(contentNote) }
        if entry.content == nil && entry.summary == nil { entry.contentIsHTML = false }
        self.entry = nil
        openItemLine = nil
        deliver(entry)
    }
}
