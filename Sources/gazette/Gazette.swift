import ArgumentParser
import Foundation
import GazetteCore

/// The `gazette` command: the reader, and the commands for scripts.
@main
struct Gazette: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A terminal news reader for plain-text news dumps and feeds.",
        usage: """
            gazette [<paths> ...] [--state <PATH>]
            gazette <subcommand> [<paths> ...] [options]
            """,
        discussion: """
            With no command, opens the PATHs in the reader when standard output is a terminal, \
            and prints the headline list otherwise (news piped in is read with the keys from \
            the terminal: cat news.txt | gazette). With no PATH, the reader opens the news \
            piped in, if any; otherwise the bundled sample is opened. The headline list and \
            the commands for scripts read standard input only when given - (cat news.txt | \
            gazette list -): a script's standard input is often a pipe that holds no news.

            A PATH is a news file (a plain-text dump, or an RSS, Atom or JSON feed), a folder \
            of them, or - for standard input.

            The reader takes --state <PATH>, as every command does: the reading-state file \
            (default: $GAZETTE_STATE, else $XDG_STATE_HOME/gazette/state.sqlite).

            Examples:
              gazette news.txt feeds/
              gazette list news.txt --unread
              gazette show news.txt 3
              gazette mark news.txt 1 3 --read
            """,
        version: "0.1.0",
        subcommands: [Open.self, List.self, Show.self, Export.self, Mark.self],
        defaultSubcommand: Open.self
    )

    static func main() {
        // A write past the file-size limit (`ulimit -f`, as a full quota behaves) fails with
        // EFBIG and is told as a full disk (`StateStoreError.full`); the signal killed the
        // commands with status 153 and left a state file half made.
        signal(SIGXFSZ, SIG_IGN)
        if let index = firstArgumentNotUTF8() {
            // Swift's arguments replace such bytes: the file would be looked for under another name.
            StandardError.report(
                "argument \(index) is not valid UTF-8: gazette cannot name a file so called; rename it, "
                    + "or link to it under a UTF-8 name (ln -s)")
            Foundation.exit(2)
        }
        if CommandLine.argc > 1, let first = CommandLine.unsafeArgv[1].map({ String(cString: $0) }),
            let meant = CommandTypo.intended(by: first)
        {
            StandardError.report(
                "no command or file '\(first)': did you mean '\(meant)'? (commands: open, list, show, export, mark)"
            )
            Foundation.exit(2)
        }
        // The command parsed, for a usage error its `run` finds (`mark`'s PATHs and articles are
        // told apart there: the parser is given only the first of a long list).
        var parsed: ParsableCommand.Type?
        do {
            if let quick = ReaderArguments(ReaderArguments.ofThisProcess()), StandardOutput.isTerminal {
                let environment = ProcessEnvironment.startup()
                if let name = StateLocation.variableNotUTF8(explicit: quick.state, environment: environment) {
                    StandardError.report(StateOptions.notUTF8Message(name))
                    Foundation.exit(2)
                }
                try Open.read(
                    paths: quick.paths,
                    statePath: StateLocation.resolve(explicit: quick.state, environment: environment),
                    environment: environment)
                Foundation.exit(0)
            }
            let arguments = LeadingStateOption.movedBehindCommand(Array(CommandLine.arguments.dropFirst()))
            // The reader named by its PATHs alone: a usage error shows gazette's usage, as typed
            // (`gazette a.txt --bogus` showed `gazette open`'s, a name the user never typed).
            let readerUnnamed = !(arguments.first.map(ReaderArguments.isCommandName) ?? false)
            if readerUnnamed { parsed = Gazette.self }
            try checkHelpTopic(arguments[...])
            do {
                try checkArticleNumbers(arguments[...])
            } catch {
                fail(error, in: arguments.first == "show" ? Show.self : Mark.self)
            }
            let repeated = RepeatedArguments(arguments)
            var command = try parseAsRoot(repeated?.forParser ?? arguments)
            if let repeated { command = repeated.restored(into: command) }
            if !(readerUnnamed && command is Open) { parsed = type(of: command) }
            try command.run()
        } catch {
            fail(error, in: parsed)
        }
    }

    /// The position (from 1) of the first argument whose bytes are not UTF-8, if any.
    private static func firstArgumentNotUTF8() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: argument) == nil { return index }
        }
        return nil
    }

    /// `gazette help NAME` for a NAME that is no command is a usage error (the parser shows the
    /// top-level help and succeeds, which hides the typo).
    private static func checkHelpTopic(_ arguments: ArraySlice<String>) throws {
        guard arguments.first == "help", let topic = arguments.dropFirst().first, !topic.hasPrefix("-"),
            !ReaderArguments.isCommandName(topic)
        else { return }
        throw ValidationError("no command '\(topic)' (commands: open, list, show, export, mark)")
    }

    /// `show` and `mark` given a negative article number: the parser takes `-1` for an option
    /// and said only that an argument was missing. A usage error, as 0 is.
    static func checkArticleNumbers(_ arguments: ArraySlice<String>) throws {
        guard let command = arguments.first, command == "show" || command == "mark" else { return }
        var afterValuedOption = false
        for argument in arguments.dropFirst() {
            if argument == "--" { return }
            // The value of `--width -3` is the option's to judge.
            defer { afterValuedOption = argument == "--width" || argument == "--state" }
            if afterValuedOption { continue }
            // A minus and a digit: a number, or what was meant for one (`-1x`, `-2.5`).
            let utf8 = Array(argument.utf8)
            guard utf8.count > 1, utf8[0] == UInt8(ascii: "-"), (0x30...0x39).contains(utf8[1]) else {
                continue
            }
            let isNumber = utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
            throw ValidationError(
                "no article '\(argument)': "
                    + (isNumber ? "article numbers start at 1" : "use a story's number (from 1) or its id"))
        }
    }

    /// Reports `error` as `gazette: …` and exits: 1 for a failure, 2 for a usage error (with the
    /// usage of `command`, when it was parsed and has its own).
    private static func fail(_ error: any Error, in command: ParsableCommand.Type? = nil) -> Never {
        // Told already (a file skipped among several): only the status is left to give.
        if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
        if let error = error as? CommandFailure {
            StandardError.report(error.message)
            Foundation.exit(1)
        }
        let code = exitCode(for: error)
        if code == .success {
            // Help or the version: written as any output is, a failure to write it told (it
            // ended with status 0 and nothing written; found by QA).
            do {
                try StandardOutput().write(fullMessage(for: error) + "\n")
            } catch {
                StandardError.report(error.message)
                Foundation.exit(1)
            }
            Foundation.exit(0)
        }
        if code == .validationFailure {
            StandardError.report(inGazettesVoice(message(for: error)))
            StandardError.write(lines: command.flatMap(usage(of:)) ?? usageString(for: error))
            Foundation.exit(2)
        }
        StandardError.report(message(for: error))
        Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
    }

    /// `message` starting in small letters, as Gazette's own do: the argument parser's start with
    /// a capital ("gazette: Unknown option '--bogus'" beside "gazette: give one change, not 2";
    /// found by QA). A word in capitals ("JSON") is left as it is.
    static func inGazettesVoice(_ message: String) -> String {
        let letters = Array(message.prefix(2).unicodeScalars)
        guard letters.count == 2, ("A"..."Z").contains(letters[0]), ("a"..."z").contains(letters[1]) else {
            return message
        }
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    /// `command`'s own usage as the parser gives it with a usage error, if it has one.
    /// (The parser's, for a command without its own: a usage error found by `list`'s `run` was
    /// shown the top-level usage; found by QA.) Nil for the reader named `open`, whose usage the
    /// parser gives; gazette's own for the reader named by its PATHs alone.
    private static func usage(of command: ParsableCommand.Type) -> String? {
        if ObjectIdentifier(command) == ObjectIdentifier(Gazette.self), let usage = configuration.usage {
            // Its forms one under the other, as `gazette --help` shows them.
            let forms = usage.split(separator: "\n").joined(separator: "\n       ")
            return "Usage: \(forms)\n  See 'gazette --help' for more information."
        }
        guard ObjectIdentifier(command) != ObjectIdentifier(Open.self) else { return nil }
        let usage = command.configuration.usage ?? usageString(for: command)
        return "Usage: \(usage)\n  See 'gazette \(command._commandName) --help' for more information."
    }

    private static func usageString(for error: Error) -> String {
        let text = fullMessage(for: error)
        if let range = text.range(of: "Usage:") { return String(text[range.lowerBound...]) }
        return "Usage: gazette [PATH ...] | gazette list|show|export ... (see gazette --help)"
    }
}
