/// One command of `$BROWSER` (an entry of its `:`-separated list) read into words as Python's
/// `webbrowser` reads it (`shlex.split`, POSIX rules): blanks part words; single quotes keep
/// everything they enclose; double quotes keep everything but a backslash before `"` or `\`;
/// a backslash outside quotes keeps the character after it. `"/opt/my browser/run" %s` is the
/// program `/opt/my browser/run` and `%s`.
public struct BrowserCommand: Equatable, Sendable {
    /// The command as written.
    public let text: String
    /// Its words, the program first; none for a blank command.
    public let words: [String]

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
        self.words = try Self.split(text)
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

    private static func split(_ text: String) throws(Unreadable) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        // A word was begun (a quote opens one even when it stays empty: `''` is a word).
        var inWord = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case _ where blanks.contains(scalar):
                if inWord { words.append(String(word)) }
                word = String.UnicodeScalarView()
                inWord = false
            case "\\":
                guard let kept = scalars.next() else { throw .trailingBackslash }
                word.append(kept)
                inWord = true
            case "'":
                inWord = true
                while true {
                    guard let next = scalars.next() else { throw .unmatchedQuote }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
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
        if inWord { words.append(String(word)) }
        return words
    }
}
