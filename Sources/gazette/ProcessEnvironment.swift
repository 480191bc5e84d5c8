import GazetteCore

/// The environment variables the reader looks at while it starts, read one by one: building
/// Foundation's dictionary of the whole environment costs more than the first screen can spare.
enum ProcessEnvironment {
    /// The variables the reader's start-up reads: the state file's location and the terminal's.
    static let startupNames = ["HOME", "GAZETTE_STATE", "XDG_STATE_HOME", "TERM", "NO_COLOR"]

    /// This process's variables that the reader's start-up reads.
    static func startup() -> EnvironmentVariables {
        EnvironmentVariables.ofThisProcess(startupNames)
    }
}
