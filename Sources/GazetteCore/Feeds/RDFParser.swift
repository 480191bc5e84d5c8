import Foundation

/// RSS 1.0, https://web.resource.org/rss/1.0/spec, and its ancestor RSS 0.90,
/// https://www.rssboard.org/rss-0-9-0.
///
/// `<rdf:RDF>` holds a `<channel>` and, beside it, the `<item>`s; items are identified by
/// their `rdf:about` and may carry Dublin Core (`dc:date`, `dc:creator`) and
/// `content:encoded` from the modules.
final class RDFParser: XMLFeedReader {
    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// Whether `namespace` is RSS 1.0's or RSS 0.90's (or none, for feeds that forget it):
    /// told by its length first, not hashed for a set at each element's start and end.
    private static func isRSS(_ namespace: String) -> Bool {
        switch namespace.utf8.count {
        case 0: return true
        case 24: return namespace == "http://purl.org/rss/1.0/"
        case 38: return namespace == "http://my.netscape.com/rdf/simple/0.9/"
        default: return false
        }
    }

    /// An element of an item that sets something of it: RSS's own, and the content, Dublin
    /// Core and Dublin Core terms modules'. Told by a switch on the name's length and the
    /// name: dictionaries of handlers by namespace and name hashed both at each element's
    /// start and end.
    private enum ItemField {
        case title, link, description
        case encoded, dublinCoreTitle, creator, date
        /// FeedBurner's `feedburner:origLink` (``FeedBurnerOriginalLink``).
        case originalPage

        /// RSS's own element of this local name.
        static func rss(_ name: String) -> ItemField? {
            switch name.utf8.count {
            case 4: return name == "link" ? .link : nil
            case 5: return name == "title" ? .title : nil
            case 11: return name == "description" ? .description : nil
            default: return nil
            }
        }

        /// A module's element of this namespace and local name.
        static func module(_ namespace: String, _ name: String) -> ItemField? {
            switch namespace.utf8.count {
            case RDFParser.contentNamespaceLength:
                return namespace == RSSParser.contentNamespace && name == "encoded" ? .encoded : nil
            case RDFParser.dublinCoreNamespaceLength:
                guard namespace == RSSParser.dublinCoreNamespace else { return nil }
                switch name.utf8.count {
                case 4: return name == "date" ? .date : nil
                case 5: return name == "title" ? .dublinCoreTitle : nil
                case 7: return name == "creator" ? .creator : nil
                default: return nil
                }
            case RDFParser.dublinCoreTermsNamespaceLength:
                guard namespace == RSSParser.dublinCoreTermsNamespace else { return nil }
                return name == "created" || name == "issued" || name == "modified" ? .date : nil
            case RDFParser.feedBurnerNamespaceLength:
                return FeedBurnerOriginalLink.matches(name: name, namespace: namespace) ? .originalPage : nil
            default: return nil
            }
        }
    }

    private static let contentNamespaceLength = RSSParser.contentNamespace.utf8.count
    private static let dublinCoreNamespaceLength = RSSParser.dublinCoreNamespace.utf8.count
    private static let dublinCoreTermsNamespaceLength = RSSParser.dublinCoreTermsNamespace.utf8.count
    private static let feedBurnerNamespaceLength = FeedBurnerOriginalLink.namespace.utf8.count

    /// Sets what `field` sets of the item from its element's `text`.
    private func take(_ field: ItemField, _ text: String) {
        switch field {
        case .title: item?.title = text
        case .link: take(link: text, into: &item)
        case .description: take(description: text, into: &item)
        case .encoded: take(encoded: text, into: &item)
        case .dublinCoreTitle: item?.dublinCoreTitle = text
        case .creator: item?.takeCreator(text)
        case .date: item?.takeDate(text)
        case .originalPage:
            if let page = FeedBurnerOriginalLink.page(text) { item?.originalPage = page }
        }
    }

    private var item: FeedItemDraft?

    init(onItem: @escaping (FeedItem) -> Bool) {
        super.init(format: .rdf, onItem: onItem)
    }

    /// What an element of an item sets.
    private func field(for element: Element) -> ItemField? {
        if RDFParser.isRSS(element.namespace) { return ItemField.rss(element.name) }
        return ItemField.module(element.namespace, element.name)
    }

    override func didStart(_ element: Element, attributes: XMLAttributes) {
        if element.name == "RDF" && element.namespace == RDFParser.rdfNamespace { sawRoot = true }
        guard RDFParser.isRSS(element.namespace), element.name == "item" else { return }
        var draft = FeedItemDraft()
        draft.id = FeedItemDraft.nonEmpty(
            attributes["rdf:about"] ?? XMLFeedReader.attribute("about", in: attributes))
        item = draft
        openItemLine = element.line
    }

    override func capture(for element: Element, attributes: XMLAttributes) -> Capture {
        if item != nil {
            return parent?.name == "item" && field(for: element) != nil ? .text : .none
        }
        let isChannelText =
            parent?.name == "channel" && RDFParser.isRSS(element.namespace)
            && (element.name == "title" || element.name == "link")
        return isChannelText ? .text : .none
    }

    override func linksHyperlinks(in element: Element, isMarkup: Bool) -> Bool {
        item != nil
            && ((RDFParser.isRSS(element.namespace) && element.name == "description")
                || (element.namespace == RSSParser.contentNamespace && element.name == "encoded"))
    }

    override func cutItemHasBody() -> Bool {
        item?.hasBody ?? false
    }

    override func didEnd(_ element: Element, text: String, isMarkup: Bool) {
        if item != nil {
            if element.name == "item" && RDFParser.isRSS(element.namespace) {
                if var item {
                    item.resolvingBodyAgainstFeed(header.link)
                    deliver(item)
                }
                item = nil
                openItemLine = nil
            } else if parent?.name == "item" {
                if let field = field(for: element) { take(field, text) }
            }
            return
        }
        guard parent?.name == "channel", RDFParser.isRSS(element.namespace) else { return }
        switch element.name {
        case "title": header.title = header.title ?? FeedItemDraft.nonEmpty(text)
        case "link": header.link = header.link ?? resolve(text)
        default: break
        }
    }
}
