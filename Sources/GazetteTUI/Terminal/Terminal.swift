import GazetteCore

/// A screen the reader draws on and reads events from: `CursesTerminal` for a real terminal,
/// `MemoryTerminal` for tests. All calls come from one thread.
public protocol Terminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows the canvas (only changed cells need be written).
    func present(_ canvas: Canvas)
    /// Waits up to `timeoutMilliseconds` (nil = forever) for the next event; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent?
    /// Gives the terminal back to the shell for a child program (browser) and takes it again after.
    func suspend(while body: () -> Void)
    /// Restores the terminal; safe to call twice.
    func shutdown()
    /// Forgets an `interrupt` taken as a cancel (the reader goes on).
    func dismissInterrupt()
    /// Asks the terminal to mark pasted text (`paste` events) or to stop marking it.
    func markPastes(_ on: Bool)
}

extension Terminal {
    public func dismissInterrupt() {}
    public func markPastes(_ on: Bool) {}
}
