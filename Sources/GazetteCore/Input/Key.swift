/// A key press as the reader sees it, independent of any terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space).
    case char(Character)
    /// A control chord such as Ctrl-F, carried as its lowercase letter.
    case ctrl(Character)
    case up, down, left, right
    case enter, escape, backspace, tab
    case pageUp, pageDown, home, end
    /// A key the reader has no use for, by the name it is told by (`F1`, `Insert`).
    case other(String)
}
