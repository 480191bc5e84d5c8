/// FeedBurner's `feedburner:origLink` (https://rssnamespace.org/feedburner/ext/1.0): a feed
/// FeedBurner serves gives each item's `<link>` as its own redirect (`feedproxy.google.com/~r/…`,
/// `rss.slashdot.org/~r/…`) and the story's page in this element, in RSS, RSS 1.0 and Atom.
///
/// The page is the link shown and opened (`o`); the item's id is made of the feed's link as
/// before (``FeedItem/linkInID``), so that the marks kept under it stay.
enum FeedBurnerOriginalLink {
    static let namespace = "http://rssnamespace.org/feedburner/ext/1.0"

    /// Whether `name` in `namespace` is `feedburner:origLink` (the name, the cheaper, first).
    static func matches(name: String, namespace: String) -> Bool {
        name == "origLink" && namespace == FeedBurnerOriginalLink.namespace
    }

    /// The page an `origLink`'s text names: an absolute web address, trimmed; nil for anything
    /// else (a relative or empty one is no page to open in its place).
    static func page(_ text: String) -> String? {
        guard let page = FeedItemDraft.nonEmpty(text), XMLFeedReader.isWebAddress(page) else { return nil }
        return page
    }
}
