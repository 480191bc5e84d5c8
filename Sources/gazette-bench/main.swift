import Foundation
import GazetteCore

// `make bench`: every figure of the archive-scale issue next to its anchor, measured in
// the same run. Corpora come from ../shared/tools/gen_corpus.py into a temporary folder.

let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchOptions(arguments)
if let delay = options.paintAfter {
    // A yardstick for tmux_paint: how a program that paints `delay` ms after it starts is seen.
    let start = DispatchTime.now().uptimeNanoseconds
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 < delay {}
    FileHandle.standardOutput.write(Data("─── 1/ yardstick\n".utf8))
    _ = readLine()
    exit(0)
}
let bench = Bench(options: options)
do {
    try bench.run()
} catch {
    FileHandle.standardError.write(Data("gazette-bench: \(error)\n".utf8))
    exit(1)
}
