#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wakes the screen's thread from its wait for a key, from any thread: the end of indexing
/// is then shown at once (a `G` waiting for it lands), not at the next tick of the wait.
///
/// A pipe the wait watches beside the terminal's input; a wake-up not yet seen is one byte
/// in it (or more: several wake-ups before a wait are seen as one).
public final class LoopWakeup: @unchecked Sendable {
    /// The end the wait watches (readable once woken); -1 when no pipe could be made, and
    /// then ``signal()`` does nothing (the wait ends at its tick, as without a wake-up).
    public let descriptor: Int32
    private let writeEnd: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            descriptor = -1
            writeEnd = -1
            return
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Wakes the wait (now, or the next one to start).
    public func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)  // A full pipe already holds a wake-up.
    }

    /// Whether a wake-up came since the last call; takes it.
    public func consume() -> Bool {
        guard descriptor >= 0 else { return false }
        // Called at every turn of the wait: the bytes are read into the stack, not the heap.
        return withUnsafeTemporaryAllocation(byteCount: 64, alignment: 1) { buffer in
            var woken = false
            while read(descriptor, buffer.baseAddress, buffer.count) > 0 { woken = true }
            return woken
        }
    }
}
