/// Whom a story credits: a dump story's photo credits, or a feed story's author.
public struct ArticleCredits: Sendable, Equatable {
    /// The first credit, and the others: most stories have one at most, kept without an array.
    private var first: String?
    private var later: [String] = []
    /// The credit is a feed's byline, shown as written: a photo credit's short form would cut
    /// a name at its slash or comma ("/u/gst" showed "u", "AC/DC Fan Club" "AC").
    private var isByline = false

    /// Crediting each of `credits`, given once each in order.
    public init(_ credits: [String]) {
        first = credits.first
        later = Array(credits.dropFirst())
    }

    /// Crediting `byline` (a feed item's author), shown whole in a narrow column.
    public init(byline: String?) {
        first = byline
        isByline = true
    }

    /// Each distinct credit, in order.
    public var all: [String] {
        guard let first else { return [] }
        return [first] + later
    }

    /// The credits in one line ("AFP, Reuters"), if there is one.
    public var line: String? {
        guard first != nil, !later.isEmpty else { return first }
        return all.joined(separator: ", ")
    }

    /// The credits as a narrow column shows them (see ``CaptionCredit/shortForm(ofCredits:)``);
    /// a byline whole, for the column to cut.
    public var short: String? {
        if isByline { return line }
        guard first != nil, !later.isEmpty else { return first.map(CaptionCredit.shortForm(of:)) }
        return CaptionCredit.shortForm(ofCredits: all)
    }
}
