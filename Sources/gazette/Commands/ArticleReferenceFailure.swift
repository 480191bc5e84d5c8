import ArgumentParser
import GazetteCore

/// Why an argument of `show` or `mark` names no one story, as a usage error (status 2, with the
/// command's usage): the arguments are what is wrong, as a range past the last story is (a
/// number past the last story, or 0, ended with status 1; found by QA).
enum ArticleReferenceFailure {
    /// The failure for `reference`, given in `paths`, that resolved to `result` (a story found
    /// but that cannot be read is not found). An ambiguous start of ids names the first few
    /// stories it starts, as git names the objects a short hash could be. A reference that
    /// names a file or folder is told that PATHs come first (`mark a.txt 3 b.txt`).
    static func failure(
        _ reference: String, _ result: ArticleReference, in paths: [String], catalog: ArticleCatalog
    ) -> ValidationError {
        let path = PathsThenArticles.named(paths)
        switch result {
        case .found, .notFound:
            let late =
                reference == "-" || PathsThenArticles.exists(reference)
                ? "; it names a file or folder: PATHs come first" : ""
            return ValidationError(
                "no article '\(reference)' in \(path) (\(paths.count == 1 ? "it has" : "they have") "
                    + "\(catalog.entries.count); use a number or an id\(late))")
        case .numberOrIDStart(let number, let positions, let count):
            let named = storyList(at: positions, in: catalog)
            let whose = count > positions.count ? "the first: " : ""
            return ValidationError(
                "'\(reference)' is ambiguous in \(path): it is story \(number)'s number and starts the "
                    + "id\(count == 1 ? "" : "s") of \(GroupedCount.text(count)) "
                    + "stor\(count == 1 ? "y" : "ies") (\(whose)\(named)); "
                    + "write \(number) for the number, or give more of the id")
        case .ambiguous(let positions, let count):
            let named = storyList(at: positions, in: catalog)
            let stories = count > positions.count ? ", the first: " : ": "
            return ValidationError(
                "'\(reference)' is ambiguous in \(path): it starts the ids of "
                    + "\(GroupedCount.text(count)) stories\(stories)\(named); "
                    + "give more of the id")
        }
    }

    /// The stories at `positions`, each by its number and id: "16 (0227392775a106c0), 40 (…)".
    private static func storyList(at positions: [Int], in catalog: ArticleCatalog) -> String {
        positions.map { "\($0 + 1) (\(catalog.entries[$0].summary.id.rawValue))" }.joined(separator: ", ")
    }
}
