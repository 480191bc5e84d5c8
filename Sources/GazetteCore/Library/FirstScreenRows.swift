import Foundation

/// The first screen's rows as the indexer finds them, whose credits and reading times are
/// worked out by whichever thread is free: the screen's thread while it waits for the first
/// batch (curses is up by then, and the indexing thread still parses), and the indexing
/// thread for what is left when the batch is complete.
final class FirstScreenRows: @unchecked Sendable {
    private let condition = NSCondition()
    private let source: OpenedSource
    private let capacity: Int
    private var rows: [ArticleSummary] = []
    /// Rows handed to a thread so far (in order), and of them, those whose details are in.
    private var claimed = 0
    private var done = 0
    /// Rows the screen's thread has been shown (``help(until:preparing:)``).
    private var shown = 0
    private var details: [ArticleID: ArticleDetails] = [:]
    /// Whether the batch is complete: no row comes after it.
    private var closed = false

    /// Rows of `source`, at most `capacity` of them.
    init(source: OpenedSource, capacity: Int) {
        self.source = source
        self.capacity = capacity
    }

    /// A row the indexer found (beyond `capacity`, or once closed, nothing happens).
    func offer(_ summary: ArticleSummary) {
        condition.withLock {
            guard !closed, rows.count < capacity else { return }
            rows.append(summary)
            condition.broadcast()
        }
    }

    /// Works out rows' details as they come until the batch is complete or `deadline`,
    /// calling `prepare` once with each row first (the screen lays out the story it will
    /// show). Called on the screen's thread.
    func help(until deadline: Date, preparing prepare: ((ArticleSummary) -> Void)?) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let prepare, shown < rows.count {
                let row = rows[shown]
                shown += 1
                condition.unlock()
                prepare(row)
                condition.lock()
                continue
            }
            if claimed < rows.count {
                workOnNextRow()
                continue
            }
            if closed || !condition.wait(until: deadline) { return }
        }
    }

    /// Waits until the first row is found or the batch is closed (indexing ended before it),
    /// at most until `deadline`: true when a row was found, false when none will be, nil when
    /// the time ran out first.
    func waitForFirstRow(until deadline: Date) -> Bool? {
        condition.withLock {
            while rows.isEmpty && !closed {
                if !condition.wait(until: deadline) { break }
            }
            return !rows.isEmpty ? true : closed ? false : nil
        }
    }

    /// Closes the batch without working on it: indexing went on without it.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Closes the batch, works out the details of rows no thread has taken, waits for those
    /// another thread is working on, and returns them all. Called on the indexing thread.
    func finish() -> [ArticleID: ArticleDetails] {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while claimed < rows.count { workOnNextRow() }
        while done < claimed { condition.wait() }
        return details
    }

    /// Takes the next row and works out its details outside the lock (held on entry and on
    /// return).
    private func workOnNextRow() {
        let row = rows[claimed]
        claimed += 1
        condition.unlock()
        let found = source.details(row)
        condition.lock()
        details[row.id] = found
        done += 1
        condition.broadcast()
    }
}
