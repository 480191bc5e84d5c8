/// One command of `$BROWSER` (an entry of its `:`-separated list) read into words as Python's
/// `webbrowser` reads it (`shlex.split`, POSIX rules): blanks part words; single quotes keep
/// everything they enclose; double quotes keep everything but a backslash before `"` or `\`;
/// a backslash outside quotes keeps the character after it. `"/opt/my browser/run" %s` is the
/// program `/opt/my browser/run` and `%s`. A last word that is a bare `&` after the program
/// (`firefox %s &`) is not a word: it asks for the browser to run in the background, as
/// `webbrowser` reads it; quoted (`'&'`) or inside a word (`a&`) it is an argument.
public struct BrowserCommand: Equatable, Sendable {
    /// The command as written.
    public let text: String
    /// Its words, the program first; none for a blank command.
    public let words: [String]
    /// The command ended in a bare `&` word (not among ``words``): it runs in the background,
    /// apart from the terminal and not waited for.
    public let inBackground: Bool

    /// Why a command cannot be read into words.
    public enum Unreadable: Error, Equatable {
        /// A quote (`'` or `"`) opened and never closed.
        case unmatchedQuote
        /// A backslash as the last character, with nothing to keep.
        case trailingBackslash
    }

    /// Reads `text` into words.
    public init(_ text: String) throws(Unreadable) {
        self.text = text
        var words = try Self.split(text)
        // A bare `&` alone is the program (which fails to start): dropping it would leave the
        // address to be run.
        inBackground = words.count > 1 && words.last == .bare("&")
        if inBackground { words.removeLast() }
        self.words = words.map(\.text)
    }

    /// The arguments that open `address`: the words with each `%s` in them replaced by the
    /// address, or with the address after them when none has `%s`. The address is always
    /// inside one argument, never read into words itself.
    public func arguments(opening address: String) -> [String] {
        guard words.contains(where: { $0.contains("%s") }) else { return words + [address] }
        return words.map { $0.replacingOccurrences(of: "%s", with: address) }
    }

    /// The blanks that part words (`shlex`'s whitespace).
    static let blanks: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]

    /// A word as read: its text, and whether any of it was quoted or escaped.
    private enum Word: Equatable {
        case bare(String)
        case quoted(String)

        var text: String {
            switch self {
            case .bare(let text), .quoted(let text): return text
            }
        }
    }

    private static func split(_ text: String) throws(Unreadable) -> [Word] {
        var words: [Word] = []
        var word = String.UnicodeScalarView()
        // A word was begun (a quote opens one even when it stays empty: `''` is a word).
        var inWord = false
        var quoted = false
        func end() {
            if inWord { words.append(quoted ? .quoted(String(word)) : .bare(String(word))) }
            word = String.UnicodeScalarView()
            inWord = false
            quoted = false
        }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case _ where blanks.contains(scalar):
                end()
            case "\\":
                guard let kept = scalars.next() else { throw .trailingBackslash }
                word.append(kept)
                inWord = true
                quoted = true
            case "'":
                inWord = true
                quoted = true
                while true {
                    guard let next = scalars.next() else { throw .unmatchedQuote }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                quoted = true
                while true {
                    guard let next = scalars.next() else { throw .unmatchedQuote }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = scalars.next() else { throw .unmatchedQuote }
                        // Only a quote or a backslash is escaped inside double quotes.
                        if escaped != "\"" && escaped != "\\" { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            default:
                word.append(scalar)
                inWord = true
            }
        }
        end()
        return words
    }
}
