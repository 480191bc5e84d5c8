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
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    /// Dublin Core terms: `dcterms:created`, `issued` and `modified` date an item when
    /// `dc:date` does not.
    static let dublinCoreTermsNamespace = "http://purl.org/dc/terms/"

    /// An element of an item that sets something of it: RSS's own (without a namespace), the
    /// Dublin Core and content modules', and Apple's podcast namespace's (text for an episode
    /// without a description, and its author, the byline when no `author` or `dc:creator`
    /// names one). Told by a switch on the name's length and the name: a dictionary of handlers
    /// by name hashed each element's name twice, at its start and at its end.
    private enum ItemField {
        case title, link, description, pubDate, author, guid
        case encoded, dublinCoreTitle, creator, dublinCoreDate
        case podcastAuthor, podcastSummary, podcastSubtitle
        /// FeedBurner's `feedburner:origLink` (``FeedBurnerOriginalLink``).
        case originalPage

        /// RSS's own element of this local name.
        static func rss(_ name: String) -> ItemField? {
            switch name.utf8.count {
            case 4: return name == "link" ? .link : name == "guid" ? .guid : nil
            case 5: return name == "title" ? .title : nil
            case 6: return name == "author" ? .author : nil
            case 7: return name == "pubDate" ? .pubDate : nil
            case 11: return name == "description" ? .description : nil
            default: return nil
            }
        }

        /// The Dublin Core or content module's element of this local name.
        static func module(_ name: String) -> ItemField? {
            switch name.utf8.count {
            case 4: return name == "date" ? .dublinCoreDate : nil
            case 5: return name == "title" ? .dublinCoreTitle : nil
            case 6: return name == "issued" ? .dublinCoreDate : nil
            case 7:
                return name == "encoded"
                    ? .encoded : name == "creator" ? .creator : name == "created" ? .dublinCoreDate : nil
            case 8: return name == "modified" ? .dublinCoreDate : nil
            default: return nil
            }
        }

        /// The podcast namespace's element of this local name.
        static func podcast(_ name: String) -> ItemField? {
            switch name.utf8.count {
            case 6: return name == "author" ? .podcastAuthor : nil
            case 7: return name == "summary" ? .podcastSummary : nil
            case 8: return name == "subtitle" ? .podcastSubtitle : nil
            default: return nil
            }
        }
    }

    /// Sets what `field` sets of the item from its element's `text`.
    private func take(_ field: ItemField, _ text: String) {
        switch field {
        case .title: item?.title = text
        case .link: take(link: text, into: &item)
        case .description: take(description: text, into: &item)
        case .pubDate, .dublinCoreDate: item?.takeDate(text)
        case .author:
            if item?.author == nil {
                item?.author = FeedItemDraft.nonEmpty(RSSAuthor.name(text))
            }
        case .guid:
            item?.id = FeedItemDraft.nonEmpty(text)
            // Only a web address is a link: a podcast's guid "853" became https://syntax.fm/853
            // (found by QA).
            if guidIsPermaLink, item?.link == nil, let guid = FeedItemDraft.nonEmpty(text),
                XMLFeedReader.isWebAddress(guid)
            {
                item?.link = guid
            }
        case .encoded: take(encoded: text, into: &item)
        case .dublinCoreTitle: item?.dublinCoreTitle = text
        case .creator: item?.takeCreator(text)
        case .podcastAuthor: episodeAuthor = FeedItemDraft.nonEmpty(text)
        case .podcastSummary:
            item?.offerMediaText(text, isHTML: FeedItemDraft.looksLikeHTML(text), rank: .podcastSummary)
        case .podcastSubtitle:
            item?.offerMediaText(text, isHTML: FeedItemDraft.looksLikeHTML(text), rank: .podcastSubtitle)
        case .originalPage:
            if let page = FeedBurnerOriginalLink.page(text) { item?.originalPage = page }
        }
    }

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
    /// The channel's link and the address made of it, made again only when the link changes.
    private var channelLinkMade: (link: String, address: URL?)?

    /// The channel's link as an address (``FeedItemDraft/resolveMediaAddresses(feedBase:)``
    /// resolves against it): made once, not for each item (3,200 instructions).
    private func channelLinkAddress() -> URL? {
        guard let link = header.link else { return nil }
        if let made = channelLinkMade, made.link == link { return made.address }
        let address = URL(string: link)
        channelLinkMade = (link, address)
        return address
    }

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
        if item != nil, RSSAlternateLink.matches(name: element.name, namespace: element.namespace) {
            // The item's own (not a medium's or a source's), the first that names its page.
            if parent?.name == "item", item?.alternateLink == nil,
                let page = RSSAlternateLink.page(attributes)
            {
                item?.alternateLink = resolve(page)
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
            return field(for: element) == nil ? .none : .text
        }
        let inChannel = parent?.name == "channel"
        if inChannel && FeedMediaText.isPodcast(element.namespace) && element.name == "author" {
            return .text
        }
        return inChannel && isRSS(element) && (element.name == "title" || element.name == "link")
            ? .text : .none
    }

    /// What an element of an item sets: RSS's own, else a module's.
    private func field(for element: Element) -> ItemField? {
        if isRSS(element), let field = ItemField.rss(element.name) { return field }
        if RSSParser.isPodcast(element.namespace) { return ItemField.podcast(element.name) }
        if RSSParser.isModule(element) { return ItemField.module(element.name) }
        return FeedBurnerOriginalLink.matches(name: element.name, namespace: element.namespace)
            ? .originalPage : nil
    }

    /// ``FeedMediaText/isPodcast(_:)``, told at once of a namespace of another length (it
    /// lowercases the namespace, a string made for each element of a module). Only ASCII
    /// lowercases to that namespace's characters (the one other scalar lowercased to ASCII,
    /// the Kelvin sign, gives a "k", which it has none of), so its length is the same.
    private static func isPodcast(_ namespace: String) -> Bool {
        namespace.utf8.count == podcastNamespaceLength && FeedMediaText.isPodcast(namespace)
    }

    private static let podcastNamespaceLength = "http://www.itunes.com/dtds/podcast-1.0.dtd".utf8.count

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
                    item.resolveMediaAddresses(feedBase: channelLinkAddress())
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
            if let field = field(for: element) { take(field, text) }
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
