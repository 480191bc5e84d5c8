import Foundation

/// Runs the built `gazette` executable and collects what it printed.
public enum CommandRunner {
    /// What a run printed and how it ended.
    public struct Outcome {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable under test: `GAZETTE_BIN`, or the debug build of this package.
    public static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["GAZETTE_BIN"] { return URL(fileURLWithPath: path) }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/gazette")
    }

    /// Runs `gazette` (or `executable`) with `arguments`, feeding `stdin` and extra environment
    /// variables.
    /// `stdinFromNullDevice`: standard input is `/dev/null` (as under cron) instead of a pipe
    /// that gives `stdin`. `currentDirectory`: where it runs (this process's by default).
    public static func run(
        _ arguments: [String], stdin: Data? = nil, stdinFromNullDevice: Bool = false,
        environment: [String: String] = [:], executable: URL? = nil, currentDirectory: URL? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable ?? self.executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("gazette-out-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("gazette-err-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw CocoaError(.fileWriteUnknown) }
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let input = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdinFromNullDevice ? FileHandle(forReadingAtPath: "/dev/null") : input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
