import Foundation

/// A first word that is no file and is a command's name mistyped (`gazette lsit news.txt`):
/// it was taken for a file that cannot be opened, skipped, and the others read on.
enum CommandTypo {
    /// The command `word` seems meant for, when `word` is made of letters, names no file and
    /// is one or two edits (a letter added, dropped, changed, or two swapped) from a command's
    /// name: one for the four-letter names, two for `export` when the first letter is kept
    /// (`import` is a word of its own, not `export` mistyped: it was told "did you mean export").
    static func intended(by word: String) -> String? {
        // Looked at in place first: a path (nearly every first word) costs no copy, on the way
        // to the first screen.
        guard (3...8).contains(word.utf8.count),
            word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
            !ReaderArguments.isCommandName(word), access(word, F_OK) != 0
        else { return nil }
        let letters = Array(word.utf8)
        for name in ["list", "show", "export", "mark", "open", "help"] {
            let edits = distance(letters, Array(name.utf8))
            if edits <= 1 || edits == 2 && name.count > 4 && letters.first == name.utf8.first { return name }
        }
        return nil
    }

    /// The edits (insertion, deletion, substitution, swap of neighbours) between `a` and `b`.
    private static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
