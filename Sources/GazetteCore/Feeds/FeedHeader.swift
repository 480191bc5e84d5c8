/// What a feed says about itself.
public struct FeedHeader: Sendable, Equatable {
    /// RSS, RDF, Atom or JSON Feed.
    public var format: SourceFormat
    /// The feed's title (plain text), when it has one.
    public var title: String?
    /// The feed's web page, when it names one.
    public var link: String?

    /// The title as shown: in RSS and RDF, where a title may hold HTML or entities, cleaned
    /// as item titles are (Atom and JSON Feed say what their titles are, and are read so).
    public var shownTitle: String? {
        guard let title else { return nil }
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
