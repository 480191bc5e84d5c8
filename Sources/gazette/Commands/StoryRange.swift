import ArgumentParser

/// A range of story numbers that `gazette mark` takes as an article: `1-3` names stories 1, 2
/// and 3, numbered as `gazette list` of the same PATHs numbers them.
struct StoryRange: Equatable {
    /// The first story's number, from 1.
    var first: Int
    /// The last story's number, not below `first`.
    var last: Int

    /// `argument` as a range, or nil when it is none (a number, an id or its start): digits,
    /// a dash, digits. An argument that starts as one and is not (`3-1`, `0-2`, `1-`, `1-x`)
    /// is a usage error.
    static func parse(_ argument: String) throws -> StoryRange? {
        let utf8 = argument.utf8
        guard let first = utf8.first, isDigit(first), let dash = utf8.firstIndex(of: UInt8(ascii: "-")) else {
            return nil
        }
        let start = argument[..<dash]
        let end = argument[utf8.index(after: dash)...]
        guard !end.isEmpty else {
            throw ValidationError("the range '\(argument)' has no end: write FIRST-LAST, as 1-3")
        }
        guard start.utf8.allSatisfy(isDigit), !end.isEmpty, end.utf8.allSatisfy(isDigit) else {
            throw ValidationError("'\(argument)' is no range of stories: write FIRST-LAST, as 1-3")
        }
        // More digits than a number holds: past any last story (checked with the count).
        let low = Int(start) ?? .max
        let high = Int(end) ?? .max
        guard low >= 1 else {
            throw ValidationError("the range '\(argument)' starts at \(low): story numbers start at 1")
        }
        guard low <= high else {
            throw ValidationError("the range '\(argument)' runs backwards: write \(end)-\(start)")
        }
        return StoryRange(first: low, last: high)
    }

    /// The range's numbers as arguments, checked against `count`, the stories there are: a
    /// range past the last story is a usage error, which names `paths`.
    func numbers(of written: String, count: Int, in paths: [String]) throws -> [String] {
        guard last <= count else {
            let have = paths.count == 1 ? "it has" : "they have"
            throw ValidationError(
                "the range '\(written)' goes past the last story of \(PathsThenArticles.named(paths)) "
                    + "(\(have) \(count))")
        }
        return (first...last).map { String($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
