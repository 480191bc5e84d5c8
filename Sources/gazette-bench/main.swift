import Foundation
import GazetteCore

// `make bench`: every figure of the archive-scale issue next to its anchor, measured in
// the same run. Corpora come from ../shared/tools/gen_corpus.py into a temporary folder.

let arguments = Array(CommandLine.arguments.dropFirst())
let options = BenchOptions(arguments)
let bench = Bench(options: options)
do {
    try bench.run()
} catch {
    FileHandle.standardError.write(Data("gazette-bench: \(error)\n".utf8))
    exit(1)
}
