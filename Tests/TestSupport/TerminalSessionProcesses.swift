import Foundation

/// The processes of terminal sessions (`setsid` groups, such as a tmux pane's shell and what
/// it started), found in `/proc`: a test that kills a pane waits for them to be gone before it
/// removes their folder, which a reader still saving its state on the hang-up would make again.
public enum TerminalSessionProcesses {
    /// Whether a live (not zombie) process is in one of `sessions`; false where `/proc` is not.
    public static func anyAlive(in sessions: Set<pid_t>) -> Bool {
        guard !sessions.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc")
        else { return false }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let fields = fieldsAfterName(stat), fields.count > 3
            else { continue }
            // state, ppid, pgrp, session
            if fields[0] != "Z", let session = pid_t(fields[3]), sessions.contains(session) { return true }
        }
        return false
    }

    /// Waits until no live process is in `sessions`, at most `timeout` seconds; whether they went.
    @discardableResult
    public static func waitUntilGone(_ sessions: Set<pid_t>, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while anyAlive(in: sessions) {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    /// The fields of a `/proc/PID/stat` line after the command's name, which is in parentheses
    /// and may hold spaces and parentheses itself.
    public static func fieldsAfterName(_ stat: String) -> [Substring]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
