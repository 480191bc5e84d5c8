import Foundation

/// The files of ``SourceChecks`` checked on a thread of their own, a few ahead of the
/// indexing, which takes them in order: a folder's files are checked and indexed on two CPUs.
final class CheckAhead: @unchecked Sendable {
    /// One step of the checks: the source it opened, if any, the bytes it was reckoned at,
    /// the files checked so far, and the warnings told for good with it.
    struct Checked {
        var opened: OpenedSource?
        var reckonedBytes: Int
        var filesChecked: Int
        var warnings: [String]
    }

    /// Steps checked and not taken yet, at most.
    static let ahead = 64

    private let condition = NSCondition()
    private var ready: [Checked] = []
    /// Where the steps not taken yet start in `ready`.
    private var head = 0
    private var finished = false
    private var stopped = false

    /// Starts checking the files of `checks`, which only this thread uses from now on.
    init(_ checks: SourceChecks) {
        BackgroundThread.start(name: "gazette-checker") { [self] in
            ThreadPriority.yieldToForeground()
            var told = 0
            while !checks.isDone {
                let step = try? checks.checkNext()
                let later = checks.laterWarnings
                let checked = Checked(
                    opened: step?.opened, reckonedBytes: step?.reckonedBytes ?? 0,
                    filesChecked: checks.filesChecked, warnings: Array(later.dropFirst(told)))
                told = later.count
                guard put(checked) else { return }
            }
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
    }

    /// Queues a step, waiting while enough are ahead; false once stopped.
    private func put(_ checked: Checked) -> Bool {
        condition.withLock {
            while ready.count - head >= CheckAhead.ahead && !stopped { condition.wait() }
            guard !stopped else { return false }
            ready.append(checked)
            condition.broadcast()
            return true
        }
    }

    /// The next step checked, in order (waiting for it); nil once every file is checked or
    /// after `stop`.
    func next() -> Checked? {
        condition.withLock {
            while head == ready.count && !finished && !stopped { condition.wait() }
            guard head < ready.count, !stopped else { return nil }
            let checked = ready[head]
            head += 1
            // The steps taken are dropped now and then, not one by one (each drop moves the rest).
            if head >= 1024 {
                ready.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return checked
        }
    }

    /// How many steps are checked and not taken (for tests).
    var waiting: Int { condition.withLock { ready.count - head } }

    /// Stops the checking at its next step.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
