/// Which stories the headline list shows.
public enum ViewFilter: String, Sendable, CaseIterable {
    case all
    case unread
    case flagged

    /// The view `L` switches to next.
    public var next: ViewFilter {
        switch self {
        case .all: return .unread
        case .unread: return .flagged
        case .flagged: return .all
        }
    }

    /// How the title bar names the view.
    public var label: String {
        switch self {
        case .all: return "all"
        case .unread: return "unread only"
        case .flagged: return "flagged only"
        }
    }
}
