import ArgumentParser
import Foundation
import GazetteCore

/// `gazette show`: one article as a person reads it.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article: title, caption, then the paragraphs wrapped to a width.",
        usage: "gazette show <path> ... <article> [--state <PATH>] [--width <width>]",
        discussion: """
            Every argument but the last is a PATH; the last is the article, numbered as \
            gazette list of the same PATHs numbers it (a story in several files is listed \
            once, where it first comes).

            show reads no reading state: it takes --state so that a script can pass it to \
            every command.

            Examples:
              gazette show news.txt 3
              gazette show news.txt feeds/ 12 --width 72
              cat news.txt | gazette show - c6b0dba3
            """)

    /// The widths `--width` takes: narrower leaves no room for a word. `show` wraps as the
    /// reader's pane on a terminal that wide would: wider than a terminal in use (a 4K screen in
    /// a small font is about 480 columns) is a mistake (`--width 1000` was taken; 2^62 was laid
    /// out, and crashed); paragraphs unwrapped are `export`'s.
    static let widths = 10...500

    @Argument(help: "News files, folders of them, or - for standard input: every argument but the last.")
    var path: String

    /// More PATHs, then the article: the last (``PathsThenArticles/ofShow(_:_:)``).
    @Argument(
        help: ArgumentHelp(
            """
            The article's number in the list, or its id (or the id's first \(ArticleReference.shortestPrefix) or \
            more characters; digits that make a number in the list are that number: give more of such an id).
            """, valueName: "article"))
    var more: [String] = []

    /// Taken and checked as every other command takes it (a script passes it to each), though
    /// `show` reads no reading state: its help says the file is not read (it read as the file
    /// used, and a state file that cannot be made went without a word, where `list` said so).
    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Not read: show reads no reading state (taken so that a script can pass it to every command).",
            valueName: "PATH"))
    var state: String?

    // Unconditional: "--width -3" is a width to refuse, not a missing value.
    @Option(
        parsing: .unconditional,
        help: """
            Wrap width in columns, from \(widths.lowerBound) to \(widths.upperBound) \
            (default: the terminal's width, or 80).
            """)
    var width: Int?

    func validate() throws {
        if more.isEmpty { throw ValidationError("missing expected argument '<article>'") }
        try StateOptions.validate(path: state)
        if let width, width < Show.widths.lowerBound {
            throw ValidationError("--width must be at least \(Show.widths.lowerBound)")
        }
        if let width, width > Show.widths.upperBound {
            throw ValidationError(
                "--width must be at most \(Show.widths.upperBound), wider than a terminal is "
                    + "(gazette export gives the paragraphs unwrapped)")
        }
    }

    func run() throws {
        let split = PathsThenArticles.ofShow(path, more)
        let paths = split.paths
        guard let article = split.articles.first else {
            throw ValidationError("missing expected argument '<article>'")
        }
        // A story's number needs the stories up to it only: the rest of a big file is not read
        // (but for one with a leading zero, that may start an id further on).
        let catalog = try PathOptions.openCatalog(
            paths: paths,
            upTo: ArticleCatalog.mayStartAnID(article) ? nil : Int(article).flatMap { $0 >= 1 ? $0 : nil })
        let reference = catalog.resolve(article)
        guard case .found(let position) = reference, let story = catalog.article(at: position) else {
            throw ArticleReferenceFailure.failure(article, reference, in: paths, catalog: catalog)
        }
        let columns = width ?? TerminalWidth.current() ?? 80
        // The same layout as the reader's article pane, so `show` reads like the screen.
        // Every paragraph: scripts read all of a story (the reader shows the start of a huge one).
        let lines = ArticleLayout(article: story, width: columns, whole: true).lines.map(\.text)
        try StandardOutput().write(lines.joined(separator: "\n") + "\n")
    }
}
