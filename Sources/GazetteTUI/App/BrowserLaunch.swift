import GazetteCore

/// How a browser command is started: given the terminal, or apart from it.
///
/// A graphical browser (Firefox, Chromium, `xdg-open` in a desktop session) returns at once and
/// leaves processes that write warnings to the terminal long after, over the reader's screen:
/// it runs apart, in a session of its own, with nothing of the terminal. A browser that shows
/// in the terminal (w3m, lynx) gets the terminal, and the reader waits for it. Which one a
/// command is cannot be seen from outside it: as Python's `webbrowser` and ranger's `rifle`
/// do, a command is taken for a graphical one when a graphical session is there and the
/// program is not a known text browser; without a graphical session, every command gets the
/// terminal. A command ended by `&` (``BrowserCommand/inBackground``) runs apart whatever the
/// session, as `webbrowser` runs it in the background.
public enum BrowserLaunch: Equatable, Sendable {
    /// In the foreground, with the terminal; the reader waits for it to end.
    case inTerminal
    /// In a session of its own, its input and output on /dev/null; the screen stays.
    case apart

    /// Programs that show pages in the terminal they are started in.
    static let textBrowsers: Set<String> = [
        "w3m", "lynx", "links", "links2", "elinks", "browsh", "www-browser", "carbonyl", "cha",
        "edbrowse", "amfora", "bombadillo", "offpunk",
    ]

    /// How `command` (a `$BROWSER` entry) is started in `environment`.
    public static func of(_ command: BrowserCommand, environment: EnvironmentVariables) -> BrowserLaunch {
        if command.inBackground { return .apart }
        let graphical = ["DISPLAY", "WAYLAND_DISPLAY"].contains { !(environment[$0] ?? "").isEmpty }
        guard graphical, let program = command.words.first else { return .inTerminal }
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return textBrowsers.contains(name) ? .inTerminal : .apart
    }
}
