import Foundation
import GazetteCore
import GazetteTUI

/// Generates the corpora, measures every figure and prints the table.
struct Bench {
    let options: BenchOptions

    private var paint: Paint { Paint(tools: options.tools, runs: options.runs) }
    /// Runs many times: each run is short, and this machine's noise is a few milliseconds.
    private var ptyPaint: PtyPaint {
        PtyPaint(script: options.scripts + "/pty_paint.py", runs: max(21, options.runs))
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
        var rows: [(String, String, String)] = []
        func row(_ figure: String, _ value: String, _ anchor: String) {
            rows.append((figure, value, anchor))
            print(String(format: "  %-58@ %-24@ %@", figure, value, anchor))
        }
        print("gazette-bench: \(machine())")
        if options.only == "search" {
            for (query, figures) in try searchTimes() {
                row("search \(query), 100,000 articles: first results / all", figures.0, figures.1)
            }
            let feed = try corpus(options.sizes.max() ?? 50000, format: "rss", ext: "xml")
            for (query, figures) in try searchTimes(feed: feed, queries: ["reykjavik"]) {
                row("search \(query), RSS: first results / all", figures.0, figures.1)
            }
            return
        }
        if options.only == "keys" {
            for (label, cost) in try keypressCosts() { row("keypress \(label)", cost, "") }
            return
        }
        let largest = options.sizes.max() ?? 50000
        if options.only == "firstframe" {
            for path in [
                try corpus(largest, format: "text", ext: "txt"),
                try corpus(largest, format: "rss", ext: "xml"),
            ] {
                let sources = try SourceLoader.open(paths: [path]).sources
                let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
                indexer.start()
                indexer.waitForFirstBatch(seconds: 5)
                let catalog = ArticleCatalog(sources: sources)
                let tracker = try ReadingTracker(store: InMemoryReadingStateStore(), ids: [])
                let reader = Reader(catalog: catalog, tracker: tracker, width: 120, height: 40)
                reader.absorb(indexer.take().batches, progress: indexer.currentProgress)
                indexer.cancel()
                var canvas = Canvas(width: 120, height: 40)
                var start = Date()
                _ = catalog.details(at: 0)
                row("details of row 1", ms(Date().timeIntervalSince(start) * 1000), path)
                start = Date()
                for position in 1..<12 { _ = catalog.details(at: position) }
                row("details of rows 2-12", ms(Date().timeIntervalSince(start) * 1000), "")
                start = Date()
                _ = reader.selectedLayout
                row("layout of story 1", ms(Date().timeIntervalSince(start) * 1000), "")
                start = Date()
                ScreenView.render(reader, into: &canvas)
                row("first render (rest)", ms(Date().timeIntervalSince(start) * 1000), "")
                start = Date()
                ScreenView.render(reader, into: &canvas)
                row("second render", ms(Date().timeIntervalSince(start) * 1000), "")
                reader.apply(.down)
                start = Date()
                _ = reader.selectedLayout
                row("layout of story 2", ms(Date().timeIntervalSince(start) * 1000), "")
            }
            return
        }
        /// The dump index's throughput in process, as the table gives it.
        func throughputRow(_ path: String) throws {
            let throughput = try parserThroughput(path)
            row(
                "dump index throughput (two threads), \(largest)",
                String(format: "%.0f MiB/s", throughput.split),
                "one thread: \(String(format: "%.0f MiB/s", throughput.single))")
        }
        if options.only == "index" {
            // The dump index alone (for profiling it).
            try throughputRow(try corpus(largest, format: "text", ext: "txt"))
            return
        }
        if options.only == "reread" {
            for (label, time) in try feedRereadTimes(try corpus(largest, format: "rss", ext: "xml")) {
                row(label, time, "")
            }
            return
        }
        if options.only == "feed" {
            let path = try corpus(largest, format: "rss", ext: "xml")
            let opened = try SourceLoader.open(paths: [path]).sources[0]
            let start = Date()
            let cut = opened.articleBoundary(after: opened.bytes.count / 2)
            row("finding where to cut it", ms(Date().timeIntervalSince(start) * 1000), "at byte \(cut ?? -1)")
            if let cut {
                for part in [0..<cut, cut..<opened.bytes.count] {
                    let start = Date()
                    var count = 0
                    opened.index(in: part) { _, _ in
                        count += 1
                        return true
                    }
                    row("part \(part) alone", ms(Date().timeIntervalSince(start) * 1000), "\(count) items")
                }
            }
            let times = try feedParseTimes(path)
            row(
                "\(largest)-item RSS: whole file parsed (two threads)", ms(times.split),
                "one thread: \(ms(times.single))")
            return
        }
        if options.only == "jump" {
            // Launch → `G` on the largest dump alone: in tmux and on the pty, with their anchors.
            let big = try corpus(largest, format: "text", ext: "txt")
            let state = options.work + "/state-empty.sqlite"
            try? FileManager.default.removeItem(atPath: state)
            try jumpRows(big, count: largest, state: state, row: row)
            return
        }
        var dumps: [Int: String] = [:]
        for size in options.sizes { dumps[size] = try corpus(size, format: "text", ext: "txt") }
        guard let big = dumps[largest] else { return }
        let state = options.work + "/state-empty.sqlite"
        try? FileManager.default.removeItem(atPath: state)

        // The harness sees a screen only when it polls (every 10 ms): a yardstick program
        // that paints N ms after it starts shows what any program painting then would get.
        for delay in [0, 5, 10] {
            let yardstick = try paint.measure(
                [
                    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "--paint-after",
                    String(delay),
                ], ready: "─── 1/", quit: "x Enter")
            row(
                "yardstick: a Swift binary that paints \(delay) ms after start", ms(yardstick.firstPaint),
                "tmux_paint polls every 10 ms")
        }
        let bigTitle = try firstLine(big)
        let less = try paint.measure(
            ["less", big], ready: NSRegularExpression.escapedPattern(for: bigTitle), quit: "q")
        for size in options.sizes.sorted() {
            guard let dump = dumps[size] else { continue }
            let result = try paint.measure(
                [options.gazette, dump, "--state", state], ready: "─── 1/")
            row(
                "launch → first screen, \(size) articles (dump)", ms(result.firstPaint),
                "less: \(ms(less.firstPaint)) (\(largest))")
        }
        try tmuxJumpRows(big, count: largest, state: state, row: row)

        let rss = try corpus(largest, format: "rss", ext: "xml")
        let rssPaint = try paint.measure([options.gazette, rss, "--state", state], ready: "─── 1/")
        row(
            "\(largest)-item RSS: launch → first screen", ms(rssPaint.firstPaint),
            "less: \(ms(less.firstPaint))")
        let rssLast = try launchToLast(rss, count: largest, state: state)
        row(
            "\(largest)-item RSS: peak resident memory, launch + G + quit", mib(rssLast.peakRSSKiB ?? 0),
            "file: \(mib(fileSizeKiB(rss))); newsboat: 527 MiB")
        for (label, time) in try feedRereadTimes(rss) { row(label, time, "bodies parsed again, not kept") }

        // The same first screens timed on a pty as the output arrives: no 10 ms polling.
        let floor = try ptyPaint.measure(["echo", "READY"], ready: "READY")
        row("on a pty: `echo READY` (the harness's own cost)", ms(floor), "")
        let lessPty = try ptyPaint.measure(
            ["less", big], ready: NSRegularExpression.escapedPattern(for: bigTitle), quit: "q")
        row("on a pty: less shows the first page, \(largest)", ms(lessPty), "2× = \(ms(2 * lessPty))")
        // Each taken in turn with less, run for run: the ratio is what a slow stretch of this
        // machine changes least.
        let lessInTurn = PtyPaint.Anchor(
            command: ["less", big], ready: NSRegularExpression.escapedPattern(for: bigTitle))
        func inTurn(_ label: String, _ path: String) throws {
            let first = try ptyPaint.measure(
                [options.gazette, path, "--state", state], ready: "─── 1/", inTurnWith: lessInTurn)
            row(
                "on a pty: \(label): launch → first screen", ms(first.median),
                String(format: "less in turn: %@; ratio %.2f× (≤ 2×)", ms(first.anchorMedian), first.ratio))
        }
        for size in options.sizes.sorted() {
            guard let dump = dumps[size] else { continue }
            try inTurn("\(size) articles (dump)", dump)
        }
        try inTurn("\(largest)-item RSS", rss)
        try ptyJumpRow(big, count: largest, state: state, row: row)
        let feedTimes = try feedParseTimes(rss)
        row(
            "\(largest)-item RSS: whole file parsed (two threads)", ms(feedTimes.split),
            "one thread: \(ms(feedTimes.single)); issue: ≤ 3 s; newsboat 17 s")

        try throughputRow(big)

        for (label, cost) in try keypressCosts() {
            row("keypress \(label)", cost, "")
        }

        for (query, figures) in try searchTimes() {
            row("search \(query), 100,000 articles: first results / all", figures.0, figures.1)
        }
        for (query, figures) in try searchTimes(feed: rss, queries: ["reykjavik"]) {
            row("search \(query), \(largest)-item RSS: first results / all", figures.0, figures.1)
        }

        let bigState = options.work + "/state-100k.sqlite"
        try makeState(bigState, entries: 100_000)
        let withState = try paint.measure([options.gazette, big, "--state", bigState], ready: "─── 1/")
        let withoutState = try paint.measure([options.gazette, big, "--state", state], ready: "─── 1/")
        row(
            "state with 100,000 entries: added start-up time",
            ms(withState.firstPaint - withoutState.firstPaint),
            "\(ms(withState.firstPaint)) vs \(ms(withoutState.firstPaint))")

        if Shell.has("newsboat") {
            row("newsboat", "see ../shared/tools/anchor_newsboat.sh", "")
        } else {
            row("newsboat anchors", "not installed here", "issue figures: 647 ms, 1,266 ms, 527 MiB")
        }
        print("")
        print("| figure | Gazette | anchor (same run) |")
        print("|---|---|---|")
        for (figure, value, anchor) in rows { print("| \(figure) | \(value) | \(anchor) |") }
    }

    // MARK: launch → G

    /// Launch → `G` on `big` in tmux (with peak memory) and on the pty, with their anchors.
    private func jumpRows(
        _ big: String, count: Int, state: String, row: (String, String, String) -> Void
    ) throws {
        try tmuxJumpRows(big, count: count, state: state, row: row)
        try ptyJumpRow(big, count: count, state: state, row: row)
    }

    /// Launch → `G` in tmux next to 3× `wc -l`, and the peak resident memory of that run.
    private func tmuxJumpRows(
        _ big: String, count: Int, state: String, row: (String, String, String) -> Void
    ) throws {
        let wc = try Shell.time(["wc", "-l", big], runs: options.runs) * 1000
        let last = try launchToLast(big, count: count, state: state)
        row(
            "launch → G shows the last story, \(count)", ms(last.launchToKey ?? 0),
            "wc -l: \(ms(wc)); 3× = \(ms(3 * wc))")
        row(
            "peak resident memory, launch + G + quit", mib(last.peakRSSKiB ?? 0),
            "file: \(mib(fileSizeKiB(big)))")
    }

    /// `G` at once, in turn with `wc -l` on the same pty (its count is its "screen").
    private func ptyJumpRow(
        _ big: String, count: Int, state: String, row: (String, String, String) -> Void
    ) throws {
        let lastOnPty = try ptyPaint.measure(
            [options.gazette, big, "--state", state], ready: "─── 1/", key: "G",
            keyReady: GroupedCount.text(count) + "/" + GroupedCount.text(count) + " ",
            inTurnWith: PtyPaint.Anchor(command: ["wc", "-l", big], ready: "^\\s*[0-9]+ ", quit: ""))
        row(
            "on a pty: launch → G shows the last story, \(count)", ms(lastOnPty.median),
            String(
                format: "wc -l in turn: %@; ratio %.2f× (≤ 3×)", ms(lastOnPty.anchorMedian), lastOnPty.ratio))
    }

    // MARK: corpora

    private func corpus(_ size: Int, format: String, ext: String) throws -> String {
        let path = "\(options.work)/news\(size).\(ext)"
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.run([
                "python3", "\(options.tools)/gen_corpus.py", "--seed", "1", "--articles", String(size),
                "--format", format,
                "--out", path,
            ])
        }
        return path
    }

    private func firstLine(_ path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        return String(head.split(separator: "\n").first ?? "")
    }

    private func fileSizeKiB(_ path: String) -> Double {
        // Through a link to a corpus made elsewhere (`--work` holding links to them), its file's.
        let file = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        return Double(size) / 1024
    }

    // MARK: in-process figures

    /// MiB/s of the dump index, with the background indexer (in parts, on its threads) and on one thread.
    private func parserThroughput(_ path: String) throws -> (split: Double, single: Double) {
        let sources = try SourceLoader.open(paths: [path]).sources
        let mebibytes = Double(sources[0].bytes.count) / 1_048_576
        var split: [Double] = []
        var single: [Double] = []
        for _ in 0..<options.runs {
            var start = Date()
            let indexer = BackgroundIndexer(sources: sources) { _ in [:] }
            indexer.runToEnd()
            split.append(mebibytes / Date().timeIntervalSince(start))
            start = Date()
            _ = sources[0].indexAll()
            single.append(mebibytes / Date().timeIntervalSince(start))
        }
        return (median(split), median(single))
    }

    /// Milliseconds to parse a whole feed file (every item, no rendering) as the reader
    /// does (the background indexer, two threads), and on one thread; medians.
    /// Launch, `G` at the first screen (it waits for the whole file), quit: with peak memory.
    private func launchToLast(_ path: String, count: Int, state: String) throws -> Paint.Result {
        try paint.measure(
            [options.gazette, path, "--state", state], ready: "─── 1/", key: "G",
            keyReady: GroupedCount.text(count) + "/" + GroupedCount.text(count) + " ",
            peakRSS: true)
    }

    /// A big feed's bodies are parsed again when shown: the time for a story picked at random
    /// (nothing near it parsed yet) and for the story after it (its neighbours just parsed).
    private func feedRereadTimes(_ path: String) throws -> [(String, String)] {
        let sources = try SourceLoader.open(paths: [path]).sources
        let catalog = ArticleCatalog.indexed(sources)
        let count = catalog.entries.count
        guard count > 200 else { return [] }
        var random = SystemRandomNumberGenerator()
        var cold: [Double] = []
        var next: [Double] = []
        for _ in 0..<200 {
            let position = Int.random(in: 100..<(count - 1), using: &random)
            var start = Date()
            _ = catalog.article(at: position)
            cold.append(Date().timeIntervalSince(start) * 1000)
            start = Date()
            _ = catalog.article(at: position + 1)
            next.append(Date().timeIntervalSince(start) * 1000)
        }
        let name = "\(options.sizes.max() ?? count)-item RSS: a story read"
        return [
            ("\(name) at random (median / max)", "\(ms(median(cold))) / \(ms(cold.max() ?? 0))"),
            ("\(name) after the one before it", ms(median(next))),
            (
                "\(name): from the start of its part, not near its place",
                "\(sources[0].rereadFallbacks) of 400"
            ),
        ]
    }

    private func feedParseTimes(_ path: String) throws -> (split: Double, single: Double) {
        var split: [Double] = []
        var single: [Double] = []
        for _ in 0..<max(1, options.runs / 2) {
            let sources = try SourceLoader.open(paths: [path]).sources
            var start = Date()
            BackgroundIndexer(sources: sources) { _ in [:] }.runToEnd()
            split.append(Date().timeIntervalSince(start) * 1000)
            start = Date()
            sources[0].index { _, _ in true }
            single.append(Date().timeIntervalSince(start) * 1000)
        }
        return (median(split), median(single))
    }

    /// Microseconds per key, command applied and screen drawn, at the smallest and largest size.
    private func keypressCosts() throws -> [(String, String)] {
        let sizes = [options.sizes.min() ?? 1000, options.sizes.max() ?? 50000]
        var results: [(String, String)] = []
        let keys: [(String, Command)] = [
            ("j", .down), ("J", .nextStory), ("n", .nextUnread), ("N", .toggleRead), ("G", .last),
        ]
        var costs: [String: [Int: Double]] = [:]
        var catalogs: [Int: (ArticleCatalog, ReadingTracker)] = [:]
        for size in sizes {
            let path = try corpus(size, format: "text", ext: "txt")
            let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
            let tracker = try ReadingTracker(
                store: InMemoryReadingStateStore(), ids: catalog.entries.map(\.summary.id))
            catalogs[size] = (catalog, tracker)
        }
        for (label, command) in keys {
            // The sizes take turns, so that the machine's changing pace falls on both alike.
            var readers: [Int: (Reader, Canvas)] = [:]
            for size in sizes {
                guard let (catalog, tracker) = catalogs[size] else { continue }
                let reader = Reader(catalog: catalog, tracker: tracker, width: 120, height: 40)
                var canvas = Canvas(width: 120, height: 40)
                ScreenView.render(reader, into: &canvas)
                readers[size] = (reader, canvas)
            }
            var times: [Int: [Double]] = [:]
            for _ in 0..<300 {
                for size in sizes {
                    // Taken out, so that the canvas is drawn in place as the reader's own is
                    // (a copy kept beside it would make each frame copy it whole first).
                    guard let reader = readers[size]?.0, var canvas = readers.removeValue(forKey: size)?.1
                    else {
                        continue
                    }
                    let start = DispatchTime.now().uptimeNanoseconds
                    reader.apply(command)
                    ScreenView.render(reader, into: &canvas)
                    times[size, default: []].append(
                        Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
                    if command == .last { reader.apply(.first) }
                    readers[size] = (reader, canvas)
                }
            }
            for size in sizes { costs[label, default: [:]][size] = median(times[size] ?? []) }
        }
        for (label, _) in keys {
            let small = costs[label]?[sizes[0]] ?? 0
            let large = costs[label]?[sizes[1]] ?? 0
            results.append(
                (
                    "`\(label)` (apply + draw)",
                    String(format: "%.0f µs at %d, %.0f µs at %d", small, sizes[0], large, sizes[1])
                ))
        }
        results += try stateFileKeyCosts(sizes: sizes, catalogs: catalogs.mapValues(\.0))
        return results
    }

    /// On a state file: `n` (apply + draw, its read mark written), and the look at the file's
    /// change counter it makes first (`PRAGMA data_version`, as every key that reads or changes
    /// reading state does: another Gazette may have stored marks since), at each size.
    private func stateFileKeyCosts(sizes: [Int], catalogs: [Int: ArticleCatalog]) throws -> [(String, String)]
    {
        var keys: [Int: [Double]] = [:]
        var looks: [Int: [Double]] = [:]
        for size in sizes {
            guard let catalog = catalogs[size] else { continue }
            let path = options.work + "/state-keys-\(size).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try ReadingStateStore(path: path)
            defer { store.close() }
            let deferring = DeferringStateStore(store)
            let tracker = try ReadingTracker(store: deferring, ids: catalog.entries.map(\.summary.id))
            let reader = Reader(catalog: catalog, tracker: tracker, width: 120, height: 40)
            var canvas = Canvas(width: 120, height: 40)
            ScreenView.render(reader, into: &canvas)
            for _ in 0..<300 {
                var start = DispatchTime.now().uptimeNanoseconds
                _ = deferring.changedElsewhere()
                looks[size, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
                start = DispatchTime.now().uptimeNanoseconds
                reader.apply(.nextUnread)
                ScreenView.render(reader, into: &canvas)
                keys[size, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
            }
        }
        func figures(_ times: [Int: [Double]]) -> String {
            String(
                format: "%.0f µs at %d, %.0f µs at %d", median(times[sizes[0]] ?? []), sizes[0],
                median(times[sizes[1]] ?? []), sizes[1])
        }
        return [
            ("`n` on a state file (apply + draw)", figures(keys)),
            ("look for other Gazettes' marks (PRAGMA data_version)", figures(looks)),
        ]
    }

    /// Milliseconds from a search's start to its first results and to its last, on 100,000
    /// generated articles (dump), searched the way the `/` prompt does.
    /// First results and all results of searches over the 100,000-article dump, or over
    /// `feed` (the queries given) when it is given.
    private func searchTimes(feed: String? = nil, queries: [String]? = nil) throws -> [(
        String, (String, String)
    )] {
        let path = try feed ?? corpus(100_000, format: "text", ext: "txt")
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [path]).sources)
        var results: [(String, (String, String))] = []
        for text in queries ?? ["reykjavik", "\"central bank\" iran", "東京"] {
            var firsts: [Double] = []
            var alls: [Double] = []
            var found = 0
            for _ in 0..<options.runs {
                let start = Date()
                let job = SearchJob(query: SearchQuery(text), sources: catalog.sources)
                job.enqueue(SearchJob.work(catalog.entries.indices, in: catalog))
                var first: Double?
                found = 0
                while true {
                    let (positions, _, done) = job.take()
                    found += positions.count
                    if first == nil && !positions.isEmpty { first = Date().timeIntervalSince(start) * 1000 }
                    if done { break }
                    usleep(1000)
                }
                firsts.append(first ?? 0)
                alls.append(Date().timeIntervalSince(start) * 1000)
            }
            results.append(
                (
                    "“\(text)” (\(found) found)",
                    (String(format: "%.1f ms", median(firsts)), String(format: "all: %.0f ms", median(alls)))
                ))
        }
        return results
    }

    private func makeState(_ path: String, entries: Int) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let store = try ReadingStateStore(path: path)
        var states: [ArticleID: ArticleState] = [:]
        for index in 0..<entries {
            let id = String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
            states[ArticleID(id)] = ArticleState(
                isRead: index % 2 == 0, readAt: Date(), isFlagged: index % 7 == 0)
        }
        try store.setStates(states)
    }

    // MARK: formatting

    private func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
    private func mib(_ kib: Double) -> String { String(format: "%.0f MiB", kib / 1024) }

    private func machine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) }
            ?? "unknown CPU"
        return "\(cores) cores, \(String(format: "%.0f", memory)) GiB, \(cpu)"
    }
}
