import Foundation
import GazetteCore
import GazetteTUI

/// A turn of the reader's loop that has no key to take while a search or indexing runs pauses
/// a little, as on a real terminal, which waits for a key up to 25 ms then: a ``MemoryTerminal``
/// answers at once, so the loop drew frame after frame of the same screen (half the CPU of the
/// search and indexing suites), and the search and indexing threads, at nice 10, waited behind it.
enum WaitingTurnPause {
    /// How long a waiting turn pauses, in microseconds: a fifth of the real terminal's wait.
    static let microseconds: useconds_t = 5_000

    /// The `failure` check of a ``ReaderApp`` over `reader` and `terminal`: `failure` (none by
    /// default), after pausing a waiting turn.
    static func check(
        _ reader: Reader, _ terminal: MemoryTerminal, then failure: @escaping () -> String? = { nil }
    ) -> () -> String? {
        { [weak reader, weak terminal] in
            if let reader, let terminal, terminal.pendingEvents.isEmpty,
                reader.searchProgress != nil || reader.indexing != nil
            {
                usleep(microseconds)
            }
            return failure()
        }
    }
}
