import CNcursesw
import GazetteCore

/// The numeric keypad's keys as a VT100-style terminal sends them in application keypad mode,
/// which ncurses turns on with `keypad`: `ESC O` and a letter (`p`…`y` the digits, `M` Enter,
/// `j k l m n o X` for `* + , - . / =`), whatever the terminal's entry calls them.
///
/// Keypad digits did nothing (a story number typed on the keypad opened story 1 on its Enter),
/// and under tmux's and screen's entries, which name no keypad keys, neither did Enter (found
/// by QA). xterm's entry names five digits as corner keys (`ka1` is 7) and vt100's names others
/// as function keys (`kf5` is 4): the sequence, not the entry's name for it, says the key.
enum KeypadKeys {
    /// The key of `ESC O final`; nil when `final` is not a keypad key's.
    static func key(final: UInt32) -> Key? {
        guard let byte = UInt8(exactly: final) else { return nil }
        switch byte {
        case UInt8(ascii: "p")...UInt8(ascii: "y"):
            return .char(Character(Unicode.Scalar(byte - UInt8(ascii: "p") + UInt8(ascii: "0"))))
        case UInt8(ascii: "M"): return .enter
        default: return operators[byte].map { .char($0) }
        }
    }

    /// The key ncurses reads as `code`, one of ``sequences``' codes; nil for any other code.
    static func key(code: Int32) -> Key? {
        guard (firstCode..<firstCode + 0x80).contains(code) else { return nil }
        return key(final: UInt32(code - firstCode))
    }

    /// Every keypad sequence, with the code ncurses is taught to read it as.
    static let sequences: [(sequence: String, code: Int32)] =
        (Array(UInt8(ascii: "p")...UInt8(ascii: "y")) + [UInt8(ascii: "M")] + operators.keys.sorted()).map {
            ("\u{1B}O" + String(Unicode.Scalar($0)), firstCode + Int32($0))
        }

    /// Teaches ncurses the ``sequences``, in place of what the terminal's entry binds them to.
    static func define() {
        for (sequence, code) in sequences {
            define_key(sequence, code)
        }
    }

    /// The operator keys by their final letter.
    private static let operators: [UInt8: Character] = [
        UInt8(ascii: "j"): "*", UInt8(ascii: "k"): "+", UInt8(ascii: "l"): ",", UInt8(ascii: "m"): "-",
        UInt8(ascii: "n"): ".", UInt8(ascii: "o"): "/", UInt8(ascii: "X"): "=",
    ]

    /// The first of the codes: far above ncurses' own (`KEY_MAX`) and the ones it gives the
    /// entry's extended key names after it.
    private static let firstCode: Int32 = 0x3000
}
