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

    /// A command the measured one is taken in turn with: what it prints when ready, and the
    /// keys that quit it (none for one that ends by itself).
    struct Anchor {
        var command: [String]
        var ready: String
        var quit = "q"
    }

    /// `command` and `anchor` run in turn; with `key`, the time runs to the screen after the
    /// key (sent as soon as the first screen is there) matches `keyReady`.
    func measure(
        _ command: [String], ready: String, key: String? = nil, keyReady: String? = nil,
        inTurnWith anchor: Anchor
    ) throws -> InTurn {
        var extra: [String] = []
        if let key, let keyReady { extra = ["--key", key, "--key-ready", keyReady] }
        return try measure(command, ready: ready, quit: "Q", extra: extra, anchor: anchor)
    }

    private func measure(
        _ command: [String], ready: String, quit: String, extra: [String] = [], anchor: Anchor?
    ) throws -> InTurn {
        var arguments = [
            "python3", script, "--width", "120", "--height", "40", "--runs", String(runs), "--ready", ready,
            "--quit", quit, "--timeout", "120",
        ]
        arguments += extra
        if let anchor {
            let quoted = anchor.command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            arguments += [
                "--anchor", quoted.joined(separator: " "), "--anchor-ready", anchor.ready, "--anchor-quit",
                anchor.quit,
            ]
        }
        let output = try Shell.run(arguments + ["--"] + command, quiet: true)
        let json = try Shell.lastJSONObject(of: output, from: "pty_paint")
        guard let median = json["median_ms"] as? Double else { throw BenchError.failed("pty_paint", output) }
        return InTurn(
            median: median, anchorMedian: json["anchor_median_ms"] as? Double ?? 0,
            ratio: json["ratio_median"] as? Double ?? 0)
    }
}
