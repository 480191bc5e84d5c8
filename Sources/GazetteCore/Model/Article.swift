import Foundation

/// A whole news story, decoded and ready to read.
public struct Article: Sendable, Equatable {
    /// The title of a story whose file gives none that shows (a dump's, a feed item's).
    public static let untitled = "(untitled)"

    public var id: ArticleID
    public var title: String
    /// The image caption, once, if the story has one.
    public var caption: String?
    /// Who the picture or story is credited to (`IRNA`, `REUTERS/…`), when named.
    public var credit: String?
    /// The body, one string per paragraph, in order.
    public var paragraphs: [String]
    /// Which of `paragraphs` are headings (a feed's h1–h6), by index: shown bold.
    public var headings: Set<Int> = []
    /// The lines (by their place among a paragraph's "\n"-parted lines) that are a heading's,
    /// in paragraphs that are not all heading (a list item's or quotation's), by paragraph.
    public var headingLines: [Int: Set<Int>] = [:]
    /// Which of `paragraphs` are preformatted text (a feed's `pre`), by index: a line wrapped
    /// to the pane's width goes on after ``ArticleLayout/continuationMark``.
    public var preformatted: Set<Int> = []
    /// Which of `paragraphs` are tables of text (a feed's), by index: laid out at the pane's
    /// width, the paragraph's text being their form at 78 columns.
    public var tables: [Int: ArticleTable] = [:]
    public var wordCount: Int
    public var readingMinutes: Int
    /// Display name of the source the story came from.
    public var source: String
    /// The story's web address, when the source gives one.
    public var link: String?
    /// When the story was published, when the source says.
    public var date: Date?
    /// The offset from UTC in seconds that the source wrote the date with: its day is shown
    /// as the source gives it, the same in every time zone.
    public var dateOffset = 0
    /// Addresses referred to in the text as `[1]`, `[2]`, … in order (feeds).
    public var links: [String]
    /// What some of `links` are, by index, where the source says (a podcast's audio:
    /// "audio (mpeg, 34 MB)").
    public var linkLabels: [Int: String] = [:]
    /// Whether the file no longer holds the story where it was indexed (it changed on disk):
    /// the text is then a notice saying so, and opening it does not mark the story read.
    public var changedOnDisk = false
    /// How many paragraphs of a very long story were not decoded (the reader asks for its
    /// start only); 0 when ``paragraphs`` holds them all.
    public var leftOutParagraphs = 0

    public init(
        id: ArticleID, title: String, caption: String? = nil, credit: String? = nil,
        paragraphs: [String], wordCount: Int, readingMinutes: Int, source: String, link: String? = nil,
        date: Date? = nil, links: [String] = []
    ) {
        self.date = date
        self.links = links
        self.id = id
        self.title = title
        self.caption = caption
        self.credit = credit
        self.paragraphs = paragraphs
        self.wordCount = wordCount
        self.readingMinutes = readingMinutes
        self.source = source
        self.link = link
    }
}
