import Foundation

/// Runs helper programs for the benchmark.
enum Shell {
    /// Runs a program and returns its standard output; throws when it fails.
    @discardableResult
    static func run(_ arguments: [String], quiet: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bench-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        if quiet { process.standardError = FileHandle.nullDevice }
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw BenchError.failed(arguments.joined(separator: " "), text)
        }
        return text
    }

    /// The JSON object a measuring script prints on its last line.
    static func lastJSONObject(of output: String, from tool: String) throws -> [String: Any] {
        guard let data = output.split(separator: "\n").last.map({ Data($0.utf8) }),
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw BenchError.failed(tool, output) }
        return json
    }

    /// Seconds a program takes to run, median of `runs`.
    static func time(_ arguments: [String], runs: Int) throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Date()
            try run(arguments, quiet: true)
            times.append(Date().timeIntervalSince(start))
        }
        return median(times)
    }

    /// Whether a program is on the PATH.
    static func has(_ program: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(program)"], quiet: true)) != nil
    }
}

/// Why the benchmark stopped.
enum BenchError: Error, CustomStringConvertible {
    case failed(String, String)

    var description: String {
        switch self {
        case .failed(let command, let output): return "'\(command)' failed: \(output.prefix(2000))"
        }
    }
}

/// The median of some numbers (0 for none).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
