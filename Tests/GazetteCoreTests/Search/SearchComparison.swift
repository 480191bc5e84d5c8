import XCTest

@testable import GazetteCore

/// A catalog's stories searched for many queries at once, both ways the search suites compare:
/// the background search's way (each story's search text read once, every query's
/// ``FoldedMatcher`` run on it) and each article's own match (its text folded once as
/// ``SearchQuery/matches(_:)`` folds it, every query matched against it). Reading and folding
/// a story once for all queries, not once per query, is what makes the comparison affordable
/// on every real file; ``SearchJob`` itself and ``SearchQuery/matches(_:)`` are still asked for
/// some of the queries, and must agree. With several sources open, each story's source's name
/// is searched with it, as the rows show it.
struct SearchComparison {
    let catalog: ArticleCatalog
    let articles: [Article?]
    /// Each article's text folded as ``SearchQuery/matches(_:)`` folds it.
    private let folded: [String?]
    /// Each source's name where the search reads it (several sources open), else nil.
    private let names: [String?]

    init(_ catalog: ArticleCatalog) {
        self.catalog = catalog
        names = catalog.sources.map { catalog.sources.count > 1 ? $0.source.displayName : nil }
        articles = catalog.entries.indices.map { catalog.article(at: $0) }
        folded = articles.map { article in
            article.map { article in
                let parts = [article.title, article.caption ?? article.credit ?? ""] + article.paragraphs
                return TextFolding.fold(UnspacedScript.join(parts.flatMap { $0.split(separator: "\n") }))
            }
        }
    }

    /// The stories each of `texts` (queries as typed) is found in by the background search,
    /// asserted equal to those whose article matches it. ``SearchJob/matches(of:in:among:)`` is
    /// asked for every `jobEvery`-th query and must give the same; each article's own
    /// ``SearchQuery/matches(_:)`` is asked for one query in turn and must agree with its text
    /// folded once. `name` (the file's) is said in the failures.
    @discardableResult
    func expectAgreement(
        _ texts: [String], in name: String = "", jobEvery: Int = 8, file: StaticString = #filePath,
        line: UInt = #line
    ) -> [[Int]] {
        let queries = texts.map { SearchQuery($0) }
        let found = searched(queries)
        for (index, query) in queries.enumerated() {
            let inNames = names.map { name in
                name.map { query.termsFound(folded: TextFolding.fold($0)) } ?? []
            }
            let expected = folded.indices.filter { position in
                guard let text = folded[position] else { return false }
                let source = catalog.entries[position].sourceIndex
                let once = query.isEmpty || query.matches(folded: text, besides: inNames[source])
                if position % queries.count == index, let article = articles[position] {
                    XCTAssertEqual(
                        query.matches(article, sourceName: names[source]), once,
                        "\(texts[index]) \(name): story \(position)'s own match",
                        file: file, line: line)
                }
                return once
            }
            XCTAssertEqual(found[index], expected, "\(texts[index]) \(name)", file: file, line: line)
            if index % jobEvery == 0 {
                let job = SearchJob.matches(of: query, in: catalog, among: Array(catalog.entries.indices))
                XCTAssertEqual(
                    job, found[index], "\(texts[index]) \(name): the search job", file: file, line: line)
            }
        }
        return found
    }

    /// Those of `positions` that `text` (a query as typed) finds only with their source's name:
    /// their article alone does not hold every term.
    func foundByNameAlone(_ text: String, among positions: [Int]) -> [Int] {
        let query = SearchQuery(text)
        return positions.filter { position in folded[position].map { !query.matches(folded: $0) } ?? false }
    }

    /// The stories each of `queries` finds, in catalog order: each story's search text read
    /// once and handed to every query's matcher, as ``SearchJob`` hands it to its one.
    private func searched(_ queries: [SearchQuery]) -> [[Int]] {
        let matchers = queries.map { FoldedMatcher($0) }
        // What each source's name holds of each query, as the search job works it out.
        let inNames = names.map { name in
            matchers.map { matcher in name.map { matcher.termsFound(in: $0) } ?? [] }
        }
        var found = [[Int]](repeating: [], count: queries.count)
        for (position, entry) in catalog.entries.enumerated() {
            // The text last handed over is the one searched (a story's text not found as indexed
            // gives way to its title).
            var hits: [Int] = []
            _ = catalog.sources[entry.sourceIndex].searchText(entry.summary) { bytes in
                hits = matchers.indices.filter {
                    matchers[$0].matches(bytes, besides: inNames[entry.sourceIndex][$0])
                }
                return !hits.isEmpty
            }
            for index in hits { found[index].append(position) }
        }
        return found
    }
}
