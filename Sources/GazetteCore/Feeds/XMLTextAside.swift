import Foundation

/// Text that ``XMLSanitizer`` hands the reader beside the XML instead of in it: the characters
/// of an entity-escaped text inside a feed's text element, decoded. Written as a CDATA section,
/// libxml2 went through each of them three times (looking for the section's end, checking
/// them, counting lines): a sixth of the cost of reading an RSS feed. The XML holds a
/// processing instruction `<?gazette-text N?>` in its place, N the text's number, its data
/// ending with the text's line breaks so that line numbers stay those of the file; the parser
/// (``XMLPushParser``) hands the text to its reader where it meets the instruction, as it
/// handed over the section's. The feed's own processing instructions are dropped
/// (``XMLSanitizer``), so any such one is a mark.
struct XMLTextAside {
    /// The instruction's target.
    static let target = "gazette-text"

    /// A text set aside: its number, and how many line breaks it holds.
    struct Mark {
        var number: Int
        var lines: Int
    }

    /// The texts kept, one after another, and where each ends in `bytes`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The number of the first text kept.
    private var firstNumber = 0
    /// One past the number of the text read last: those before it are read or passed over.
    private var readUpTo = 0

    /// Sets `text` aside as the next text; nil, and nothing kept, when it holds U+FFFE or
    /// U+FFFF, characters XML refuses (the parser breaks there, as it did).
    mutating func take(_ text: UnsafeBufferPointer<UInt8>) -> Mark? {
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF (the text is UTF-8; EF is rare in most).
        var refused = false
        XMLTextAside.forEach(0xEF, in: text) { index in
            if index + 2 < text.count && text[index + 1] == 0xBF && text[index + 2] >= 0xBE { refused = true }
        }
        guard !refused else { return nil }
        var lines = 0
        XMLTextAside.forEach(0x0A, in: text) { _ in lines += 1 }
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        return Mark(number: firstNumber + ends.count - 1, lines: lines)
    }

    /// Calls `body` with the index of each `byte` in `text`, found with `memchr`.
    private static func forEach(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = text.baseAddress else { return }
        var from = 0
        while from < text.count, let found = memchr(base + from, Int32(byte), text.count - from) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            body(index)
            from = index + 1
        }
    }

    /// Writes the mark of a text set aside.
    static func writeMark(_ mark: Mark, into output: inout [UInt8]) {
        output.append(contentsOf: "<?\(target) \(mark.number)".utf8)
        output.append(contentsOf: repeatElement(0x0A, count: mark.lines))
        output.append(contentsOf: "?>".utf8)
    }

    /// Where the text a mark's data names is in ``bytes``, taken as read; nil when it names
    /// none kept.
    mutating func read(mark data: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var number = 0
        var index = 0
        while index < data.count, index < 18, FeedItemDraft.isDigit(data[index]) {
            number = number * 10 + Int(data[index] - UInt8(ascii: "0"))
            index += 1
        }
        let position = number - firstNumber
        guard index > 0, position >= 0, position < ends.count else { return nil }
        readUpTo = max(readUpTo, number + 1)
        return (position == 0 ? 0 : ends[position - 1])..<ends[position]
    }

    /// Calls `body` with the bytes of `range` (from ``read(mark:)``).
    func withText(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Lets go of the texts read and passed over.
    mutating func dropRead() {
        let count = min(readUpTo - firstNumber, ends.count)
        guard count > 0 else { return }
        let end = ends[count - 1]
        bytes.removeSubrange(0..<end)
        ends.removeSubrange(0..<count)
        for index in ends.indices { ends[index] -= end }
        firstNumber += count
    }
}
