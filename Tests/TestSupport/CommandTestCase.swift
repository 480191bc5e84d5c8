import Foundation

/// A test case that runs the built `gazette` with a state file in its fresh temporary folder.
open class CommandTestCase: TemporaryFolderTestCase {
    /// How ``run(_:stdin:)`` names the state file to `gazette`.
    public enum StateOption {
        /// `--state PATH` after the arguments.
        case argument
        /// The `GAZETTE_STATE` environment variable.
        case environment
    }

    /// The state file's name in the folder (`state.sqlite` unless overridden).
    open var stateFileName: String { "state.sqlite" }

    /// How the state file is named to `gazette` (`--state` unless overridden).
    open var stateOption: StateOption { .argument }

    /// This test's state file.
    public var statePath: String { folder.appendingPathComponent(stateFileName).path }

    /// Runs `gazette` with `arguments` and this test's state file, feeding it `stdin`.
    public func run(_ arguments: [String], stdin: Data? = nil) throws -> CommandRunner.Outcome {
        switch stateOption {
        case .argument:
            try CommandRunner.run(arguments + ["--state", statePath], stdin: stdin)
        case .environment:
            try CommandRunner.run(arguments, stdin: stdin, environment: ["GAZETTE_STATE": statePath])
        }
    }
}
