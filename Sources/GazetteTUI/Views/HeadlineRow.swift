import GazetteCore

/// What one row of the headline list shows.
public struct HeadlineRow: Equatable, Sendable {
    public var number: Int
    public var title: String
    public var credit: String?
    public var minutes: Int
    public var unread: Bool
    public var flagged: Bool
    public var selected: Bool
    /// The source's name, when several sources are open.
    public var source: String?
    /// What tells the source apart from another open of the same name ("JSON"), kept whole
    /// when its name is cut.
    public var sourceTag: String? = nil
}
