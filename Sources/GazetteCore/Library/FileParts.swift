/// A big file cut into parts that threads index at once: part `k` starts at the cut looked
/// for after `k / count` of the file and ends at the next cut there is. A cut is looked for
/// only when a thread first needs it (``LatePartEnd``), so the first part can start, and
/// the first screen be drawn, without reading the rest of the file.
final class FileParts: Sendable {
    let count: Int
    /// `cuts[k - 1]`: where part `k` starts.
    private let cuts: [LatePartEnd]
    private let total: Int
    /// Where the first part ends: the first cut there is (nil: none, it runs to the end).
    let firstPartEnd: LatePartEnd

    /// `parts` parts of `source` (at least two), or nil when it cannot be cut.
    init?(_ source: OpenedSource, parts: Int) {
        let total = source.bytes.count
        let count = max(2, parts)
        var cuts: [LatePartEnd] = []
        for part in 1..<count {
            guard let cut = source.lateArticleBoundary(after: total / count * part) else { return nil }
            cuts.append(cut)
        }
        self.count = count
        self.cuts = cuts
        self.total = total
        firstPartEnd = LatePartEnd(atLeast: cuts[0].atLeast) { FileParts.firstCut(of: cuts[...]) }
    }

    /// The bytes of part `part` (1 ..< count); nil when its cut was not found (the part
    /// before it runs on, and this one is empty).
    func range(ofPart part: Int) -> Range<Int>? {
        guard let start = cuts[part - 1].value else { return nil }
        let end = FileParts.firstCut(of: cuts[part...]) ?? total
        return start..<max(start, end)
    }

    /// The first of `cuts` that was found. Cuts found are in file order: each is the first
    /// article start after its offset, and the offsets grow.
    private static func firstCut(of cuts: ArraySlice<LatePartEnd>) -> Int? {
        for cut in cuts {
            if let found = cut.value { return found }
        }
        return nil
    }
}
