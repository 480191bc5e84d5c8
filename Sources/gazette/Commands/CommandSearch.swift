import GazetteCore

/// The commands' `--grep`: the screen's search, waited for; a file found changed on disk while
/// it ran is said on standard error (its stories no longer where they were matched by title).
enum CommandSearch {
    /// Those of `positions` whose stories in `catalog` match `query`, in order, and whether every
    /// story's text was read as it was indexed (false: a file changed on disk, said).
    static func matches(of query: SearchQuery, in catalog: ArticleCatalog, among positions: [Int])
        -> (positions: [Int], readWhole: Bool)
    {
        let changed = ChangedFiles()
        let found = matches(of: query, in: catalog, among: positions, telling: changed)
        return (found, changed.isEmpty)
    }

    /// Those of `positions` whose stories in `catalog` match `query`, in order; a file found
    /// changed on disk is said unless `changed` holds it already, and is added to it (a
    /// search made a batch at a time says it once).
    static func matches(
        of query: SearchQuery, in catalog: ArticleCatalog, among positions: [Int],
        telling changed: ChangedFiles
    ) -> [Int] {
        let (found, changedNow) = SearchJob.search(query, in: catalog, among: positions)
        for index in changedNow where changed.insert(index) {
            StandardError.report(message(path: catalog.sources[index].source.path))
        }
        return found
    }

    /// The sources (by index) a command's search found changed on disk.
    final class ChangedFiles {
        private var sources: Set<Int> = []

        /// Whether none was found.
        var isEmpty: Bool { sources.isEmpty }

        /// Adds `source`; true when it is new.
        func insert(_ source: Int) -> Bool { sources.insert(source).inserted }
    }

    /// What is said of the file at `path` found changed on disk by the search.
    static func message(path: String) -> String {
        "'\(path)' changed on disk while it was searched: its stories no longer where they were "
            + "were matched by title only; run the command again"
    }
}
