import Foundation

/// Times a terminal program on a pseudo-terminal with `scripts/pty_paint.py`: launch → the
/// moment its output first holds the ready text, read as it comes (no polling, unlike tmux).
struct PtyPaint {
    let script: String
    let runs: Int

    /// The median milliseconds from launch to the first screen.
    func measure(_ command: [String], ready: String, quit: String = "Q") throws -> Double {
        let arguments = [
            "python3", script, "--width", "120", "--height", "40", "--runs", String(runs), "--ready", ready,
            "--quit", quit, "--timeout", "120",
        ]
        let output = try Shell.run(arguments + ["--"] + command, quiet: true)
        guard let median = try Shell.lastJSONObject(of: output, from: "pty_paint")["median_ms"] as? Double
        else { throw BenchError.failed("pty_paint", output) }
        return median
    }
}
