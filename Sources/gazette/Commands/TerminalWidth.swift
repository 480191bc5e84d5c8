#if canImport(Glibc)
    import Glibc
#endif

/// The width of the terminal standard output writes to.
enum TerminalWidth {
    /// Columns of the terminal, or nil when standard output is not one.
    static func current() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
