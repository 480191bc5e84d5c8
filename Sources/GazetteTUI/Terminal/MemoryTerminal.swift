import GazetteCore

/// A terminal in memory for tests: events are scripted, and the last presented canvas is kept.
public final class MemoryTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    /// The canvas last passed to `present`; blank before the first.
    public private(set) var screen: Canvas
    /// How many times `present` was called.
    public private(set) var presentCount = 0
    /// How many times `suspend(while:)` ran its body.
    public private(set) var suspendCount = 0
    /// Whether `shutdown()` was called.
    public private(set) var isShutDown = false
    private var queue: [InputEvent] = []
    private var head = 0

    public init(width: Int, height: Int) {
        size = (max(0, width), max(0, height))
        screen = Canvas(width: width, height: height)
    }

    /// Events not yet returned by `nextEvent`.
    public var pendingEvents: [InputEvent] { Array(queue[head...]) }

    /// Appends events to the script.
    public func send(_ events: [InputEvent]) {
        queue.append(contentsOf: events)
    }

    /// Appends one key event per character: "\n", "\r" and "\r\n" are Enter, "\t" Tab, ESC Escape,
    /// DEL Backspace, anything else `.char`.
    public func send(keys: String) {
        send(keys.map { .key(MemoryTerminal.key(for: $0)) })
    }

    /// Changes the size and queues the `.resize` event a real terminal would deliver.
    public func resize(width: Int, height: Int) {
        size = (max(0, width), max(0, height))
        queue.append(.resize(width: size.width, height: size.height))
    }

    public func present(_ canvas: Canvas) {
        screen = canvas
        presentCount += 1
    }

    /// The next scripted event at once, or nil when the script is used up (the timeout is ignored).
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        guard head < queue.count else { return nil }
        defer { head += 1 }
        return queue[head]
    }

    public func suspend(while body: () -> Void) {
        suspendCount += 1
        body()
    }

    public func shutdown() {
        isShutDown = true
    }

    private static func key(for character: Character) -> Key {
        switch character {
        case "\n", "\r", "\r\n": return .enter
        case "\t": return .tab
        case "\u{1B}": return .escape
        case "\u{7F}": return .backspace
        default: return .char(character)
        }
    }
}
