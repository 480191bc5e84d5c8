#if canImport(Glibc)
    import Glibc
#endif

/// Priorities of the threads that work beside the screen, so that drawing it (and the
/// terminal showing it) goes first on a busy machine. On Linux a thread keeps its own nice
/// value; elsewhere these do nothing.
public enum ThreadPriority {
    /// For a thread that prepares the first screen beside the main thread (the first batch,
    /// the state file's opening): when both cores are taken, the main thread goes first.
    public static func helpTheFirstScreen() {
        setNice(3)
    }

    /// For a thread whose work the screen does not wait for (indexing after the first batch,
    /// searching, checking the state file).
    public static func yieldToForeground() {
        setNice(10)
    }

    private static func setNice(_ value: Int32) {
        #if os(Linux)
            // who = 0 names the calling thread only.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, value)
        #endif
    }
}
