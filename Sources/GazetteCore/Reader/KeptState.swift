import Foundation

/// An ``ArticleState`` in 16 bytes, as the reader keeps one for every story whose state is
/// stored (``ArticleState`` takes 32: a full state on 200,000 stories gave its table 56 bytes a
/// slot, 40 now).
struct KeptState {
    /// The scroll line, with the read flag in the top bit and the flag in the next one.
    private let bits: UInt64
    /// The read time in seconds from 2001 (as `Date` keeps it), NaN for none.
    private let readSeconds: Double

    private static let readBit: UInt64 = 1 << 63
    private static let flagBit: UInt64 = 1 << 62
    /// The highest scroll line kept; a higher one (a damaged file's) is kept as this.
    static let maxScrollLine = Int(flagBit - 1)

    init(_ state: ArticleState) {
        var bits = UInt64(min(state.scrollLine, Self.maxScrollLine))
        if state.isRead { bits |= Self.readBit }
        if state.isFlagged { bits |= Self.flagBit }
        self.bits = bits
        readSeconds = state.readAt?.timeIntervalSinceReferenceDate ?? .nan
    }

    var isRead: Bool { bits & Self.readBit != 0 }
    var isFlagged: Bool { bits & Self.flagBit != 0 }

    /// The state kept.
    var state: ArticleState {
        ArticleState(
            isRead: isRead,
            readAt: readSeconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: readSeconds),
            isFlagged: isFlagged, scrollLine: Int(bits & (Self.flagBit - 1)))
    }

    /// This state with the scroll line `line`.
    func scrolled(to line: Int) -> KeptState {
        var state = self.state
        state.scrollLine = line
        return KeptState(state)
    }
}
