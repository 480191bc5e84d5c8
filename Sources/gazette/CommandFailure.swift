import GazetteCore

/// A runtime failure the user is told about as `gazette: <message>`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    init(_ error: SourceError) {
        message = error.message
    }

    var description: String { message }
}
