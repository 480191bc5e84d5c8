extension ArticleLayout {
    /// The search highlights of the lines in `range` (one list of character ranges per line),
    /// found in those lines read together with enough of the lines around them that a phrase
    /// wrapped across the edge of the range is found too.
    public func highlights(of query: SearchQuery, in range: Range<Int>) -> [[Range<Int>]] {
        let range = range.clamped(to: lines.indices)
        guard !query.isEmpty, !range.isEmpty else { return Array(repeating: [], count: range.count) }
        let reach = query.longestTerm
        var start = range.lowerBound
        var before = 0
        while start > 0 && before < reach {
            start -= 1
            before += lines[start].text.count + 1
        }
        var end = range.upperBound
        var after = 0
        while end < lines.count && after < reach {
            after += lines[end].text.count + 1
            end += 1
        }
        let found = query.highlights(
            inLines: lines[start..<end].map(\.text), readings: lines[start..<end].map(\.reading))
        return Array(found[(range.lowerBound - start)..<(range.upperBound - start)])
    }

    /// The lines where a match of `query` starts, in order.
    public func matchStarts(of query: SearchQuery) -> [Int] {
        ArticleLayout.matchScans?.count += 1
        return query.matchStarts(inLines: lines.map(\.text), readings: lines.map(\.reading)).sorted()
    }

    /// Counts the scans of ``matchStarts(of:)`` made where a test binds it (nil elsewhere).
    @TaskLocal static var matchScans: MatchScanCount?
}
