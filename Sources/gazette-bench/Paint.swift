import Foundation

/// Times a terminal program in tmux with `tmux_paint.py` (launch → first screen, a key).
struct Paint {
    let tools: String
    let runs: Int

    /// What one tmux_paint invocation measured.
    struct Result {
        var firstPaint: Double
        var key: Double?
        /// First paint plus the key, per run, median.
        var launchToKey: Double?
        var peakRSSKiB: Double?
    }

    func measure(
        _ command: [String], ready: String, key: String? = nil, keyReady: String? = nil, quit: String = "Q",
        peakRSS: Bool = false
    ) throws -> Result {
        var arguments = [
            "python3", "\(tools)/tmux_paint.py", "--width", "120", "--height", "40", "--runs", String(runs),
            "--ready", ready, "--quit", quit, "--settle-ms", "0", "--timeout", "120",
        ]
        if let key, let keyReady { arguments += ["--key", key, "--key-ready", keyReady] }
        if peakRSS { arguments.append("--peak-rss") }
        let output = try Shell.run(arguments + ["--"] + command, quiet: true)
        let json = try Shell.lastJSONObject(of: output, from: "tmux_paint")
        let paints = (json["runs"] as? [Double]) ?? []
        let keys = (json["key_runs"] as? [Double]) ?? []
        let sums = zip(paints, keys).map { $0 + $1 }
        return Result(
            firstPaint: median(paints), key: keys.isEmpty ? nil : median(keys),
            launchToKey: sums.isEmpty ? nil : median(sums),
            peakRSSKiB: json["peak_rss_median_kb"] as? Double)
    }
}
