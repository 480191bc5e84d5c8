/// One line of an article as the pane shows it.
public struct DisplayLine: Equatable, Sendable {
    /// What the line is, so a view can style it.
    public enum Kind: Sendable, Equatable {
        case title, caption, body, blank
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// An article wrapped to a width: title, caption, a blank line, then the paragraphs with a
/// blank line between them. Text is sanitised here, once, for every view that shows it.
public struct ArticleLayout: Sendable {
    public let lines: [DisplayLine]
    public let width: Int

    public init(article: Article, width: Int) {
        let width = max(1, width)
        self.width = width
        var lines: [DisplayLine] = []
        for line in TextWrapper.wrap(TerminalSanitizer.line(article.title), width: width) {
            lines.append(DisplayLine(line, .title))
        }
        if let caption = article.caption {
            for line in TextWrapper.wrap(TerminalSanitizer.line(caption), width: width) {
                lines.append(DisplayLine(line, .caption))
            }
        }
        for paragraph in article.paragraphs {
            let wrapped = TextWrapper.wrap(TerminalSanitizer.line(paragraph), width: width)
            guard !wrapped.isEmpty else { continue }
            lines.append(DisplayLine("", .blank))
            for line in wrapped { lines.append(DisplayLine(line, .body)) }
        }
        self.lines = lines
    }
}

/// The last few articles wrapped, so that a keypress never wraps a whole article again.
struct ArticleLayoutCache {
    private var entries: [(id: ArticleID, width: Int, layout: ArticleLayout)] = []
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The cached layout, or the one `make` builds (then cached).
    mutating func layout(for id: ArticleID, width: Int, make: () -> ArticleLayout?) -> ArticleLayout? {
        if let index = entries.firstIndex(where: { $0.id == id && $0.width == width }) {
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.layout
        }
        guard let layout = make() else { return nil }
        entries.append((id, width, layout))
        if entries.count > capacity { entries.removeFirst() }
        return layout
    }

    mutating func removeAll() {
        entries.removeAll()
    }
}
