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
        guard let failure = StandardOutput.writeAll(text, to: STDOUT_FILENO) else { return true }
        if failure == EPIPE { return false }
        throw CommandFailure("cannot write the output: " + String(cString: strerror(failure)))
    }

    /// Writes all of `text` to `descriptor`, again after an interruption; the `errno` of a
    /// write that failed, or nil.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
