import Foundation
import GazetteCore
import XCTest

/// Threads started beside the screen run their work, each once, however many start at once.
final class BackgroundThreadTests: XCTestCase {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [Int: Int] = [:]
        func ran(_ index: Int) { lock.withLock { runs[index, default: 0] += 1 } }
        var all: [Int: Int] { lock.withLock { runs } }
    }

    func testEveryThreadRunsItsWorkOnce() {
        let counter = Counter()
        let finished = DispatchSemaphore(value: 0)
        for index in 0..<64 {
            BackgroundThread.start(name: "gazette-test-\(index)") {
                counter.ran(index)
                finished.signal()
            }
        }
        for _ in 0..<64 { XCTAssertEqual(finished.wait(timeout: .now() + 30), .success) }
        XCTAssertEqual(counter.all, Dictionary(uniqueKeysWithValues: (0..<64).map { ($0, 1) }))
    }

    /// The work runs on a thread of its own, not the caller's.
    func testTheWorkRunsOnAThreadOfItsOwn() {
        let caller = pthread_self()
        let elsewhere = Counter()
        let done = DispatchSemaphore(value: 0)
        BackgroundThread.start(name: "gazette-test-own") {
            if pthread_equal(pthread_self(), caller) == 0 { elsewhere.ran(0) }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(elsewhere.all, [0: 1])
    }
}
