import ArgumentParser
import Foundation
import GazetteCore

/// `gazette export`: every article as JSON.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every article as a JSON array (id, title, caption, credit, paragraphs, links, …).")

    @OptionGroup var files: PathOptions
    @OptionGroup var state: StateOptions

    @OptionGroup var search: GrepOptions

    func run() throws {
        var skipped = 0
        let catalog = try files.openCatalog(skipped: &skipped)
        let (tracker, marksShown) = try state.readingTracker(for: catalog)
        let output = StandardOutput()
        // The matches are searched for as the screen's `/` does; then one article at a time
        // is decoded, so a huge archive never sits decoded in memory at once.
        var positions = Array(catalog.entries.indices)
        let query = search.query
        var readWhole = true
        if !query.isEmpty {
            (positions, readWhole) = CommandSearch.matches(of: query, in: catalog, among: positions)
        }
        try output.write("[")
        var first = true
        for (row, position) in positions.enumerated() {
            // The pages of the stories decoded go, as indexing lets them go.
            defer { PageRelease.after(row: row, of: positions, in: catalog) }
            guard let article = catalog.article(at: position) else { continue }
            let record = ExportRecord(
                article, sourcePath: catalog.source(of: catalog.entries[position]).path,
                read: tracker.isRead(article.id), flagged: tracker.isFlagged(article.id))
            let text = JSONText.encode(record, indent: 2)
            if try !output.write((first ? "\n  " : ",\n  ") + text) { return }
            first = false
        }
        try output.write(first ? "]\n" : "\n]\n")
        if skipped > 0 || !marksShown || !readWhole { throw ExitCode.failure }
    }
}

/// One object of `export`.
struct ExportRecord {
    let id: String
    let title: String
    let caption: String?
    let credit: String?
    /// The text's paragraphs; a table gives a paragraph per row, its cells joined by " | ".
    let paragraphs: [String]
    let wordCount: Int
    let readingMinutes: Int
    let source: String
    /// The source's file as named (`-` for standard input): two of one name are told apart.
    let sourcePath: String
    let link: String?
    /// A feed story's numbered links: `[1]` in the paragraphs is the first.
    let links: [String]
    /// A feed story's date, in ISO 8601.
    let date: String?
    let read: Bool
    let flagged: Bool

    init(_ article: Article, sourcePath: String, read: Bool, flagged: Bool) {
        self.sourcePath = sourcePath
        self.read = read
        self.flagged = flagged
        id = article.id.rawValue
        // The text as the screen shows it: a byte-order mark inside it is no part of it, and
        // escape sequences and controls go whole (kept, `jq -r` sent them to the terminal;
        // found by QA). Line breaks stay.
        title = TerminalSanitizer.line(InvisibleCharacters.removed(from: article.title))
        caption = article.caption.map(TerminalSanitizer.text)
        credit = article.credit.map(TerminalSanitizer.line)
        // A table a paragraph per row, its cells joined by " | ": its columns are the screen's.
        var paragraphs: [String] = []
        paragraphs.reserveCapacity(article.paragraphs.count)
        for (index, paragraph) in article.paragraphs.enumerated() {
            if let table = article.tables[index] {
                paragraphs += table.rowParagraphs.map(TerminalSanitizer.text)
            } else {
                paragraphs.append(TerminalSanitizer.text(paragraph))
            }
        }
        self.paragraphs = paragraphs
        wordCount = article.wordCount
        readingMinutes = article.readingMinutes
        // A feed's title or a file's name, as the list shows it (a feed titled with escape
        // sequences kept them here; found by QA).
        source = TerminalSanitizer.line(article.source)
        link = article.link
        links = article.links
        date = article.date.map { ExportRecord.dateFormat.string(from: $0) }
    }

    nonisolated(unsafe) private static let dateFormat = ISO8601DateFormatter()
}
