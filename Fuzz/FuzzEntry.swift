// libFuzzer entry points, one per build (scripts/fuzz.sh compiles this file into the
// GazetteCore sources with -D FUZZ_<TARGET>). Every input must end without a crash, a hang
// or a leak; what the code returns is not checked here.

#if FUZZ_DUMP || FUZZ_FEED || FUZZ_HTML || FUZZ_TEXT || FUZZ_SEARCH
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        let bytes = UnsafeRawBufferPointer(start: data, count: size)
        FuzzTarget.run(bytes)
        return 0
    }
#endif

enum FuzzTarget {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        #if FUZZ_DUMP
            // Index, then decode every article and its details, as the reader would.
            for summary in PlainTextDumpParser.index(bytes) {
                guard case .bytes(let range, _) = summary.location else { continue }
                _ = PlainTextDumpParser.article(in: bytes, range: range, source: "fuzz")
                _ = PlainTextDumpParser.details(in: bytes, range: range)
            }
            _ = FormatDetector.detect(bytes)
        #elseif FUZZ_FEED
            let format = FeedParser.detect(bytes)
            var ids: [String] = []
            let whole = try? FeedParser.parse(bytes) { item in
                _ = FeedArticle.article(of: item, id: ArticleID(item.id), source: "fuzz")
                ids.append(item.id)
                return true
            }
            // Cut in two where the reader would cut a big feed: a feed that parses without a
            // break gives the same items, in order. (A broken one is recovered as well as
            // each part can; the parts may then differ from the whole, and must not crash.)
            if let format, let cut = FeedItemBoundary.cut(in: bytes, format: format, after: bytes.count / 2) {
                var parts: [String] = []
                for part in [0..<cut, cut..<bytes.count] {
                    _ = try? FeedParser.parse(bytes, part: part) { item in
                        parts.append(item.id)
                        return true
                    }
                }
                if let whole, whole.warnings.isEmpty, parts != ids {
                    fatalError("a cut feed reads differently: \(parts.count) items against \(ids.count)")
                }
            }
            // Bodies parsed again from the file (as in a big feed) are the ones kept whole.
            if let format, format != .jsonFeed {
                let source = Source(path: "fuzz.xml", displayName: "fuzz", format: format)
                let kept = OpenedSource(source: source, bytes: FileBytes(bytes: Array(bytes)), bodiesOnDemandFrom: .max)
                let onDemand = OpenedSource(
                    source: source, bytes: FileBytes(bytes: Array(bytes)), bodiesOnDemandFrom: 0,
                    keepingBodiesOfFirst: 0)
                let expected = kept.indexAll()
                let found = onDemand.indexAll()
                if found != expected { fatalError("the index differs when bodies are not kept") }
                for (got, want) in zip(found, expected).reversed() where onDemand.article(got) != kept.article(want) {
                    fatalError("a body read again differs from the kept one: \(got.title.debugDescription)")
                }
            }
        #elseif FUZZ_HTML
            let text = String(decoding: bytes, as: UTF8.self)
            _ = HTMLRenderer.render(text, baseURL: "https://example.com/a/")
            var words = WordCounter()
            words.add(HTMLRenderer.plainText(text))
            if HTMLRenderer.wordCount(text) != words.count {
                fatalError("wordCount \(HTMLRenderer.wordCount(text)) but plainText has \(words.count) words")
            }
        #elseif FUZZ_TEXT
            // The first byte picks a width; the rest is text to sanitise, measure and wrap.
            guard let first = bytes.first else { return }
            let width = Int(first % 120) + 1
            let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
            let line = TerminalSanitizer.line(text)
            let wrapped = TextWrapper.wrap(line, width: width)
            if let fast = TextWrapper.wrapOneColumnText(text, width: width),
                fast != TextWrapper.wrapGraphemes(text, width: width)
            {
                fatalError("one-column wrapping differs at width \(width): \(text.debugDescription)")
            }
            for row in wrapped where DisplayWidth.of(row) > max(width, 2) {
                fatalError("a wrapped row is wider than \(width): \(row.debugDescription)")
            }
            _ = TextTruncation.fit(TerminalSanitizer.text(text), width: width)
            _ = ArticleLayout.wrap(text, width: width)
        #elseif FUZZ_SEARCH
            // The first line is the query, the rest the text searched.
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let query = SearchQuery(String(parts.first ?? ""))
            let body = parts.count > 1 ? String(parts[1]) : ""
            let matcher = FoldedMatcher(query)
            if matcher.matches(body) != query.matches(folded: TextFolding.fold(body)) {
                fatalError("the two matchers disagree on \(query.text.debugDescription)")
            }
            _ = query.highlights(in: body)
        #endif
    }
}
