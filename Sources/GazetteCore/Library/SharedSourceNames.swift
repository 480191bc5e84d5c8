/// Sources open together that share a name (two files of one feed, an RSS and a JSON Feed
/// both titled "Daring Fireball"), and what tells each apart: the format when theirs all
/// differ (short enough for the reader's narrow column of names), else the file's name.
public struct SharedSourceNames: Sendable {
    /// A source's name as shown, and what tells it apart from others of that name.
    public struct Name: Equatable, Sendable {
        /// The source's own name (a feed's title, a file's name).
        public var name: String
        /// What tells it apart ("JSON", "DaringFireball.rss"); nil when no other source open
        /// has its name.
        public var tag: String?

        /// The name with its tag: "Daring Fireball (JSON)".
        public var text: String { tag.map { "\(name) (\($0))" } ?? name }
    }

    /// Per name: how many sources have it, and their formats.
    private var groups: [String: (count: Int, formats: Set<SourceFormat>)] = [:]

    public init() {}

    /// Counts `source` among the sources open.
    public mutating func add(_ source: Source) {
        groups[source.displayName, default: (0, [])].count += 1
        groups[source.displayName]?.formats.insert(source.format)
    }

    /// The name `source` is shown by (in constant time, for each row drawn).
    public func name(of source: Source) -> Name {
        let name = source.displayName
        guard let group = groups[name], group.count > 1 else { return Name(name: name) }
        if group.formats.count == group.count { return Name(name: name, tag: Self.label(of: source.format)) }
        let file = SourceLoader.fileName(source.path)
        guard file == name else { return Name(name: name, tag: file) }
        // Files of one name in different folders: the folder too.
        let parts = source.path.split(separator: "/")
        return Name(name: name, tag: parts.suffix(2).joined(separator: "/"))
    }

    /// A format's short name.
    static func label(of format: SourceFormat) -> String {
        switch format {
        case .plainTextDump: return "dump"
        case .rss: return "RSS"
        case .rdf: return "RDF"
        case .atom: return "Atom"
        case .jsonFeed: return "JSON"
        }
    }
}
