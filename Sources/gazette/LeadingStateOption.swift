/// `--state PATH` given before a command's name (`gazette --state s.sqlite list`, the way git
/// takes its own options): the command's name was taken for a file to open (found by QA).
enum LeadingStateOption {
    /// `arguments` (after the program's name) with a leading `--state PATH` or `--state=PATH`
    /// moved behind the name of the command that follows it, where that command reads it;
    /// otherwise `arguments` as they are.
    static func movedBehindCommand(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        let optionLength = first == "--state" ? 2 : first.hasPrefix("--state=") ? 1 : 0
        guard optionLength > 0, arguments.count > optionLength else { return arguments }
        let name = arguments[optionLength]
        // `help` takes no options: `gazette --state s help` is left to the parser as it was.
        guard ReaderArguments.isCommandName(name), name != "help" else { return arguments }
        return [name] + arguments[..<optionLength] + arguments[(optionLength + 1)...]
    }
}
