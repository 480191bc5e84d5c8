/// Where each part of the screen goes for a terminal size: title bar, headline list,
/// divider, article pane, status line (PRODUCT.md 2).
public struct ScreenLayout: Equatable, Sendable {
    /// Below this size the screen only says it is too small.
    public static let minimumWidth = 20
    public static let minimumHeight = 6

    public let width: Int
    public let height: Int
    public let listTop: Int
    public let listHeight: Int
    public let dividerRow: Int
    public let paneTop: Int
    public let paneHeight: Int
    public let statusRow: Int

    /// Columns the article text is wrapped to (one column of margin each side).
    public var textWidth: Int { max(1, width - 2) }

    /// Whether the terminal is big enough to draw the reader.
    public var isUsable: Bool { width >= ScreenLayout.minimumWidth && height >= ScreenLayout.minimumHeight }

    /// The layout for a terminal of `width`×`height` showing `articleCount` headlines.
    public init(width: Int, height: Int, articleCount: Int, zoomed: Bool) {
        self.width = max(0, width)
        self.height = max(0, height)
        statusRow = max(0, height - 1)
        let available = max(0, height - 3)  // title bar, divider, status line
        if zoomed {
            listTop = 1
            listHeight = 0
        } else {
            let preferred = max(3, available / 3)
            listTop = 1
            listHeight = max(1, min(preferred, max(articleCount, 1), max(available - 2, 1)))
        }
        dividerRow = listTop + listHeight
        paneTop = dividerRow + 1
        paneHeight = max(0, statusRow - paneTop)
    }
}
