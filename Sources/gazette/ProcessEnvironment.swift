#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The environment variables the reader looks at while it starts, read one by one: building
/// Foundation's dictionary of the whole environment costs more than the first screen can spare.
enum ProcessEnvironment {
    /// The variables the reader's start-up reads: the state file's location and the terminal's.
    static let startupNames = ["HOME", "GAZETTE_STATE", "XDG_STATE_HOME", "TERM", "NO_COLOR"]

    /// The set variables among `names`, by name.
    static func values(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
