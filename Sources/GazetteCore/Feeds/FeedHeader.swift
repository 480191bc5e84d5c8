/// What a feed says about itself.
public struct FeedHeader: Sendable, Equatable {
    /// RSS, RDF, Atom or JSON Feed.
    public var format: SourceFormat
    /// The feed's title as written, when it has one (the ids of a feed without a link are made
    /// from it: see ``shownTitle`` for the title to show).
    public var title: String?
    /// The feed's web page, when it names one.
    public var link: String?

    /// The title as shown: in RSS and RDF, where a title may hold HTML or entities, cleaned
    /// as item titles are (Atom and JSON Feed say what their titles are, and are read so); in
    /// JSON Feed, with its character references decoded, as its items' titles are.
    public var shownTitle: String? {
        guard let title else { return nil }
        if format == .jsonFeed {
            return WordJoin.collapsedAtWhitespace(HTMLEntities.decodingReferences(title))
        }
        guard format == .rss || format == .rdf, FeedItemDraft.looksLikeHTML(title) else {
            // On one line, as item titles are: a title broken over lines in the file kept its
            // line breaks and indentation (found by QA).
            return WordJoin.collapsedAtWhitespace(title)
        }
        return HTMLRenderer.titleText(title)
    }

    public init(format: SourceFormat, title: String? = nil, link: String? = nil) {
        self.format = format
        self.title = title
        self.link = link
    }
}
