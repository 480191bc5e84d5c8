import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a memory-mapped news file from crashing the process when the file shrinks under
/// it (truncated, or rewritten in place by a downloader) while it is open.
///
/// Reading a mapped page that lies past the file's new end raises SIGBUS. The guard's
/// handler maps a page of zeros over the faulting page when it belongs to a registered
/// mapping, records that the mapping lost bytes, and lets the read go on: the reader sees
/// NUL bytes, which every parser already tolerates. A SIGBUS anywhere else, or one sent by
/// `kill`, runs the hook given (the reader's, which gives the terminal back) and goes to the
/// handler that was installed before (or the default action), as if the guard were not there.
public enum MappedFileGuard {
    /// How many mappings can be guarded at once; ``register(_:length:)`` returns nil past it
    /// and the caller reads the file into memory instead.
    static let capacity = 1024

    /// A registered mapping: its slot in the table.
    struct Registration: Sendable {
        fileprivate let slot: Int
    }

    /// Guards `length` bytes mapped at `base`; nil when the table is full.
    static func register(_ base: UnsafeRawPointer, length: Int) -> Registration? {
        lock.lock()
        defer { lock.unlock() }
        installIfNeeded()
        for slot in 0..<capacity where table[slot * 3 + 1] == 0 {
            let start = UInt(bitPattern: Int(bitPattern: base))
            table[slot * 3 + 2] = 0
            table[slot * 3] = start
            table[slot * 3 + 1] = start + UInt(length)
            return Registration(slot: slot)
        }
        return nil
    }

    /// Stops guarding a mapping (before it is unmapped).
    static func unregister(_ registration: Registration) {
        lock.lock()
        defer { lock.unlock() }
        table[registration.slot * 3 + 1] = 0
        table[registration.slot * 3] = 0
    }

    /// True once a read of the mapping found the file shorter than when it was mapped.
    static func lostBytes(_ registration: Registration) -> Bool {
        table[registration.slot * 3 + 2] != 0
    }

    /// Runs `hook` (async-signal-safe) before the process ends by a SIGBUS that is not a
    /// guarded mapping's (sent from outside, or a fault elsewhere); nil runs nothing.
    public static func setForeignBusErrorHook(_ hook: (@convention(c) () -> Void)?) {
        lock.lock()
        defer { lock.unlock() }
        installIfNeeded()
        foreignHook = hook
    }

    // MARK: The table and the handler

    /// Three words a slot: start, end (0 when free) and a flag set by the handler.
    private nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt> = {
        let table = UnsafeMutablePointer<UInt>.allocate(capacity: capacity * 3)
        table.initialize(repeating: 0, count: capacity * 3)
        return table
    }()
    private nonisolated(unsafe) static var previous = sigaction()
    private nonisolated(unsafe) static var installed = false
    private nonisolated(unsafe) static var foreignHook: (@convention(c) () -> Void)?
    private static let lock = NSLock()

    private static func installIfNeeded() {
        guard !installed else { return }
        _ = table
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_sigaction = handleBusError
        #else
            action.__sigaction_u.__sa_sigaction = handleBusError
        #endif
        action.sa_flags = SA_SIGINFO | SA_NODEFER
        sigemptyset(&action.sa_mask)
        if sigaction(SIGBUS, &action, &previous) == 0 { installed = true }
    }

    /// The SIGBUS handler: only async-signal-safe work (a table scan and an `mmap`).
    private static let handleBusError:
        @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
            _, info, _ in
            // Sent (`kill`, `sigqueue`, `tkill`: a code of 0 or less) is no fault, whatever
            // its address field holds (the sender's pid and uid).
            let sent = info.map { $0.pointee.si_code <= 0 } ?? true
            #if canImport(Glibc)
                let address = info.map {
                    UInt(bitPattern: Int(bitPattern: $0.pointee._sifields._sigfault.si_addr))
                }
            #else
                let address = info.map { UInt(bitPattern: Int(bitPattern: $0.pointee.si_addr)) }
            #endif
            if !sent, let address {
                for slot in 0..<MappedFileGuard.capacity {
                    let start = MappedFileGuard.table[slot * 3]
                    let end = MappedFileGuard.table[slot * 3 + 1]
                    guard end != 0, address >= start, address < end else { continue }
                    let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
                    let page = address & ~(pageSize - 1)
                    let zeros = mmap(
                        UnsafeMutableRawPointer(bitPattern: page), Int(pageSize), PROT_READ,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
                    if zeros != MAP_FAILED {
                        MappedFileGuard.table[slot * 3 + 2] = 1
                        return
                    }
                    break
                }
            }
            // Not ours: the terminal is given back, as for the other crash signals (it was left
            // raw on the alternate screen), and the earlier disposition put back; the faulting
            // read runs again and meets it, a signal sent is raised again for it (it did nothing).
            MappedFileGuard.foreignHook?()
            sigaction(SIGBUS, &MappedFileGuard.previous, nil)
            guard sent else { return }
            raise(SIGBUS)
            // Still here (the earlier handler, the Swift runtime's, returned as from a fault
            // that would run again): ended by it, as a crash signal sent is.
            signal(SIGBUS, SIG_DFL)
            raise(SIGBUS)
        }
}
