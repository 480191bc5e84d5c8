/// What one read of the terminal gave: a byte, or a key ncurses recognised from its sequence
/// (its `KEY_` code: an arrow, a mouse report, a resize).
enum TerminalRead: Equatable {
    case byte(UInt8)
    case keyCode(Int32)
}

/// One thing read from the terminal: a character (a Unicode scalar's value), or a key ncurses
/// recognised (its `KEY_` code).
enum TerminalInput: Equatable {
    case character(UInt32)
    case keyCode(Int32)
}

/// The terminal's bytes as characters, UTF-8 decoded here (not by ncurses: its `wget_wch` took
/// every byte after one that is not UTF-8 into the same character, the end of a paste and each
/// key after it, and the reader froze; found by QA).
///
/// A byte that starts no character is U+FFFD; so is a character cut short, by a byte that cannot
/// go on with it, by a key, or by nothing more within ``continuationWait`` (one U+FFFD for the
/// part read, as Unicode's "maximal subpart" rule has it), and what cut it is read next. So any
/// bytes, valid or not, cut anywhere, end within a bounded wait, and no byte after a bad one is
/// lost. A character split across two reads close together is one character.
struct InputCharacterDecoder {
    /// The least wait for the rest of a character once its first byte came, in milliseconds.
    static let continuationWait: Int32 = 100

    /// The read that cut a character short, read again before the terminal.
    private var heldBack: TerminalRead?
    /// A character or key the caller put back (``putBack(_:)``), given before anything else.
    private var putBackInput: TerminalInput?

    /// Whether something read is waiting here, given by the next ``next(waiting:read:)`` at once
    /// (the terminal's descriptor shows nothing of it).
    var holdsInput: Bool { putBackInput != nil || heldBack != nil }

    /// Gives `input` back: the next ``next(waiting:read:)`` returns it.
    mutating func putBack(_ input: TerminalInput) {
        putBackInput = input
    }

    /// The next character or key. `read` reads the terminal, waiting up to the milliseconds it
    /// is given (0: only what came already), and gives nil when nothing came; it is called with
    /// `waiting` for the first byte and with at least ``continuationWait`` for the rest of a
    /// character. Nil when nothing came in `waiting`.
    mutating func next(waiting: Int32, read: (Int32) -> TerminalRead?) -> TerminalInput? {
        if let input = putBackInput {
            putBackInput = nil
            return input
        }
        guard let first = take(waiting: waiting, read: read) else { return nil }
        guard case .byte(let lead) = first else {
            if case .keyCode(let code) = first { return .keyCode(code) }
            return nil
        }
        if lead < 0x80 { return .character(UInt32(lead)) }
        guard let length = Self.length(lead: lead) else { return .character(Self.replacement) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        let wait = max(waiting, Self.continuationWait)
        for position in 1..<length {
            guard let more = take(waiting: wait, read: read) else { return .character(Self.replacement) }
            guard case .byte(let byte) = more, Self.continues(lead: lead, at: position, with: byte) else {
                heldBack = more
                return .character(Self.replacement)
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return .character(value)
    }

    /// U+FFFD, the replacement character.
    static let replacement: UInt32 = 0xFFFD

    /// The next read: one held back first, else the terminal's.
    private mutating func take(waiting: Int32, read: (Int32) -> TerminalRead?) -> TerminalRead? {
        if let held = heldBack {
            heldBack = nil
            return held
        }
        return read(waiting)
    }

    /// How many bytes the character `lead` (not ASCII) starts has; nil for a byte that starts
    /// none (a continuation byte, 0xC0, 0xC1, 0xF5...0xFF).
    private static func length(lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// Whether `byte` is a valid byte at `position` (1...) of the character `lead` starts: the
    /// second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or
    /// scalars past U+10FFFF).
    private static func continues(lead: UInt8, at position: Int, with byte: UInt8) -> Bool {
        guard position == 1 else { return UTF8.isContinuation(byte) }
        switch lead {
        case 0xE0: return (0xA0...0xBF).contains(byte)
        case 0xED: return (0x80...0x9F).contains(byte)
        case 0xF0: return (0x90...0xBF).contains(byte)
        case 0xF4: return (0x80...0x8F).contains(byte)
        default: return UTF8.isContinuation(byte)
        }
    }
}
