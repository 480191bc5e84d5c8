/// The time after a lone Esc in which a `[` or `O` is the rest of the Esc's sequence, not a
/// key: over a slow link a key's sequence can come in parts further apart than ncurses waits
/// (Up as Esc, then `[A`).
struct LoneEscapeWindow {
    /// How soon after a lone Esc a `[` or `O` is taken for the rest of its sequence.
    static let span: Duration = .milliseconds(500)
    /// When the last Esc read alone came, until the next character.
    private var escapeAt: ContinuousClock.Instant?

    /// An Esc came alone (nothing after it in ncurses' wait) at `time`.
    mutating func escapeCameAlone(at time: ContinuousClock.Instant) {
        escapeAt = time
    }

    /// Whether `character`, read at `time`, starts the rest of a lone Esc's sequence: a `[`
    /// or `O` right after it (no other character between), within ``span``. The Esc is
    /// forgotten either way.
    mutating func continuesSequence(_ character: UInt32, at time: ContinuousClock.Instant) -> Bool {
        defer { escapeAt = nil }
        guard let escapeAt, character == UInt32(UInt8(ascii: "[")) || character == UInt32(UInt8(ascii: "O"))
        else { return false }
        return time - escapeAt < Self.span
    }
}
