import ArgumentParser
import Foundation

/// The arguments of `show` and `mark` told apart: the PATHs first, then the articles, named
/// by their numbers as `gazette list` of the same PATHs numbers them.
struct PathsThenArticles: Equatable {
    var paths: [String]
    var articles: [String]

    /// `show`'s: every argument but the last is a PATH; the last is the article.
    static func ofShow(_ path: String, _ more: [String]) -> PathsThenArticles {
        PathsThenArticles(paths: [path] + more.dropLast(), articles: more.suffix(1))
    }

    /// `mark`'s: the first argument is a PATH, and so is each after it that names an existing
    /// file or folder (`exists`), or is `-`; from the first that does neither, every argument
    /// is an article. Digits that name a file or folder could be either: a usage error.
    static func ofMark(
        _ path: String, _ more: [String], exists: (String) -> Bool = PathsThenArticles.exists
    ) throws -> PathsThenArticles {
        var split = PathsThenArticles(paths: [path], articles: [])
        for (index, argument) in more.enumerated() {
            guard argument == "-" || exists(argument) else {
                split.articles = Array(more[index...])
                break
            }
            if !argument.isEmpty,
                argument.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            {
                throw ValidationError(
                    "'\(argument)' is both a file or folder here and a story's number: "
                        + "write ./\(argument) for the file, or the story's id for the story")
            }
            if (try? StoryRange.parse(argument)) != nil {
                throw ValidationError(
                    "'\(argument)' is both a file or folder here and a range of stories: "
                        + "write ./\(argument) for the file, or the stories' numbers one by one")
            }
            split.paths.append(argument)
        }
        return split
    }

    /// Whether `argument` names a file or folder that exists (links followed).
    static func exists(_ argument: String) -> Bool {
        !argument.isEmpty && access(argument, F_OK) == 0
    }

    /// `paths` as a failure names them: `'a.txt'`, `'a.txt' and 'b/'`, or the first two and
    /// how many more.
    static func named(_ paths: [String]) -> String {
        let quoted = paths.prefix(paths.count > 3 ? 2 : 3).map { "'\($0)'" }
        if paths.count > 3 { return quoted.joined(separator: ", ") + " and \(paths.count - 2) more PATHs" }
        guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + last
    }
}
