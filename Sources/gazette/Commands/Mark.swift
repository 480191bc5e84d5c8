import ArgumentParser
import Foundation
import GazetteCore

/// `gazette mark`: change reading state from a script.
struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark articles read, unread, flagged or unflagged.",
        // One change of the four (the parser lists them as if each were needed).
        usage:
            "gazette mark <path> ... [<articles> ...] [--all] (--read | --unread | --flag | --unflag) [--state <PATH>]",
        discussion: """
            The first argument is a PATH, and so is each after it that names an existing file \
            or folder, or is -. From the first that does not, the arguments are articles, \
            numbered as gazette list of the same PATHs numbers them (a story in several files \
            is listed once, where it first comes); FIRST-LAST names a range of them (1-3 is \
            1, 2 and 3). Digits that name a file or folder here could be either, and are \
            refused: write ./3 for the file, or the story's id for the story.

            Examples:
              gazette mark news.txt 1 3 --read
              gazette mark news.txt 1-3 7 --read
              gazette mark news.txt feeds/ 12 --read
              gazette mark news.txt c6b0dba3 --flag
              gazette mark feeds/ --all --read
            """)

    /// What to do to the articles.
    enum Change: String, EnumerableFlag {
        case read, unread, flag, unflag
    }

    @Argument(
        help: """
            News files, folders of them, or - for standard input: the first argument, and each \
            after it that names an existing file or folder, or is -.
            """)
    var path: String

    /// More PATHs, then the articles (``PathsThenArticles/ofMark(_:_:exists:)``).
    @Argument(
        help: ArgumentHelp(
            """
            Article numbers, ranges of them (1-3) or ids, from the first argument that is no PATH (an id may \
            be cut to its first \
            \(ArticleReference.shortestPrefix) or more characters; digits that make a number in the list are \
            that number: give more of such an id).
            """, valueName: "articles"))
    var more: [String] = []

    @Flag(help: "Every article of the PATHs.")
    var all = false

    /// Every change given, so that two are told apart in the program's own words (the parser
    /// said "Value to be set with flag '--unread' had already been set with flag '--read'").
    @Flag(help: "The change to make.")
    var changes: [Change] = []

    private var change: Change { changes.first ?? .read }

    @OptionGroup var state: StateOptions

    func validate() throws {
        if Set(changes).count != 1 {
            throw ValidationError(
                (changes.isEmpty ? "give the change to make" : "give one change, not \(Set(changes).count)")
                    + ": --read, --unread, --flag or --unflag")
        }
    }

    func run() throws {
        // Told apart here, not in `validate`: the parser is given only the first of a long list
        // (``RepeatedArguments``).
        let split = try PathsThenArticles.ofMark(path, more)
        let (paths, articles) = (split.paths, split.articles)
        if all && !articles.isEmpty { throw ValidationError("give article numbers or --all, not both") }
        if !all && articles.isEmpty { throw ValidationError("name the articles to mark, or use --all") }
        // Feed stories named by number, or by an id found, need the file only up to them: the
        // rest of a big file is not read (`--all`, the start of an id, or a dump's story, whose
        // copies further on may carry previous ids, read it whole).
        // A range ("1-3") is read before any file, and needs the file up to its last story (or
        // whole, to tell it goes past the last).
        let ranges = try articles.map { try StoryRange.parse($0) }
        let references = zip(articles, ranges).map { article, range in
            range.map { String($0.last) } ?? article
        }
        let catalog =
            all
            ? try PathOptions.openCatalog(paths: paths)
            : try PathOptions.openCatalog(paths: paths, until: { $0.settlesWithCopies(references) })
        var ids: [ArticleID] = []
        if all {
            ids = catalog.entries.map(\.summary.id)
        } else {
            // An article named twice (by number and by id, or a number repeated) is one article:
            // each was counted as marked.
            var named: Set<ArticleID> = []
            var numbered: [String] = []
            for (article, range) in zip(articles, ranges) {
                guard let range else {
                    numbered.append(article)
                    continue
                }
                numbered += try range.numbers(of: article, count: catalog.entries.count, in: paths)
            }
            for (reference, result) in zip(numbered, catalog.resolve(numbered)) {
                guard case .found(let position) = result else {
                    throw ArticleReferenceFailure.failure(reference, result, in: paths, catalog: catalog)
                }
                let id = catalog.entries[position].summary.id
                if named.insert(id).inserted { ids.append(id) }
            }
        }
        // A feed renamed since its file was read is read whole (its skipped files told already).
        let tracker = try state.tracker(
            for: catalog,
            whole: { ArticleCatalog.indexed(try PathOptions.openSources(paths: paths, warn: { _ in })) })
        let changed: [ArticleID]
        do {
            switch change {
            case .read: changed = try tracker.setRead(ids, true, label: "mark read")
            case .unread: changed = try tracker.setRead(ids, false, label: "mark unread")
            case .flag: changed = try tracker.setFlagged(ids, true)
            case .unflag: changed = try tracker.setFlagged(ids, false)
            }
        } catch let error as StateStoreError {
            throw CommandFailure(error.message)
        }
        let noun = changed.count == 1 ? "article" : "articles"
        let verb = change == .flag ? "flagged" : change == .unflag ? "unflagged" : "marked \(change.rawValue)"
        // Those that were so already are counted apart ("marked read 0 articles" read as a
        // failure; found by QA).
        let already = ids.count - changed.count
        let were = already == 1 ? "was" : "were"
        let state: String
        switch change {
        case .read, .unread: state = "\(were) \(change.rawValue) already"
        case .flag: state = "\(were) flagged already"
        case .unflag: state = "\(were) not flagged"
        }
        // The command's result, on standard output as `list`'s and `show`'s are: standard
        // error's `gazette: ` lines are failures and warnings (it read as one; found by QA).
        try StandardOutput().write(
            "\(verb) \(GroupedCount.text(changed.count)) \(noun)"
                + (already > 0 ? " (\(GroupedCount.text(already)) \(state))" : "") + "\n")
    }
}
