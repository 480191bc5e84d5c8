import GazetteCore

/// A runtime failure the user is told about as `gazette: <message>`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    /// The message for the reader's status line: files named by their last part.
    let shortMessage: String

    init(_ message: String) {
        self.message = message
        shortMessage = message
    }

    init(_ error: SourceError) {
        message = error.message
        shortMessage = error.shortMessage
    }

    /// As the reader's status line tells it (``shortMessage``).
    var description: String { shortMessage }
}
