/// The lines of a feed's file for the warnings about text parsed behind the file's start (the
/// start up to the first item, then the file from a cut on): counted only when a warning asks,
/// and on from the last offset asked about (a part's cut, then the recovery's cuts further into
/// the file), so that a feed broken many times is not counted again for each break.
final class FeedLineCounter {
    private let bytes: UnsafeRawBufferPointer
    /// Line feeds before the offsets asked about.
    private var known: [Int: Int] = [:]
    private var counted: (offset: Int, lineFeeds: Int) = (0, 0)

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The line of the file that line `line` of the text made of the file's start up to
    /// `first`, then the file from `cut` on, is.
    func lineInFile(_ line: Int, first: Int, cut: Int) -> Int {
        let start = lineFeeds(before: first)
        guard line > start, cut >= first, cut <= bytes.count else { return line }
        return line + lineFeeds(before: cut) - start
    }

    private func lineFeeds(before offset: Int) -> Int {
        if let known = known[offset] { return known }
        if offset < counted.offset { counted = (0, 0) }
        counted.lineFeeds += ByteSearch.count(
            UInt8(ascii: "\n"), in: UnsafeRawBufferPointer(rebasing: bytes[counted.offset..<offset]))
        counted.offset = offset
        known[offset] = counted.lineFeeds
        return counted.lineFeeds
    }
}
