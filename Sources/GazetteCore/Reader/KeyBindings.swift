/// One row of the key table: the keys, how help shows them, what they do.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// The keys as the help screen and README show them.
    public var label: String
    public var summary: String
    public var command: Command
}

/// The one key table: the event loop dispatches on it and the help screen is made from it.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        KeyBinding(
            keys: [.char("j"), .down], label: "j ↓",
            summary: "next headline; in an open article, scroll down a line", command: .down),
        KeyBinding(
            keys: [.char("k"), .up], label: "k ↑",
            summary: "previous headline; in an open article, scroll up a line", command: .up),
        KeyBinding(
            keys: [.enter, .right, .char("l")], label: "Enter → l",
            summary: "open the selected story (marks it read); after a number, jump to that story",
            command: .open),
        KeyBinding(
            keys: [.char("q"), .left, .char("h")], label: "q ← h",
            summary: "from an open article back to the list; from the list, quit", command: .back),
        KeyBinding(keys: [.char("Q")], label: "Q", summary: "quit at once", command: .quit),
        KeyBinding(
            keys: [.char(" ")], label: "Space",
            summary:
                "page down in the article; at its end, open the next unread story; in the list, open the selected one",
            command: .spaceForward),
        KeyBinding(keys: [.char("b")], label: "b", summary: "page up in the article", command: .pageBack),
        KeyBinding(
            keys: [.pageDown, .ctrl("f")], label: "PgDn Ctrl-F", summary: "page down in the focused pane",
            command: .pageDown),
        KeyBinding(
            keys: [.pageUp, .ctrl("b")], label: "PgUp Ctrl-B", summary: "page up in the focused pane",
            command: .pageUp),
        KeyBinding(
            keys: [.char("g"), .home], label: "g Home", summary: "first headline, or top of an open article",
            command: .first),
        KeyBinding(
            keys: [.char("G"), .end], label: "G End", summary: "last headline, or bottom of an open article",
            command: .last),
        KeyBinding(keys: [.char("J")], label: "J", summary: "next story, opened", command: .nextStory),
        KeyBinding(
            keys: [.char("K")], label: "K", summary: "previous story, opened", command: .previousStory),
        KeyBinding(
            keys: [.char("n")], label: "n", summary: "next unread story, opened", command: .nextUnread),
        KeyBinding(
            keys: [.char("p")], label: "p", summary: "previous unread story, opened", command: .previousUnread
        ),
        KeyBinding(
            keys: [.char("N")], label: "N", summary: "toggle read / unread of the selected story",
            command: .toggleRead),
        KeyBinding(
            keys: [.char("A")], label: "A",
            summary: "mark every story in the view read; over several sources, asks first (u undoes it)",
            command: .markAllRead),
        KeyBinding(
            keys: [.char("u")], label: "u", summary: "undo the last change of reading state", command: .undo),
        KeyBinding(
            keys: [.char("F")], label: "F", summary: "flag (star) / unflag the selected story",
            command: .toggleFlag),
        KeyBinding(
            keys: [.char("L")], label: "L", summary: "cycle the view: all → unread only → flagged only",
            command: .cycleView),
        KeyBinding(
            keys: (0...9).map { Key.char(Character(String($0))) }, label: "1–9…",
            summary:
                "type a story number, then Enter, g or G to jump to it, N or F to toggle it; "
                + "or a count for j k J K PgDn PgUp; in an open article, G or g goes to that line",
            command: .digit(0)),
        KeyBinding(
            keys: [.backspace], label: "Backspace", summary: "delete a digit of the number",
            command: .deleteDigit),
        KeyBinding(
            keys: [.escape], label: "Esc",
            summary: "cancel a number or a waiting key, close help, leave the article",
            command: .cancel),
        KeyBinding(
            keys: [.char("/")], label: "/",
            summary:
                "search titles, text and source names: the list narrows as you type; Enter keeps it, Esc clears it",
            command: .search),
        KeyBinding(
            keys: [.char("]")], label: "]",
            summary: "next search match in the article (from the list, opens it)",
            command: .nextMatch),
        KeyBinding(
            keys: [.char("[")], label: "[", summary: "previous search match in the article",
            command: .previousMatch),
        KeyBinding(
            keys: [.char("o")], label: "o",
            summary: "open the story's link with $BROWSER (a number N first: its link [N])",
            command: .openLink),
        KeyBinding(
            keys: [.char("R")], label: "R", summary: "read the files again, keeping the reading state",
            command: .reload),
        KeyBinding(
            keys: [.char("z")], label: "z", summary: "zoom: article pane full screen and back", command: .zoom
        ),
        KeyBinding(keys: [.char("?"), .other("F1")], label: "? F1", summary: "this help", command: .help),
    ]

    /// Mouse actions, listed in help after the keys.
    public static let mouseHelp: [(label: String, summary: String)] = [
        ("click", "select a headline"),
        ("double click", "open a headline"),
        ("wheel", "scroll the pane under the pointer"),
    ]

    /// The search line's keys, listed in help after the mouse.
    public static let searchLineHelp: [(label: String, summary: String)] = [
        ("← →", "move in the text"),
        ("Backspace", "delete a character; on an empty line, close it"),
        ("Ctrl-U Ctrl-W", "delete all before the cursor, the word before it"),
        ("Delete Ctrl-D", "delete the character at the cursor"),
        ("Ctrl-K", "delete all after the cursor"),
        ("↑ ↓", "earlier and later searches"),
        ("Enter", "keep the search"),
        ("Esc Ctrl-C", "go back to how things were"),
    ]

    /// Keys the terminal gives, listed last in help.
    public static let terminalHelp: [(label: String, summary: String)] = [
        ("Ctrl-L", "write the whole screen again"),
        ("Ctrl-Z", "suspend (fg comes back)"),
        ("Ctrl-C", "quit"),
    ]

    /// A key as help and messages name it.
    public static func name(of key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let letter): return "Ctrl-" + letter.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .other(let name): return name
        }
    }

    private static let lookup: [Key: Command] = {
        var map: [Key: Command] = [:]
        for binding in table {
            for key in binding.keys where map[key] == nil {
                map[key] = binding.command
            }
        }
        return map
    }()

    /// The command a key asks for, if any.
    public static func command(for key: Key) -> Command? {
        guard let command = lookup[key] else { return nil }
        if case .digit = command, case .char(let character) = key, let value = character.wholeNumberValue {
            return .digit(value)
        }
        return command
    }
}
