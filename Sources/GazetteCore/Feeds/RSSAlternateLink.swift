/// An RSS 2.0 item's `atom:link` (RFC 4287 4.2.7, which the RSS Advisory Board's profile lets
/// RSS borrow): one with `rel="alternate"`, or no `rel`, names the item's page. It is the
/// item's link when the item has no `<link>` nor permalink guid (such an item had no link:
/// `o` opened nothing).
///
/// The id of such an item without a guid is that page, as an item's `<link>` is; its id made
/// of its title and text before is kept as an earlier one (``FeedItem/contentIDBefore``).
enum RSSAlternateLink {
    /// Whether `name` in `namespace` is `atom:link` (the name, the cheaper, first).
    static func matches(name: String, namespace: String) -> Bool {
        name == "link" && namespace == AtomParser.namespace
    }

    /// The page an item's `atom:link` with `attributes` names (its `href`), or nil when it
    /// names something else (`self`, `enclosure`, `replies`, `related`…) or nothing.
    static func page(_ attributes: XMLAttributes) -> String? {
        let rel = FeedItemDraft.trimmed(XMLFeedReader.attribute("rel", in: attributes) ?? "alternate")
        guard rel.isEmpty || rel.lowercased() == "alternate" else { return nil }
        return FeedItemDraft.nonEmpty(XMLFeedReader.attribute("href", in: attributes))
    }
}
