import Foundation

/// Where a part of a big file indexed in parts starts or ends (a dump's or a feed's): the
/// cut, looked for only when a thread first needs it. Looking for it reads a part of the file
/// that is mostly not in memory yet; the first screen does not wait for that, only the first
/// part's parse once it gets near it (or a helper thread, once the screen is out).
public final class LatePartEnd: @unchecked Sendable {
    /// The part ends no earlier than this.
    public let atLeast: Int
    private let find: () -> Int?
    private let lock = NSLock()
    private var found: Int??

    /// An end no earlier than `atLeast`, found by `find` (nil: no cut, the part runs to the
    /// end of the file) on the first thread that asks, once; a cut before `atLeast` is taken
    /// for none (text up to `atLeast` may have been read already). `find` must not parse: it
    /// may run between the chunks of a parse.
    init(atLeast: Int, find: @escaping () -> Int?) {
        self.atLeast = atLeast
        self.find = find
    }

    /// The cut, looked for now if no thread has yet; nil when there is none.
    var value: Int? {
        lock.withLock {
            if let found { return found }
            let cut = find().flatMap { $0 >= atLeast ? $0 : nil }
            found = .some(cut)
            return cut
        }
    }

    /// The cut if it was looked for already (`.some(nil)`: there is none); nil otherwise.
    var valueIfKnown: Int?? {
        lock.withLock { found }
    }
}
