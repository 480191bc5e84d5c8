import ArgumentParser
import Foundation
import GazetteCore

/// `gazette show`: one article as a person reads it.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article: title, caption, then the paragraphs wrapped to a width.")

    @Argument(help: "The news file.")
    var path: String

    @Argument(
        help:
            "The article's number in the list, or its id (or the id's first \(ArticleReference.shortestPrefix) or more characters)."
    )
    var article: String

    /// Taken as every other command takes it (a script passes it to each), though `show`
    /// reads no reading state; not shown in the help.
    @OptionGroup(visibility: .hidden) var state: StateOptions

    // Unconditional: "--width -3" is a width to refuse, not a missing value.
    @Option(parsing: .unconditional, help: "Wrap width in columns (default: the terminal's width, or 80).")
    var width: Int?

    func validate() throws {
        if let width, width < 10 { throw ValidationError("--width must be at least 10") }
        // Wider than any terminal is a mistake, and a width of 2^62 was laid out (and crashed).
        if let width, width > 100_000 { throw ValidationError("--width must be at most 100000") }
    }

    func run() throws {
        let catalog = try PathOptions.openCatalog(paths: [path])
        let reference = catalog.resolve(article)
        guard case .found(let position) = reference, let story = catalog.article(at: position) else {
            throw ArticleReferenceFailure.failure(article, reference, in: path, catalog: catalog)
        }
        let columns = width ?? TerminalWidth.current() ?? 80
        // The same layout as the reader's article pane, so `show` reads like the screen.
        // Every paragraph: scripts read all of a story (the reader shows the start of a huge one).
        let lines = ArticleLayout(article: story, width: columns, whole: true).lines.map(\.text)
        try StandardOutput().write(lines.joined(separator: "\n") + "\n")
    }
}
