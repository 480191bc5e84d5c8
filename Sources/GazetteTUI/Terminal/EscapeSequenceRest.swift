import GazetteCore

/// The rest of an escape sequence after its `ESC [` (CSI) or `ESC O` (SS3), read a character
/// at a time: SS3's one character, or CSI's parameter and intermediate characters and then its
/// final one (0x40...0x7E; a `[` right after the CSI's own is the Linux console's function
/// keys, not the end). At most ``longest`` characters are read, whatever arrives.
struct EscapeSequenceRest: Equatable {
    /// The characters before the final one (none for SS3).
    private(set) var parameters: [UInt32] = []
    /// The final character; nil when none came (nothing more in time, or too many before it).
    private(set) var final: UInt32?

    /// The most characters read for one sequence.
    static let longest = 64

    /// Reads the rest of a CSI sequence (`isCSI`) or an SS3 one from `next`, which gives the
    /// next character, or nil when none came in time.
    init(isCSI: Bool, next: () -> UInt32?) {
        for read in 0..<Self.longest {
            guard let character = next() else { return }
            let isLinuxFunctionKey = read == 0 && character == UInt32(UInt8(ascii: "["))
            let isFinal = !isCSI || ((0x40...0x7E).contains(character) && !isLinuxFunctionKey)
            if isFinal {
                final = character
                return
            }
            parameters.append(character)
        }
    }

    /// The parameters as text (characters past one byte left out).
    var parameterText: String {
        String(decoding: parameters.compactMap { UInt8(exactly: $0) }, as: UTF8.self)
    }

    /// Whether this is the rest of a bracketed paste's start marker (`ESC [ 2 0 0 ~`).
    var isPasteStart: Bool {
        final == UInt32(UInt8(ascii: "~")) && parameters == Self.pasteStartParameters
    }

    /// The parameters of a paste's start marker: `200`.
    private static let pasteStartParameters: [UInt32] = [0x32, 0x30, 0x30]

    /// The movement key of `ESC [ parameters final` or `ESC O final` without modifiers; nil for
    /// any other sequence, or one without its final character.
    var movementKey: Key? {
        guard let final, parameters.allSatisfy({ $0 <= 0xFF }), let finalByte = UInt8(exactly: final) else {
            return nil
        }
        switch (parameterText, finalByte) {
        case ("", UInt8(ascii: "A")): return .up
        case ("", UInt8(ascii: "B")): return .down
        case ("", UInt8(ascii: "C")): return .right
        case ("", UInt8(ascii: "D")): return .left
        case ("", UInt8(ascii: "H")), ("1", UInt8(ascii: "~")), ("7", UInt8(ascii: "~")): return .home
        case ("", UInt8(ascii: "F")), ("4", UInt8(ascii: "~")), ("8", UInt8(ascii: "~")): return .end
        case ("5", UInt8(ascii: "~")): return .pageUp
        case ("6", UInt8(ascii: "~")): return .pageDown
        default: return nil
        }
    }
}
