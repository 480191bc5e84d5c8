/// The lines of a feed's file for the warnings about a part parsed behind the file's start
/// (the start up to the first item, then the file from a cut on): counted only when a warning
/// asks, once for the start, and on from the last cut asked about (the recovery's cuts go
/// further and further into the file), so that a feed broken many times is not counted again
/// for each break.
final class FeedLineCounter {
    private let bytes: UnsafeRawBufferPointer
    private let first: Int
    private var startLines: Int?
    /// Line feeds between `first` and `offset`.
    private var counted: (offset: Int, lineFeeds: Int)

    /// A counter over `bytes` whose items start at `first`.
    init(_ bytes: UnsafeRawBufferPointer, firstItem first: Int) {
        self.bytes = bytes
        self.first = first
        counted = (first, 0)
    }

    /// The line of the file that line `line` of the text made of the file's start up to its
    /// first item, then the file from `cut` on, is.
    func lineInFile(_ line: Int, cut: Int) -> Int {
        let start = startLines ?? lineFeeds(in: 0..<first)
        startLines = start
        guard line > start, cut >= first, cut <= bytes.count else { return line }
        if cut < counted.offset { counted = (first, 0) }
        counted.lineFeeds += lineFeeds(in: counted.offset..<cut)
        counted.offset = cut
        return line + counted.lineFeeds
    }

    private func lineFeeds(in range: Range<Int>) -> Int {
        ByteSearch.count(UInt8(ascii: "\n"), in: UnsafeRawBufferPointer(rebasing: bytes[range]))
    }
}
