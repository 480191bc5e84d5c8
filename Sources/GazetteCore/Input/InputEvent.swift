/// Mouse buttons and wheel directions the reader reacts to.
public enum MouseAction: Hashable, Sendable {
    case click, doubleClick, wheelUp, wheelDown
}

/// A mouse event at a zero-based screen cell.
public struct MouseEvent: Hashable, Sendable {
    public var action: MouseAction
    public var column: Int
    public var row: Int

    public init(action: MouseAction, column: Int, row: Int) {
        self.action = action
        self.column = column
        self.row = row
    }
}

/// One thing that happened at the terminal.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// A termination signal (SIGINT, SIGTERM, SIGHUP) asked the program to leave.
    case terminate
    /// Ctrl-C (SIGINT): cancels the prompt being typed; elsewhere it ends the reader, as
    /// `terminate` does.
    case interrupt
    /// Text pasted while the terminal marks pastes (bracketed paste, asked for while the reader
    /// runs): text for the `/` prompt, never keys; `cut` when only its first part was kept.
    case paste(String, cut: Bool = false)
    /// A movement key whose escape sequence came in two parts (a slow link): its Esc came
    /// alone just before, given as `key(.escape)`, and the rest soon after it. What that Esc
    /// did is taken back before the key acts (``Reader/takeBackEscape()``).
    case splitKey(Key)
    /// The escape sequence of a key the reader has no use for (a Linux console function key,
    /// `ESC [ [ A`), come in two parts as a ``splitKey(_:)``'s does: what its Esc did is taken
    /// back, and nothing more is done.
    case splitSequence
    /// A paste whose start marker came in two parts (a slow link): its Esc came alone just
    /// before, given as `key(.escape)`, and the rest of the marker soon after it. What that Esc
    /// did is taken back before the text is taken as a `paste`.
    case splitPaste(String, cut: Bool = false)
}
