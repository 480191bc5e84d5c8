import Foundation

/// RSS 0.91, 0.92 and 2.0: https://www.rssboard.org/rss-specification
/// (0.91: https://www.rssboard.org/rss-0-9-1-netscape).
///
/// `<rss><channel>` with `<item>`s inside the channel (or, in old feeds, beside it). The
/// body is `content:encoded` when present, else `description`; both are HTML. RSS has no
/// namespace, but some feeds give the root a default one (UserLand's
/// `http://backend.userland.com/rss2`, `http://purl.org/rss/2.0/`): elements in the root's
/// namespace are read as RSS too.
final class RSSParser: XMLFeedReader {
    private typealias Handler = @Sendable (RSSParser, String) -> Void

    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    /// Dublin Core terms: `dcterms:created`, `issued` and `modified` date an item when
    /// `dc:date` does not.
    static let dublinCoreTermsNamespace = "http://purl.org/dc/terms/"

    /// Item elements without a namespace, and what each sets.
    private static let itemHandlers: [String: Handler] = [
        "title": { $0.item?.title = $1 },
        "link": { parser, text in
            let link = parser.resolve(text)
            let before = parser.resolveAsBefore(text)
            parser.item?.link = link
            parser.item?.linkAsBefore = before == link ? nil : before
        },
        "description": { parser, text in
            let summary = parser.resolvingLinks(inHTML: text)
            parser.item?.summary = summary
            parser.item?.summaryAsBefore = parser.htmlAsBefore(text, resolved: summary)
            parser.item?.summaryIsHTML = !FeedPlainTextBody.isPlainText(text)
        },
        "pubDate": { $0.item?.takeDate($1) },
        "author": { parser, text in
            if parser.item?.author == nil {
                parser.item?.author = FeedItemDraft.nonEmpty(RSSAuthor.name(text))
            }
        },
        "guid": { parser, text in
            parser.item?.id = FeedItemDraft.nonEmpty(text)
            // Only a web address is a link: a podcast's guid "853" became https://syntax.fm/853
            // (found by QA).
            if parser.guidIsPermaLink, parser.item?.link == nil, let guid = FeedItemDraft.nonEmpty(text),
                XMLFeedReader.isWebAddress(guid)
            {
                parser.item?.link = guid
            }
        },
    ]

    /// Item elements of the Dublin Core and content modules.
    private static let moduleHandlers: [String: Handler] = [
        "encoded": { parser, text in
            let content = parser.resolvingLinks(inHTML: text)
            parser.item?.content = content
            parser.item?.contentAsBefore = parser.htmlAsBefore(text, resolved: content)
        },
        "title": { $0.item?.dublinCoreTitle = $1 },
        "creator": { parser, text in
            if let name = FeedItemDraft.nonEmpty(RSSAuthor.name(text)),
                parser.item?.creators.contains(name) == false
            {
                parser.item?.creators.append(name)
            }
        },
        "date": { $0.item?.takeDate($1) },
        "created": { $0.item?.takeDate($1) },
        "issued": { $0.item?.takeDate($1) },
        "modified": { $0.item?.takeDate($1) },
    ]

    /// Item elements of Apple's podcast namespace: text for an episode without a description,
    /// and its author (`itunes:author`), the byline when no `author` or `dc:creator` names one.
    private static let podcastHandlers: [String: Handler] = [
        "author": { parser, text in parser.episodeAuthor = FeedItemDraft.nonEmpty(text) },
        "summary": { parser, text in
            parser.item?.offerMediaText(
                text, isHTML: FeedItemDraft.looksLikeHTML(text), rank: .podcastSummary)
        },
        "subtitle": { parser, text in
            parser.item?.offerMediaText(
                text, isHTML: FeedItemDraft.looksLikeHTML(text), rank: .podcastSubtitle)
        },
    ]

    private var item: FeedItemDraft?
    /// The item's `itunes:author`, and the channel's (the byline of an episode without one).
    private var episodeAuthor: String?
    private var podcastAuthor: String?
    private var guidIsPermaLink = false
    /// The `media:description` being read: whether it is HTML, how good a body it makes, and
    /// whether it is a `media:content`'s.
    private var mediaDescription: (isHTML: Bool, rank: FeedMediaText.Rank, inContent: Bool)?
    /// Whether the last `media:content` opened is a picture.
    private var contentIsPicture = false
    /// The address of the `media:content` being read.
    private var contentAddress: String?
    /// Whether the `media:title` being read is HTML (`type="html"`).
    private var mediaTitleIsHTML = false
    /// The namespace of the `rss` root element (empty when it has none).
    private var rssNamespace = ""

    init(onItem: @escaping (FeedItem) -> Bool) {
        super.init(format: .rss, onItem: onItem)
    }

    /// Whether `element` is one of RSS's own: without a namespace, or in the root's.
    private func isRSS(_ element: Element) -> Bool {
        element.namespace.isEmpty || element.namespace == rssNamespace
    }

    /// Whether `element` is a `media:title` (of the item, its `media:group` or a medium).
    private static func isMediaTitle(_ element: Element) -> Bool {
        element.name == "title" && element.namespace == FeedMediaText.mediaNamespace
    }

    /// Whether `element` is one of a module's that items take (Dublin Core, content).
    private static func isModule(_ element: Element) -> Bool {
        element.namespace == RSSParser.contentNamespace || element.namespace == RSSParser.dublinCoreNamespace
            || element.namespace == RSSParser.dublinCoreTermsNamespace
    }

    override func didStart(_ element: Element, attributes: XMLAttributes) {
        if !sawRoot && element.name == "rss" {
            sawRoot = true
            rssNamespace = element.namespace
            return
        }
        if item != nil, element.namespace == FeedMediaText.mediaNamespace {
            switch element.name {
            case "content":
                contentIsPicture = FeedPictureCaption.isPicture(attributes)
                contentAddress = mediaAddress(XMLFeedReader.attribute("url", in: attributes))
                if contentIsPicture {
                    item?.pictures.hasPicture = true
                    item?.pictures.addPicture(contentAddress)
                    if !FeedMediaPictures.isIcon(attributes) {
                        item?.mediaPictures.addContent(
                            contentAddress, type: XMLFeedReader.attribute("type", in: attributes),
                            fileSize: XMLFeedReader.attribute("fileSize", in: attributes))
                    }
                } else {
                    item?.pictures.hasOtherMedia = true
                    item?.mediaFiles.add(contentAddress, attributes: attributes)
                }
            case "thumbnail":
                let address = mediaAddress(XMLFeedReader.attribute("url", in: attributes))
                item?.pictures.hasPicture = true
                item?.pictures.addPicture(address)
                if !FeedMediaPictures.isIcon(attributes) { item?.mediaPictures.addThumbnail(address) }
            case "group":
                item?.mediaFiles.enterGroup()
            default:
                break
            }
            return
        }
        guard isRSS(element) else { return }
        switch element.name {
        case "item":
            item = FeedItemDraft()
            openItemLine = element.line
        case "enclosure":
            if let url = mediaAddress(XMLFeedReader.attribute("url", in: attributes)) {
                item?.enclosures.append(url)
                item?.enclosureLabels[url] = FeedEnclosureLabel.label(
                    type: attributes["type"], length: attributes["length"])
            }
            // A podcast's episode: the item's media:description is its summary, no picture's
            // caption (it showed as "[image: …]"; found by QA).
            if !FeedPictureCaption.isPicture(attributes) { item?.pictures.hasOtherMedia = true }
        case "guid":
            guidIsPermaLink = (attributes["isPermaLink"] ?? "true").lowercased() != "false"
        default: break
        }
    }

    override func capture(for element: Element, attributes: XMLAttributes) -> Capture {
        if item != nil {
            if FeedMediaText.isMediaDescription(element) {
                // On the item or in its `media:group`; in a `media:content`, that medium's.
                let inContent = parent?.name == "content" && parent?.namespace == FeedMediaText.mediaNamespace
                mediaDescription = (
                    FeedMediaText.isHTML(attributes), inContent ? .contentDescription : .itemDescription,
                    inContent
                )
                return .text
            }
            if RSSParser.isMediaTitle(element) {
                mediaTitleIsHTML = FeedMediaText.isHTML(attributes)
                return .text
            }
            return handler(for: element) == nil ? .none : .text
        }
        let inChannel = parent?.name == "channel"
        if inChannel && FeedMediaText.isPodcast(element.namespace) && element.name == "author" {
            return .text
        }
        return inChannel && isRSS(element) && (element.name == "title" || element.name == "link")
            ? .text : .none
    }

    /// What an element of an item sets: RSS's own, else a module's.
    private func handler(for element: Element) -> Handler? {
        if isRSS(element), let handler = RSSParser.itemHandlers[element.name] { return handler }
        if FeedMediaText.isPodcast(element.namespace) { return RSSParser.podcastHandlers[element.name] }
        return RSSParser.isModule(element) ? RSSParser.moduleHandlers[element.name] : nil
    }

    override func cutItemHasBody() -> Bool {
        item?.hasBody ?? false
    }

    override func linksHyperlinks(in element: Element, isMarkup: Bool) -> Bool {
        item != nil
            && ((isRSS(element) && element.name == "description")
                || (element.namespace == RSSParser.contentNamespace && element.name == "encoded"))
    }

    override func didEnd(_ element: Element, text: String, isMarkup: Bool) {
        if item != nil {
            if isRSS(element) && element.name == "item" {
                if var item {
                    if item.author == nil && item.creators.isEmpty {
                        item.author = episodeAuthor ?? podcastAuthor
                    }
                    item.resolveMediaAddresses(feedBase: header.link.flatMap { URL(string: $0) })
                    item.resolvingBodyAgainstFeed(header.link)
                    deliver(item)
                }
                item = nil
                episodeAuthor = nil
                openItemLine = nil
                return
            }
            if let mediaDescription, FeedMediaText.isMediaDescription(element) {
                let html = mediaDescription.isHTML
                let description = html ? resolvingLinks(inHTML: text) : text
                item?.offerMediaText(description, isHTML: html, rank: mediaDescription.rank)
                if !mediaDescription.inContent || contentIsPicture {
                    item?.pictures.add(
                        description, isHTML: html, ofPicture: mediaDescription.inContent,
                        picture: mediaDescription.inContent ? contentAddress : nil)
                }
                // A video's or sound's, or its group's (``FeedMediaFiles``).
                if let rank = FeedMediaFiles.rank(isTitle: false, in: parent) {
                    item?.mediaFiles.describe(contentAddress, description, isHTML: html, rank: rank)
                }
                self.mediaDescription = nil
                return
            }
            if RSSParser.isMediaTitle(element) {
                if item?.mediaTitle == nil { item?.mediaTitle = FeedItemDraft.nonEmpty(text) }
                if let rank = FeedMediaFiles.rank(isTitle: true, in: parent) {
                    item?.mediaFiles.describe(contentAddress, text, isHTML: mediaTitleIsHTML, rank: rank)
                }
                return
            }
            if element.name == "group" && element.namespace == FeedMediaText.mediaNamespace {
                item?.mediaFiles.leaveGroup()
                return
            }
            guard stack.count >= 2, stack[stack.count - 2].name == "item" else { return }
            handler(for: element)?(self, text)
            return
        }
        if parent?.name == "channel" && FeedMediaText.isPodcast(element.namespace) && element.name == "author"
        {
            podcastAuthor = podcastAuthor ?? FeedItemDraft.nonEmpty(text)
            return
        }
        guard isRSS(element), parent?.name == "channel" else { return }
        switch element.name {
        case "title": header.title = header.title ?? FeedItemDraft.nonEmpty(text)
        case "link": header.link = header.link ?? resolve(text)
        default: break
        }
    }
}
