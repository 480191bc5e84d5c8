/// What the title bar counts of the view: its stories, the unread ones among them, and whether
/// the count may still change as the view fills (shown "…").
public struct ViewCounts: Equatable, Sendable {
    /// The stories of the view.
    public var stories: Int
    /// The unread stories of the view.
    public var unread: Int
    /// Whether the view is still filling (files indexed, read again, or searched).
    public var filling: Bool

    public init(stories: Int, unread: Int, filling: Bool) {
        self.stories = stories
        self.unread = unread
        self.filling = filling
    }
}
