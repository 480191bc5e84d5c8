/// Why the terminal could not be taken over.
public enum TerminalError: Error, Equatable {
    /// Standard output is not a terminal, or there is no terminal to read keys from (standard
    /// input is not one and /dev/tty cannot be opened).
    case notATerminal
    /// `TERM` names a terminal the terminfo database does not know.
    case unknownTerminal(String)
    /// `TERM` names a terminal that cannot address the cursor (such as `dumb`).
    case unsupportedTerminal(String)
    /// `TERM` is not set.
    case noTerm
    /// The terminal library failed for another reason.
    case initFailed(String)

    /// A sentence for the user, without a program-name prefix.
    public var message: String {
        switch self {
        case .notATerminal:
            return "the screen needs a terminal: standard output is not one, "
                + "or no terminal could be opened for the keys"
        case .unknownTerminal(let name):
            return "unknown terminal type '\(name)'; set TERM to your terminal's type "
                + "(for example xterm-256color) or install its terminfo entry"
        case .unsupportedTerminal(let name):
            return "terminal type '\(name)' cannot show a full-screen program; "
                + "set TERM to your terminal's type (for example xterm-256color)"
        case .noTerm:
            return "TERM is not set; set it to your terminal's type (for example xterm-256color)"
        case .initFailed(let reason):
            return "could not set up the terminal: \(reason)"
        }
    }
}
