import Foundation
import GazetteCore

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "mkstate" {
    let store = try ReadingStateStore(path: arguments[3])
    var states: [ArticleID: ArticleState] = [:]
    for index in 0..<(Int(arguments[2]) ?? 0) {
        states[ArticleID(String(format: "%016x", index &* 2_654_435_761))] = ArticleState(
            isRead: index % 2 == 0, readAt: Date())
    }
    try store.setStates(states)
    exit(0)
}
if arguments.count >= 3, arguments[1] == "openstate" {
    let start = Date()
    _ = try ReadingStateStore(path: arguments[2], deferIntegrityCheck: arguments.count > 3)
    print(Date().timeIntervalSince(start) * 1000, "ms")
    exit(0)
}
guard arguments.count >= 3, arguments[1] == "index" else {
    print("usage: gazette-bench index FILE")
    exit(2)
}
let start = Date()
let sources = try SourceLoader.open(paths: [arguments[2]]).sources
let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
indexer.runToEnd()
let count = indexer.take().batches.reduce(0) { $0 + $1.summaries.count }
print(count, Date().timeIntervalSince(start))
