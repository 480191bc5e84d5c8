/// Writes the content of a CDATA section so that no section holds more than `maxBytes`: a
/// longer one is closed and opened again (`]]><![CDATA[`), which leaves its text unchanged.
///
/// libxml2 holds a CDATA section whole while it reads it, and past 10,000,000 bytes it stops
/// ("Huge input lookup", XML error 1) unless all of its limits are lifted (`XML_PARSE_HUGE`,
/// which lifts those on nesting and entity expansion too): an item whose body was one such
/// section was lost, and every story of the file when it came first (found by QA).
///
/// The text is UTF-8: a section is cut at a character's start, and not before a `]` or a `>`
/// (a cut there could split the `]]>` that ends it).
struct XMLCDATASections {
    /// Most bytes of text in one section that the feeds are read with.
    static let defaultMaxBytes = 1 << 20

    /// Most bytes of text in one section, unless no place to cut is found sooner.
    let maxBytes: Int
    /// Bytes written into the open section so far.
    private var written = 0

    /// Sections of at most `maxBytes` (tests give a small one).
    init(maxBytes: Int = XMLCDATASections.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// A new section was opened.
    mutating func open() {
        written = 0
    }

    /// Appends `bytes`, text of the open section (its `]]>` may end them), to `output`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        while bytes.count - start > maxBytes - written {
            var cut = start + max(0, maxBytes - written)
            while cut < bytes.count && !XMLCDATASections.canCut(before: bytes[cut]) { cut += 1 }
            guard cut < bytes.count else { break }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cut]))
            output.append(contentsOf: "]]><![CDATA[".utf8)
            written = 0
            start = cut
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        written += bytes.count - start
    }

    /// Whether a section may be cut just before `byte`: it starts a character, and is no `]`
    /// or `>`.
    private static func canCut(before byte: UInt8) -> Bool {
        !UTF8.isContinuation(byte) && byte != UInt8(ascii: "]") && byte != UInt8(ascii: ">")
    }
}
