import ArgumentParser

/// A command's repeated argument (`list`'s paths; `mark`'s and `show`'s arguments after their
/// first) taken out of the command line but for its first value, and put back into the parsed
/// command: the argument parser takes time that grows with the square of such a list (8,000
/// story numbers took 3 s to parse).
struct RepeatedArguments: Equatable {
    /// The arguments the parser is given: every option, and the first value of the list.
    var forParser: [String]
    /// Every value of the list, in order.
    var values: [String]

    /// `arguments` (after the program's name) split so, or nil when there is no list of two or
    /// more values to take out. Values are found as the parser finds them: every argument
    /// that is not an option (`-` alone is a value) nor the value of one (`--state PATH`,
    /// `--grep QUERY`, `--width N`), and every argument after `--`.
    init?(_ arguments: [String]) {
        guard let first = arguments.first else { return nil }
        // How many single values come before the list (`mark`'s and `show`'s first path), and
        // where options start.
        let before: Int
        var index: Int
        switch first {
        case "open", "list", "export": (before, index) = (0, 1)
        case "mark", "show": (before, index) = (1, 1)
        case "help": return nil
        default: (before, index) = (0, 0)  // The reader's paths, without the command's name.
        }
        var forParser = Array(arguments[..<index])
        var values: [String] = []
        var positionals = 0
        var onlyValues = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !onlyValues && !RepeatedArguments.isValue(argument) {
                forParser.append(argument)
                if argument == "--" { onlyValues = true }
                // `--state PATH`: the path is the option's when it is a value.
                if RepeatedArguments.takesValue(argument), index < arguments.count,
                    RepeatedArguments.isValue(arguments[index])
                {
                    forParser.append(arguments[index])
                    index += 1
                }
                continue
            }
            positionals += 1
            guard positionals > before else {
                forParser.append(argument)
                continue
            }
            if values.isEmpty { forParser.append(argument) }
            values.append(argument)
        }
        guard values.count > 1 else { return nil }
        self.forParser = forParser
        self.values = values
    }

    /// Whether `option` is one of these commands' options that take a value (the next
    /// argument, when it is a value).
    static func takesValue(_ option: String) -> Bool {
        switch option {
        // `--state= PATH`: an empty value written on, the parser takes the next (it was taken
        // for a path too; found by QA).
        case "--state", "--grep", "--width", "--state=", "--grep=", "--width=": return true
        default: return false
        }
    }

    /// Whether the parser takes `argument` as a value rather than an option.
    private static func isValue(_ argument: String) -> Bool {
        argument.isEmpty || argument == "-" || !argument.hasPrefix("-")
    }

    /// `command` with the list's every value put back.
    func restored(into command: ParsableCommand) -> ParsableCommand {
        switch command {
        case var open as Open:
            open.files.paths = values
            return open
        case var list as List:
            list.files.paths = values
            return list
        case var export as Export:
            export.files.paths = values
            return export
        case var mark as Mark:
            mark.more = values
            return mark
        case var show as Show:
            show.more = values
            return show
        default:
            return command
        }
    }
}
