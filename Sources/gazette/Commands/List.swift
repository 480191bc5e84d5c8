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
              gazette list feeds/ --grep '"climate talks"' --json
            """)

    @OptionGroup var files: PathOptions

    @OptionGroup var state: StateOptions

    @Flag(help: "Print a JSON array instead of lines.")
    var json = false

    @Flag(help: "Only unread articles (with --flagged, those both unread and flagged).")
    var unread = false

    @Flag(help: "Only flagged articles.")
    var flagged = false

    @OptionGroup var search: GrepOptions

    func run() throws {
        var skipped = 0
        // A plain list shows credits, not reading times: no word is counted for it.
        let stream = try files.openStream(withDetails: json, skipped: &skipped)
        let marks = try state.listedMarks()
        let readWhole = try HeadlineListing(
            stream: stream, marks: marks, unreadOnly: unread, flaggedOnly: flagged,
            query: search.query
        )
        .write(json: json)
        if skipped > 0 || !marks.shown || !readWhole { throw ExitCode.failure }
    }
}

/// Prints the headlines of the stories a stream brings, as text lines or JSON (shared by
/// `list` and piped `gazette`): each row as soon as its story is indexed, except where the
/// number column waits for the count (``numberWidth(of:)``).
struct HeadlineListing {
    let stream: CatalogStream
    let marks: ListedMarks
    /// Only unread articles; with `flaggedOnly`, those both unread and flagged.
    var unreadOnly = false
    var flaggedOnly = false
    var query: SearchQuery?
    /// The files the query's search found changed on disk, each said once (``CommandSearch``).
    private let changedOnDisk = CommandSearch.ChangedFiles()

    /// The bytes of files, in all, from which text rows are printed as their stories are
    /// found: below, the files are indexed whole first (a few milliseconds, a feed's 1 MiB
    /// taking the longest) and the number column is as wide as the count.
    static let streamedFrom = 1 << 20
    /// The number column of rows printed before the count is known: seven digits, as many
    /// stories as 18 GiB of news hold (a million stories take 1.86 GiB); a larger number
    /// makes its row a column longer, as `cat -n` does.
    static let streamedNumberWidth = 7

    /// The positions in `range` of the catalog that the filters and the query keep (the query
    /// searched as the screen's `/` does, on background threads), their marks loaded first. A
    /// story no longer where it was indexed is matched by its title (``CommandSearch``).
    private func positions(in range: Range<Int>) throws -> [Int] {
        let catalog = stream.catalog
        try marks.load(range, of: catalog)
        let kept = range.filter { position in
            let id = catalog.entries[position].summary.id
            return (!unreadOnly || !marks.isRead(id)) && (!flaggedOnly || marks.isFlagged(id))
        }
        guard let query, !query.isEmpty else { return kept }
        return CommandSearch.matches(of: query, in: catalog, among: kept, telling: changedOnDisk)
    }

    /// The width of the number column: as wide as the count of stories when the files are
    /// small (indexed whole first, `whole` then holding them all), else
    /// ``streamedNumberWidth`` (the rows come before the count is known).
    static func numberWidth(of whole: ArticleCatalog?) -> Int {
        whole.map { String($0.entries.count).count } ?? streamedNumberWidth
    }

    /// Writes the rows; false when the query's search found a file changed on disk (and said so).
    @discardableResult
    func write(json: Bool) throws -> Bool {
        let output = StandardOutput()
        // Credits and word counts are read from the stories' bytes: their pages go as rows are
        // made. Each row is printed as it is made, its details not kept: a million stories held
        // them all, and the whole JSON text in several copies.
        // Small files are indexed whole before the first row: a story's copy in a later file
        // brings the marks kept under its earlier id (the JSON rows missed them now and then).
        let whole = stream.bytesTotal < HeadlineListing.streamedFrom ? stream.rest() : nil
        if json {
            if try writeJSON(to: output) { PathOptions.tellReadWarnings(of: stream) }
            return changedOnDisk.isEmpty
        }
        // Their read warnings are told before the rows, as before.
        if whole != nil { PathOptions.tellReadWarnings(of: stream) }
        if try writeLines(to: output, numberWidth: HeadlineListing.numberWidth(of: whole)), whole == nil {
            PathOptions.tellReadWarnings(of: stream)
        }
        return changedOnDisk.isEmpty
    }

    /// Writes `list --json`'s array; false when the reader of the output has gone.
    private func writeJSON(to output: StandardOutput) throws -> Bool {
        let catalog = stream.catalog
        var trail = PageRelease.Trail()
        try output.write("[")
        var first = true
        let rowsWritten = try eachBatch { range in
            for position in try positions(in: range) {
                defer { trail.passed(position, in: catalog) }
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
                    read: marks.isRead(entry.summary.id), flagged: marks.isFlagged(entry.summary.id))
                // The array's elements as the encoder lays them out, one at a time.
                let text = JSONText.encode(record, indent: 2)
                if try !output.write((first ? "\n  " : ",\n  ") + text) { return false }
                first = false
            }
            return true
        }
        return try rowsWritten && output.write(first ? "]\n" : "\n]\n")
    }

    /// Writes the text rows, the numbers right-aligned in `numberWidth` columns; false when
    /// the reader of the output has gone.
    private func writeLines(to output: StandardOutput, numberWidth: Int) throws -> Bool {
        let catalog = stream.catalog
        let showSource = catalog.sources.count > 1
        // On a terminal each row fits its width, as `show` wraps to it (rows went on at the
        // left edge of the next line; found by QA); a pipe or file gets whole rows.
        let columns = TerminalWidth.current()
        var trail = PageRelease.Trail()
        // The rows of a batch of stories go out together, a few KiB at a time.
        var text = ""
        return try eachBatch { range in
            for position in try positions(in: range) {
                let entry = catalog.entries[position]
                let number = String(position + 1)
                var line = String(repeating: " ", count: max(0, numberWidth - number.count)) + number
                line +=
                    " " + (marks.isRead(entry.summary.id) ? " " : "N")
                    + (marks.isFlagged(entry.summary.id) ? "!" : " ") + " "
                let credit =
                    catalog.credits(at: position).short.map { "  — " + TerminalSanitizer.line($0) } ?? ""
                let source =
                    showSource ? "  [" + TerminalSanitizer.line(catalog.shownName(of: entry).text) + "]" : ""
                let title = TerminalSanitizer.line(entry.summary.title)
                if let columns {
                    line += HeadlineListing.fitted(
                        title: title, credit: credit, source: source, columns: columns - DisplayWidth.of(line)
                    )
                } else {
                    line += title + credit + source
                }
                text += line + "\n"
                if text.utf8.count >= HeadlineListing.writeSize {
                    if try !output.write(text) { return false }
                    text = ""
                }
                trail.passed(position, in: catalog)
            }
            defer { text = "" }
            return try text.isEmpty || output.write(text)
        }
    }

    /// Calls `body` with the positions of the stories to print, a batch at a time, until it
    /// returns false (then false): those in the catalog already (every one when the files were
    /// indexed whole), then those the stream brings as they are found.
    private func eachBatch(_ body: (Range<Int>) throws -> Bool) rethrows -> Bool {
        let taken = stream.catalog.entries.indices
        if !taken.isEmpty, try !body(taken) { return false }
        while let range = stream.next() {
            if try !body(range) { return false }
        }
        return true
    }

    /// Bytes of rows gathered before they are written, at most (about).
    static let writeSize = 16 << 10
}

extension HeadlineListing {
    /// A row's title and what follows it, its `credit` ("  — AFP") and its `source` ("  [a.txt]"),
    /// in `columns`: the title is cut first, down to a dozen columns; then the credit is left out
    /// where there is a source, which every row then keeps as far as it fits (rows with a credit
    /// lost both while those without kept the source; found by QA); then the whole is cut.
    static func fitted(title: String, credit: String, source: String = "", columns: Int) -> String {
        let tail = credit + source
        let tailColumns = DisplayWidth.of(tail)
        guard DisplayWidth.of(title) + tailColumns > columns else { return title + tail }
        if columns - tailColumns >= 12 {
            return TextTruncation.truncate(title, width: columns - tailColumns) + tail
        }
        if !credit.isEmpty && !source.isEmpty {
            return fitted(title: title, credit: "", source: source, columns: columns)
        }
        return TextTruncation.truncate(title + tail, width: max(columns, 1))
    }
}

/// One object of `list --json`.
struct ListRow {
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
}
