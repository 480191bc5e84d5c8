import Foundation

/// Times a terminal program on a pseudo-terminal with `scripts/pty_paint.py`: launch → the
/// moment its output first holds the ready text, read as it comes (no polling, unlike tmux).
struct PtyPaint {
    let script: String
    let runs: Int

    /// The median milliseconds from launch to the first screen.
    func measure(_ command: [String], ready: String, quit: String = "Q") throws -> Double {
        try measure(command, ready: ready, quit: quit, anchor: nil).median
    }

    /// A command run in turn with its anchor: the median milliseconds of each, and the median
    /// of the ratios of the pairs (what a noisy machine changes least).
    struct InTurn {
        var median: Double
        var anchorMedian: Double
        var ratio: Double
    }

    /// `command` and `anchor` (with its ready text and quit keys) run in turn.
    func measure(_ command: [String], ready: String, inTurnWith anchor: (command: [String], ready: String))
        throws -> InTurn
    {
        try measure(command, ready: ready, quit: "Q", anchor: anchor)
    }

    private func measure(
        _ command: [String], ready: String, quit: String, anchor: (command: [String], ready: String)?
    ) throws -> InTurn {
        var arguments = [
            "python3", script, "--width", "120", "--height", "40", "--runs", String(runs), "--ready", ready,
            "--quit", quit, "--timeout", "120",
        ]
        if let anchor {
            let quoted = anchor.command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            arguments += ["--anchor", quoted.joined(separator: " "), "--anchor-ready", anchor.ready]
        }
        let output = try Shell.run(arguments + ["--"] + command, quiet: true)
        let json = try Shell.lastJSONObject(of: output, from: "pty_paint")
        guard let median = json["median_ms"] as? Double else { throw BenchError.failed("pty_paint", output) }
        return InTurn(
            median: median, anchorMedian: json["anchor_median_ms"] as? Double ?? 0,
            ratio: json["ratio_median"] as? Double ?? 0)
    }
}
