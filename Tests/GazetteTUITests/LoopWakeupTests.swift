import Foundation
import GazetteTUI
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The wake-up the screen's wait watches: a signal from any thread is seen once, however
/// many came, and never blocks the thread that gives it.
final class LoopWakeupTests: XCTestCase {
    func testASignalIsSeenOnce() {
        let wakeup = LoopWakeup()
        XCTAssertGreaterThanOrEqual(wakeup.descriptor, 0)
        XCTAssertFalse(wakeup.consume(), "nothing yet")
        wakeup.signal()
        XCTAssertTrue(wakeup.consume())
        XCTAssertFalse(wakeup.consume(), "taken")
    }

    func testManySignalsNeitherBlockNorCountTwice() {
        let wakeup = LoopWakeup()
        for _ in 0..<200_000 { wakeup.signal() }  // More than a pipe holds.
        XCTAssertTrue(wakeup.consume())
        XCTAssertFalse(wakeup.consume())
    }

    /// A wait on the descriptor, with no end of its own, ends when another thread signals.
    func testASignalFromAnotherThreadEndsAWait() {
        let wakeup = LoopWakeup()
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            started.wait()
            usleep(20_000)
            wakeup.signal()
        }
        thread.start()
        started.signal()
        var watched = [pollfd(fd: wakeup.descriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&watched, 1, 60_000)  // a bound for a broken wake-up, not a target
        XCTAssertEqual(ready, 1)
        XCTAssertNotEqual(watched[0].revents & Int16(POLLIN), 0)
        XCTAssertTrue(wakeup.consume())
    }
}
