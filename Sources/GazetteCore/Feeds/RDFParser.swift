import Foundation

/// RSS 1.0, https://web.resource.org/rss/1.0/spec, and its ancestor RSS 0.90,
/// https://www.rssboard.org/rss-0-9-0.
///
/// `<rdf:RDF>` holds a `<channel>` and, beside it, the `<item>`s; items are identified by
/// their `rdf:about` and may carry Dublin Core (`dc:date`, `dc:creator`) and
/// `content:encoded` from the modules.
final class RDFParser: XMLFeedReader {
    private typealias Handler = @Sendable (RDFParser, String) -> Void

    static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// The namespaces of RSS 1.0 and RSS 0.90 elements (and none, for feeds that forget it).
    private static let rssNamespaces: Set<String> = [
        "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "",
    ]

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
    ]

    private static let moduleHandlers: [String: [String: Handler]] = [
        RSSParser.contentNamespace: [
            "encoded": { parser, text in
                let content = parser.resolvingLinks(inHTML: text)
                parser.item?.content = content
                parser.item?.contentAsBefore = parser.htmlAsBefore(text, resolved: content)
            }
        ],
        RSSParser.dublinCoreNamespace: [
            "title": { $0.item?.dublinCoreTitle = $1 },
            "creator": { parser, text in
                if let name = FeedItemDraft.nonEmpty(RSSAuthor.name(text)),
                    parser.item?.creators.contains(name) == false
                {
                    parser.item?.creators.append(name)
                }
            },
            "date": { $0.item?.takeDate($1) },
        ],
        RSSParser.dublinCoreTermsNamespace: [
            "created": { $0.item?.takeDate($1) },
            "issued": { $0.item?.takeDate($1) },
            "modified": { $0.item?.takeDate($1) },
        ],
    ]

    private var item: FeedItemDraft?

    init(onItem: @escaping (FeedItem) -> Bool) {
        super.init(format: .rdf, onItem: onItem)
    }

    private func handler(for element: Element) -> Handler? {
        if RDFParser.rssNamespaces.contains(element.namespace) { return RDFParser.itemHandlers[element.name] }
        return RDFParser.moduleHandlers[element.namespace]?[element.name]
    }

    override func didStart(_ element: Element, attributes: XMLAttributes) {
        if element.name == "RDF" && element.namespace == RDFParser.rdfNamespace { sawRoot = true }
        guard RDFParser.rssNamespaces.contains(element.namespace), element.name == "item" else { return }
        var draft = FeedItemDraft()
        draft.id = FeedItemDraft.nonEmpty(
            attributes["rdf:about"] ?? XMLFeedReader.attribute("about", in: attributes))
        item = draft
        openItemLine = element.line
    }

    override func capture(for element: Element, attributes: XMLAttributes) -> Capture {
        if item != nil {
            return parent?.name == "item" && handler(for: element) != nil ? .text : .none
        }
        let isChannelText =
            parent?.name == "channel" && RDFParser.rssNamespaces.contains(element.namespace)
            && (element.name == "title" || element.name == "link")
        return isChannelText ? .text : .none
    }

    override func linksHyperlinks(in element: Element, isMarkup: Bool) -> Bool {
        item != nil
            && ((RDFParser.rssNamespaces.contains(element.namespace) && element.name == "description")
                || (element.namespace == RSSParser.contentNamespace && element.name == "encoded"))
    }

    override func cutItemHasBody() -> Bool {
        item?.hasBody ?? false
    }

    override func didEnd(_ element: Element, text: String, isMarkup: Bool) {
        if item != nil {
            if element.name == "item" && RDFParser.rssNamespaces.contains(element.namespace) {
                if var item {
                    item.resolvingBodyAgainstFeed(header.link)
                    deliver(item)
                }
                item = nil
                openItemLine = nil
            } else if parent?.name == "item" {
                handler(for: element)?(self, text)
            }
            return
        }
        guard parent?.name == "channel", RDFParser.rssNamespaces.contains(element.namespace) else { return }
        switch element.name {
        case "title": header.title = header.title ?? FeedItemDraft.nonEmpty(text)
        case "link": header.link = header.link ?? resolve(text)
        default: break
        }
    }
}
