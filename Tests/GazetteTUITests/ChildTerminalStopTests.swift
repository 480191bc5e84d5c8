import Foundation
import XCTest

@testable import GazetteTUI

#if canImport(Glibc)
    import Glibc
#endif

/// While a program the reader started has the terminal (a browser in it, `o`), Ctrl-Z stops the
/// reader by SIGTSTP's default action, not by its handler: ncurses' set the reader's modes up at
/// `fg` and drew its screen over the browser still running (found by QA). The handler is back
/// once the program ends.
final class ChildTerminalStopTests: XCTestCase {
    /// Whether this process catches `signal` and whether it ignores it (`SigCgt`, `SigIgn`).
    private static func disposition(of signal: Int32) throws -> (caught: Bool, ignored: Bool) {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        func mask(_ name: String) throws -> UInt64 {
            let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix(name + ":") })
            return try XCTUnwrap(
                UInt64(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16))
        }
        let bit = UInt64(1) << UInt64(signal - 1)
        return (try mask("SigCgt") & bit != 0, try mask("SigIgn") & bit != 0)
    }

    func testCtrlZTakesItsDefaultWhileAChildHasTheTerminal() throws {
        // A handler, as the reader's (and ncurses' behind it) is.
        let before = signal(SIGTSTP) { _ in }
        defer { signal(SIGTSTP, before) }
        XCTAssertEqual(try Self.disposition(of: SIGTSTP).caught, true)
        var inside: (caught: Bool, ignored: Bool)?
        var nested: (caught: Bool, ignored: Bool)?
        CursesTerminal.whileAChildHasTheTerminal {
            inside = try? Self.disposition(of: SIGTSTP)
            CursesTerminal.whileAChildHasTheTerminal {}
            nested = try? Self.disposition(of: SIGTSTP)
        }
        XCTAssertEqual(inside?.caught, false, "stopped by the default action")
        XCTAssertEqual(inside?.ignored, false, "not ignored: the reader stops with the program")
        XCTAssertEqual(nested?.caught, false, "a hand-over within one leaves the default")
        XCTAssertEqual(try Self.disposition(of: SIGTSTP).caught, true, "the handler is back")
    }
}
