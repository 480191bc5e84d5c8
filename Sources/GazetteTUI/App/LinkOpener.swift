import Foundation
import GazetteCore

/// Opens a story's address with the user's browser: `$BROWSER` (a `:`-separated list of
/// commands, `%s` standing for the address), else `xdg-open`.
public enum LinkOpener {
    /// Address schemes handed to a browser; anything else is refused.
    static let schemes: Set<String> = ["http", "https", "ftp", "gemini", "gopher", "mailto", "news"]

    /// Why a link could not be opened.
    public enum Failure: Error, Equatable {
        case unsafeAddress(String)
        case noBrowser(String)

        public var message: String {
            switch self {
            case .unsafeAddress(let address): return "not opening '\(address)': not a web address"
            case .noBrowser(let tried): return "could not start a browser (\(tried)); set BROWSER"
            }
        }
    }

    /// Runs the first browser command that starts, waiting for it to end (a terminal browser
    /// has the terminal meanwhile).
    public static func open(_ address: String, environment: EnvironmentVariables) -> Failure? {
        guard isSafe(address) else { return .unsafeAddress(address) }
        let commands = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init).filter {
            !$0.isEmpty
        }
        let candidates = commands.isEmpty ? ["xdg-open"] : commands
        // After news piped in (`cat news.txt | gazette -`), a browser in the terminal reads
        // its keys from the terminal, as the reader does, not from the spent pipe.
        let keyboard = isatty(STDIN_FILENO) == 1 ? nil : FileHandle(forReadingAtPath: "/dev/tty")
        for command in candidates {
            var words = command.split(separator: " ").map(String.init)
            if words.contains(where: { $0.contains("%s") }) {
                words = words.map { $0.replacingOccurrences(of: "%s", with: address) }
            } else {
                words.append(address)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = words
            if let keyboard { process.standardInput = keyboard }
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus != 127 { return nil }
            } catch {
                continue
            }
        }
        return .noBrowser(candidates.joined(separator: ", "))
    }

    /// An absolute address with a known scheme and no control characters or spaces.
    static func isSafe(_ address: String) -> Bool {
        guard !address.hasPrefix("-"),
            address.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F ~= $0.value)
            }),
            let colon = address.firstIndex(of: ":")
        else { return false }
        return schemes.contains(address[..<colon].lowercased())
    }
}
