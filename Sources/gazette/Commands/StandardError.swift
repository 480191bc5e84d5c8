import Foundation
import GazetteCore

/// Messages on standard error, made safe for a terminal first: a message may name a file
/// (given, or found in a folder) or repeat an argument, and either may hold escape sequences.
enum StandardError {
    /// Writes `gazette: <message>` as one line, its controls shown as escapes (`\e`): a file
    /// named with them is still found by what the message shows.
    /// On a terminal, the line is broken between words to its width (the terminal broke it
    /// mid-word: "m|ove it aside"; found by QA); into a pipe or file it stays one line.
    static func report(_ message: String) {
        let line = "gazette: " + TerminalSanitizer.visible(message)
        write(wrapped(line, columns: terminalColumns(of: STDERR_FILENO)) + "\n")
    }

    /// The width of the terminal `descriptor` writes to; nil when it is not a terminal.
    static func terminalColumns(of descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `line` broken at spaces into lines of at most `columns` columns (nil: not broken). A
    /// word longer than a line is left whole, for the terminal to break.
    static func wrapped(_ line: String, columns: Int?) -> String {
        guard let columns, DisplayWidth.of(line) > columns else { return line }
        var result = ""
        // The width of the line so far; nil before its first word.
        var width: Int?
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(word)
            if let sofar = width {
                let joined = sofar + 1 + wordWidth
                result += joined > columns ? "\n" : " "
                width = joined > columns ? wordWidth : joined
            } else {
                width = wordWidth
            }
            result += word
        }
        return result
    }

    /// Writes `text` (several lines, such as a usage) and a newline.
    static func write(lines text: String) {
        write(TerminalSanitizer.text(text) + "\n")
    }

    /// All of `text`, as far as standard error takes it: closed or full, it is let go (a
    /// `FileHandle` write traps, and the command died by SIGILL instead of exiting with its
    /// status; found by QA).
    private static func write(_ text: String) {
        _ = StandardOutput.writeAll(text, to: STDERR_FILENO)
    }
}
