import Foundation
import GazetteCore

/// Builds dump text for tests, and parses it.
public enum DumpText {
    /// One article in the full dump shape: title, caption block with widgets, the repeated
    /// header, then paragraphs.
    public static func article(
        title: String, caption: String? = nil, paragraphs: [String], widgets: Bool = true,
        repeatedHeader: Bool = true
    ) -> String {
        var lines = [title, ""]
        var captionBlock: [String] = []
        if let caption { captionBlock = [caption, caption] }
        if widgets || caption != nil {
            lines += captionBlock + (widgets ? ["TT", "20"] : []) + [""]
        }
        if repeatedHeader {
            lines += [title, ""]
            if !captionBlock.isEmpty { lines += captionBlock + [""] }
        }
        lines += paragraphs.flatMap { [$0, ""] }
        lines.removeLast()
        return lines.joined(separator: "\n")
    }

    /// Three stories, the first two with ids of digits only: `0257757916452848` (a leading
    /// zero) and `9916638815555786`.
    public static let digitIDs =
        "Story number 3155\n\nBody text of story 3155 is here.\n\n\n"
        + "Story number 2750\n\nBody text of story 2750 is here.\n\n\nOther\n\nText.\n"

    /// Two stories whose ids start alike: `f40359b229411ef0` and `f4039d83c056fdae`.
    public static let idsStartingAlike =
        "Story number 56\n\nBody text of story 56 is here.\n\n\n"
        + "Story number 412\n\nBody text of story 412 is here.\n"

    /// Summaries of a dump given as text.
    public static func index(_ text: String) -> [ArticleSummary] {
        index(bytes: Array(text.utf8))
    }

    /// Summaries of a dump given as bytes.
    public static func index(bytes: [UInt8]) -> [ArticleSummary] {
        let file = FileBytes(bytes: bytes)
        return PlainTextDumpParser.index(file.buffer)
    }

    /// Whole articles of a dump given as text.
    public static func articles(_ text: String) -> [Article] {
        articles(bytes: Array(text.utf8))
    }

    /// Whole articles of a dump given as bytes.
    public static func articles(bytes: [UInt8]) -> [Article] {
        let file = FileBytes(bytes: bytes)
        return PlainTextDumpParser.articles(file.buffer, source: "test")
    }

    /// An 80x24 reader over `text` saved as `news.txt` in `folder`, indexed whole, its reading
    /// state in memory.
    public static func reader(_ text: String, in folder: URL, width: Int = 80, height: Int = 24) throws
        -> Reader
    {
        let url = folder.appendingPathComponent("news.txt")
        try Data(text.utf8).write(to: url)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
        let tracker = try ReadingTracker(
            store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
        return Reader(catalog: catalog, tracker: tracker, width: width, height: height)
    }
}
