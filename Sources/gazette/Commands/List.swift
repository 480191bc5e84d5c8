import ArgumentParser
import Foundation
import GazetteCore

/// `gazette list`: one line per article.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the headline list: number, unread and flag markers, title, credit.",
        discussion: """
            Each line is a story: its number (what show and mark take), N when it is unread, \
            ! when it is flagged, its title, then — its credit, and [the file it comes from] \
            when several files are listed.

            Examples:
              gazette list news.txt --unread
              gazette list feeds/ --grep "climate talks" --json
            """)

    @OptionGroup var files: PathOptions

    @OptionGroup var state: StateOptions

    @Flag(help: "Print a JSON array instead of lines.")
    var json = false

    @Flag(help: "Only unread articles (with --flagged, those both unread and flagged).")
    var unread = false

    @Flag(help: "Only flagged articles.")
    var flagged = false

    @Option(
        help: ArgumentHelp(
            "Only articles whose title, caption, author or text holds every word, whole or as part of one (\"quoted phrase\" for a phrase; case, accents and the digits of other scripts aside); "
                + "given again, every query must match too.",
            valueName: "query"))
    var grep: [String] = []

    func run() throws {
        var skipped = 0
        // A plain list shows credits, not reading times: no word is counted for it.
        let catalog = try files.openCatalog(withDetails: json, skipped: &skipped)
        let (tracker, marksShown) = try state.readingTracker(for: catalog)
        try HeadlineListing(
            catalog: catalog, tracker: tracker, unreadOnly: unread, flaggedOnly: flagged,
            query: SearchQuery(all: grep)
        )
        .write(json: json)
        if skipped > 0 || !marksShown { throw ExitCode.failure }
    }
}

/// Prints a catalog's headlines as text lines or JSON (shared by `list` and piped `gazette`).
struct HeadlineListing {
    let catalog: ArticleCatalog
    let tracker: ReadingTracker
    /// Only unread articles; with `flaggedOnly`, those both unread and flagged.
    var unreadOnly = false
    var flaggedOnly = false
    var query: SearchQuery?

    /// Catalog positions the filters and the query keep (the query searched as the screen's
    /// `/` does, on background threads).
    private func positions() -> [Int] {
        let kept = catalog.entries.indices.filter { position in
            let id = catalog.entries[position].summary.id
            return (!unreadOnly || !tracker.isRead(id)) && (!flaggedOnly || tracker.isFlagged(id))
        }
        guard let query, !query.isEmpty else { return kept }
        return SearchJob.matches(of: query, in: catalog, among: kept)
    }

    func write(json: Bool) throws {
        let output = StandardOutput()
        let positions = positions()
        // Credits and word counts are read from the stories' bytes: their pages go as rows are
        // made. Each row is printed as it is made, its details not kept: a million stories held
        // them all, and the whole JSON text in several copies.
        if json {
            try output.write("[")
            var first = true
            for (row, position) in positions.enumerated() {
                defer { PageRelease.after(row: row, of: positions, in: catalog) }
                let entry = catalog.entries[position]
                let details = catalog.details(at: position, keeping: false)
                let record = ListRow(
                    index: position + 1, id: entry.summary.id.rawValue,
                    // The text the screen shows: escape sequences and controls removed
                    // whole, not kept for `jq -r` to send to a terminal (found by QA).
                    title: TerminalSanitizer.line(InvisibleCharacters.removed(from: entry.summary.title)),
                    credit: details.credit.map(TerminalSanitizer.line),
                    source: TerminalSanitizer.line(catalog.source(of: entry).displayName),
                    sourcePath: catalog.source(of: entry).path,
                    wordCount: details.wordCount, readingMinutes: details.readingMinutes,
                    read: tracker.isRead(entry.summary.id), flagged: tracker.isFlagged(entry.summary.id))
                // The array's elements as the encoder lays them out, one at a time.
                let text = try JSONText.encode(record, indent: 2)
                if try !output.write((first ? "\n  " : ",\n  ") + text) { return }
                first = false
            }
            try output.write(first ? "]\n" : "\n]\n")
            return
        }
        let numberWidth = String(catalog.entries.count).count
        let showSource = catalog.sources.count > 1
        // On a terminal each row fits its width, as `show` wraps to it (rows went on at the
        // left edge of the next line; found by QA); a pipe or file gets whole rows.
        let columns = TerminalWidth.current()
        for (row, position) in positions.enumerated() {
            let entry = catalog.entries[position]
            let number = String(position + 1)
            var line = String(repeating: " ", count: numberWidth - number.count) + number
            line +=
                " " + (tracker.isRead(entry.summary.id) ? " " : "N")
                + (tracker.isFlagged(entry.summary.id) ? "!" : " ") + " "
            var tail = ""
            if let credit = catalog.credits(at: position).short {
                tail += "  — " + TerminalSanitizer.line(credit)
            }
            if showSource {
                tail += "  [" + TerminalSanitizer.line(catalog.shownName(of: entry).text) + "]"
            }
            let title = TerminalSanitizer.line(entry.summary.title)
            if let columns {
                line += HeadlineListing.fitted(
                    title: title, tail: tail, columns: columns - DisplayWidth.of(line))
            } else {
                line += title + tail
            }
            if try !output.write(line + "\n") { return }
            PageRelease.after(row: row, of: positions, in: catalog)
        }
    }
}

extension HeadlineListing {
    /// A row's title and what follows it (credit, source) in `columns`: the title is cut first,
    /// down to a dozen columns, then the whole.
    static func fitted(title: String, tail: String, columns: Int) -> String {
        let tailColumns = DisplayWidth.of(tail)
        guard DisplayWidth.of(title) + tailColumns > columns else { return title + tail }
        if columns - tailColumns >= 12 {
            return TextTruncation.truncate(title, width: columns - tailColumns) + tail
        }
        return TextTruncation.truncate(title + tail, width: max(columns, 1))
    }
}

/// One object of `list --json`.
struct ListRow: Encodable {
    let index: Int
    let id: String
    let title: String
    let credit: String?
    let source: String
    /// The source's file as named (`-` for standard input): two of one name are told apart.
    let sourcePath: String
    let wordCount: Int
    let readingMinutes: Int
    let read: Bool
    let flagged: Bool

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(credit, forKey: .credit)
        try container.encode(source, forKey: .source)
        try container.encode(sourcePath, forKey: .sourcePath)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(readingMinutes, forKey: .readingMinutes)
        try container.encode(read, forKey: .read)
        try container.encode(flagged, forKey: .flagged)
    }

    private enum CodingKeys: String, CodingKey {
        case index, id, title, credit, source, sourcePath, wordCount, readingMinutes, read, flagged
    }
}
