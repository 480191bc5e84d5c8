/// The text of a bracketed paste after its start marker, read up to its end marker
/// (`ESC [ 2 0 1 ~`): at most ``longest`` characters are kept, the rest read and dropped. The
/// end marker's Esc may come apart from the rest of it.
struct PastedText: Equatable {
    /// The text, its end marker left out.
    private(set) var text: String = ""
    /// Whether characters past ``longest`` were dropped.
    private(set) var cut = false

    /// The longest paste kept, in characters.
    static let longest = 4096

    /// The end marker: `ESC [ 2 0 1 ~`.
    private static let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    /// Reads the paste from `next`, which gives the next character (nil when nothing more came
    /// in time, which ends the paste too; a key that is no character is skipped by the caller).
    init(next: () -> UInt32?) {
        var kept: [UInt32] = []
        var tail: [UInt32] = []
        while let character = next() {
            tail.append(character)
            if tail.count > Self.end.count { tail.removeFirst() }
            if tail == Self.end {
                // The end marker's first characters were kept as text (unless the paste was cut).
                if kept.suffix(Self.end.count - 1).elementsEqual(Self.end.dropLast()) {
                    kept.removeLast(Self.end.count - 1)
                }
                break
            }
            if kept.count < Self.longest { kept.append(character) } else { cut = true }
        }
        for character in kept {
            if let scalar = Unicode.Scalar(character) { text.unicodeScalars.append(scalar) }
        }
    }
}
