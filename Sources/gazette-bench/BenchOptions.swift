import Foundation

/// What `make bench` was asked to do.
struct BenchOptions {
    /// Article counts of the generated corpora.
    var sizes = [1000, 10000, 50000]
    /// Runs per tmux figure (the median is reported).
    var runs = 5
    /// The gazette binary under test.
    var gazette = "./.build/release/gazette"
    /// Our shared tools folder.
    var tools = "../shared/tools"
    /// This repository's scripts folder (pty_paint.py).
    var scripts = "scripts"
    /// Only the figures whose name holds this word (all when nil).
    var only: String?
    /// Where corpora are generated.
    var work = NSTemporaryDirectory() + "gazette-bench"
    /// Run as the harness's yardstick instead: draw a line like Gazette's divider this many
    /// milliseconds after starting, then wait for a key.
    var paintAfter: Double?

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes":
                sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--gazette": gazette = iterator.next() ?? gazette
            case "--tools": tools = iterator.next() ?? tools
            case "--scripts": scripts = iterator.next() ?? scripts
            case "--work": work = iterator.next() ?? work
            case "--only": only = iterator.next()
            case "--paint-after": paintAfter = Double(iterator.next() ?? "")
            default:
                FileHandle.standardError.write(Data("gazette-bench: unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}
