import ArgumentParser
import GazetteCore

/// The commands' `--grep`: only the articles a query matches, as the screen's `/` matches them.
struct GrepOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only articles whose title, caption, author, text or (several files listed) source's name holds every word, whole or as part of one (\"quoted phrase\" for a phrase; case, accents and the digits of other scripts aside); "
                + "given again, every query must match too.",
            valueName: "query"))
    var grep: [String] = []

    /// Every `--grep` given, as one query (empty when none was).
    var query: SearchQuery { SearchQuery(all: grep) }
}
