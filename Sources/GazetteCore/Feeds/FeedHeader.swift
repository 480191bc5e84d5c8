/// What a feed says about itself.
public struct FeedHeader: Sendable, Equatable {
    /// RSS, RDF, Atom or JSON Feed.
    public var format: SourceFormat
    /// The feed's title (plain text), when it has one.
    public var title: String?
    /// The feed's web page, when it names one.
    public var link: String?

    public init(format: SourceFormat, title: String? = nil, link: String? = nil) {
        self.format = format
        self.title = title
        self.link = link
    }
}
