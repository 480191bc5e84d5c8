/// The one-line editor of the `/` prompt: insert, Backspace, Delete (Ctrl-D), Ctrl-K, Ctrl-U,
/// Ctrl-W, ← →, and ↑ ↓ through earlier searches.
public struct SearchPrompt: Equatable, Sendable {
    public private(set) var text: [Character]
    /// Characters before the cursor.
    public private(set) var cursor: Int
    private var history: [String]
    private var historyIndex: Int
    /// A word about the line shown beside it until the next edit ("paste cut…").
    public var note: String?

    public init(text: String = "", history: [String] = []) {
        self.text = Array(text)
        cursor = self.text.count
        self.history = history
        historyIndex = history.count
    }

    /// The text typed so far.
    public var string: String { String(text) }

    /// What a key does to the line; `Enter` and `Esc` are the caller's. True when the text
    /// changed (not when only the cursor moved).
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        note = nil
        switch key {
        case .char(let character):
            // Keys come a scalar at a time: the text is made of characters again, so that an
            // accent joins its letter and the scalars of an emoji or a flag make one (Backspace
            // took them back a scalar at a time, and a lone half of a flag paired with the next).
            let before = String(text[..<cursor]) + String(character)
            let joined = before + String(text[cursor...])
            text = Array(joined)
            cursor = min(text.count, before.count)
        case .backspace:
            guard cursor > 0 else { return false }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .ctrl("u"):
            guard cursor > 0 else { return false }
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .other("Delete"), .ctrl("d"):
            // The character under the cursor, as readline, mutt and less delete it.
            guard cursor < text.count else { return false }
            text.remove(at: cursor)
        case .ctrl("k"):
            guard cursor < text.count else { return false }
            text.removeSubrange(cursor...)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && text[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !text[start - 1].isWhitespace { start -= 1 }
            guard start < cursor else { return false }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .up:
            guard historyIndex > 0 else { return false }
            historyIndex -= 1
            return setText(history[historyIndex])
        case .down:
            guard historyIndex < history.count else { return false }
            historyIndex += 1
            return setText(historyIndex == history.count ? "" : history[historyIndex])
        default: break
        }
        switch key {
        case .char, .backspace, .ctrl("u"), .ctrl("w"), .other("Delete"), .ctrl("d"), .ctrl("k"): return true
        default: return false
        }
    }

    /// Replaces the text; true when it differs.
    private mutating func setText(_ string: String) -> Bool {
        let new = Array(string)
        cursor = new.count
        guard new != text else { return false }
        text = new
        return true
    }
}
