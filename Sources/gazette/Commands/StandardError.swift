import Foundation
import GazetteCore

/// Messages on standard error, made safe for a terminal first: a message may name a file
/// (given, or found in a folder) or repeat an argument, and either may hold escape sequences.
enum StandardError {
    /// Writes `gazette: <message>` as one line, its controls shown as escapes (`\e`): a file
    /// named with them is still found by what the message shows.
    static func report(_ message: String) {
        write("gazette: " + TerminalSanitizer.visible(message) + "\n")
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
