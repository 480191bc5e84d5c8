/// `gazette [PATH ...] [--state FILE]`, the plain way to open the reader, recognised without
/// the argument parser so that the first screen does not wait for it. Anything else (a
/// command, another option, `--help`) is left to the parser.
struct ReaderArguments: Equatable {
    var paths: [String] = []
    var state: String?

    /// Whether a first PATH would be taken for a command. (A switch, not a set: a set's
    /// first use costs a runtime type lookup on the start-up path.)
    static func isCommandName(_ word: String) -> Bool {
        switch word {
        case "open", "list", "show", "export", "mark", "help": return true
        default: return false
        }
    }

    /// This process's arguments after the program's name, read from `argv`: the standard
    /// library's `CommandLine.arguments` costs a run-time type lookup on the first screen's path.
    static func ofThisProcess() -> [String] {
        // Made at its size: growing it takes the standard library's unspecialised path.
        var arguments = [String](repeating: "", count: max(0, Int(CommandLine.argc) - 1))
        for index in arguments.indices {
            guard let argument = CommandLine.unsafeArgv[index + 1] else { continue }
            arguments[index] = String(cString: argument)
        }
        return arguments
    }

    init(paths: [String], state: String?) {
        self.paths = paths
        self.state = state
    }

    /// Nil unless `arguments` (without the program name) are only paths and one `--state`.
    init?(_ arguments: some Sequence<String>) {
        var iterator = arguments.makeIterator()
        var onlyPaths = false
        while let argument = iterator.next() {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                if paths.isEmpty && !onlyPaths && Self.isCommandName(argument) { return nil }
                paths.append(argument)
            } else if argument == "--" {
                onlyPaths = true
            } else if argument == "--state" || argument.hasPrefix("--state=") {
                guard state == nil else { return nil }
                let value = argument == "--state" ? iterator.next() : String(argument.dropFirst(8))
                guard let value, !value.isEmpty else { return nil }
                state = value
            } else {
                return nil
            }
        }
    }
}
