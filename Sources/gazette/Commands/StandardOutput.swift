import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes to standard output, stopping quietly when the reader has gone (`| head -1`); any
/// other failure to write (a full disk) is the command's failure, never a quiet success.
struct StandardOutput {
    /// Writes all of `text`; false once the reader of standard output has gone.
    @discardableResult
    func write(_ text: String) throws(CommandFailure) -> Bool {
        var text = text
        let failure: Int32? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let failure else { return true }
        if failure == EPIPE { return false }
        throw CommandFailure("cannot write the output: " + String(cString: strerror(failure)))
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
