import Foundation

/// Why a news file could not be opened or read.
public enum SourceError: Error, Equatable, Sendable {
    /// The file is missing, unreadable or not a regular file.
    case cannotOpen(path: String, reason: String)
    /// The file has no bytes at all.
    case emptyFile(path: String)
    /// The file was read but holds no article; `reason` is what its reading met, when it
    /// lost the only story (a feed cut short inside its first item).
    case noArticles(path: String, reason: String? = nil)
    /// A directory without any news file in it: none, or only files skipped for the reasons
    /// in `skipped` (each "skipped…" as told).
    case noNewsFiles(directory: String, skipped: [String] = [])
    /// `-` named standard input, and it is the terminal: news typed there would wait for an
    /// end of file.
    public static let standardInputIsTheTerminal = SourceError.cannotOpen(
        path: "-", reason: "it is the terminal; pipe news in (cat news.txt | gazette -)")
    /// The content is not a format Gazette reads.
    case notANewsFile(path: String, reason: String)
    /// The file lists feeds (their addresses) rather than holding them.
    case feedList(path: String, list: FeedList)
    /// A pipe, device or standard input gave more than `limit` bytes.
    case tooBig(path: String, limit: Int)

    /// One line for the user, without the program name (`-` named as standard input).
    public var message: String { message(naming: Self.name) }

    /// ``message`` with each file named by its last part: a status line fits the reason (a long
    /// path cut "Permission denied" off; found by QA).
    public var shortMessage: String {
        message { path in Self.name(path == "-" ? path : (path as NSString).lastPathComponent) }
    }

    private func message(naming name: (String) -> String) -> String {
        switch self {
        case .cannotOpen(let path, let reason):
            // A feed's address is no file: how to read it, rather than "No such file" (found by QA).
            if Self.isWebAddress(path), access(path, F_OK) != 0 {
                return
                    "cannot open \(name(path)): \(Self.notWebAddresses)pipe it in: curl -s ADDRESS | gazette -"
            }
            return "cannot open \(name(path)): \(reason)"
        case .emptyFile(let path):
            return "\(name(path)) is empty: there are no articles to show"
        case .noArticles(let path, let reason):
            return "\(name(path)) holds no articles" + (reason.map { ": \($0)" } ?? "")
        case .noNewsFiles(let directory, let skipped):
            guard let first = skipped.first else { return "\(name(directory)) holds no news files" }
            // What its files were skipped for, the first told.
            let reason = SourceError.reason(ofSkipped: first)
            // The count first, so that a line cut at the screen's edge still tells it.
            let count = skipped.count > 1 ? "\(skipped.count) files skipped, the first: " : ""
            return "\(name(directory)) holds no news that opens: \(count)\(reason)"
        case .notANewsFile(let path, let reason):
            return "\(name(path)) is not a news file (\(reason))"
        case .feedList(let path, let list):
            // What to do with it, as for a web address (found by QA).
            return "\(name(path)) is \(list.text), not news: \(Self.notWebAddresses)"
                + "fetch each with curl -s ADDRESS > name.xml"
        case .tooBig(let path, let limit):
            let size = limit >= 1 << 30 ? "\(limit >> 30) GiB" : "\(limit) bytes"
            return
                "\(name(path)) goes on past \(size), the most read from a pipe or device (save it to a file)"
        }
    }

    /// What a "skipped…" warning of ``SourceLoader`` says after the word "skipped".
    public static func reason(ofSkipped warning: String) -> Substring {
        if warning.hasPrefix("skipped:") {
            return Substring(warning).dropFirst("skipped:".count).drop { $0 == " " }
        }
        if warning.hasPrefix("skipped ") { return Substring(warning).dropFirst("skipped ".count) }
        return Substring(warning)
    }

    /// `'path'`, or `standard input` for `-`.
    private static func name(_ path: String) -> String {
        path == "-" ? "standard input" : "'\(path)'"
    }

    /// What Gazette reads, said of a web address and of a list of feeds' addresses.
    private static let notWebAddresses = "Gazette reads files, not web addresses; "

    /// Whether `path` reads as a web address (`https://…`, `http://…`), or a feed's
    /// (`feed://…`, `feed:https://…`).
    static func isWebAddress(_ path: String) -> Bool {
        let lower = path.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("feed:")
    }
}
