/// The lines of a dump paragraph (or hard-wrapped title) joined in the file's bytes as the
/// parser joins them to show them (``PlainTextDumpParser/paragraphText(_:_:)``): what its id
/// is made of, so that the same text wrapped at another width keeps its id.
///
/// The parser's text tells what goes between two lines (a space, nothing, or a line break
/// where a list's item starts); the lines' own bytes are kept, so that a paragraph of one line
/// and the same text over several give the same bytes (a tab or an invalid byte included).
struct DumpJoinedLines {
    /// The joined text, in bytes.
    private(set) var bytes: [UInt8] = []
    /// The lines of the joined text in ``bytes``: more than one only where a list's items or
    /// lines of speech keep a line each.
    private(set) var lines: [LineSpan] = []
    /// Whether any two lines were joined into one: else ``lines`` are the lines given, as they were.
    private(set) var joinsLines = false

    /// Joins `lines` of `source` as the parser shows them; `asTitle`: on one line, as a title is.
    init(_ lines: ArraySlice<LineSpan>, in source: UnsafeRawBufferPointer, asTitle: Bool = false) {
        let paragraph = PlainTextDumpParser.paragraphText(lines, source)
        var text = asTitle ? PlainTextDumpParser.oneLine(paragraph) : paragraph
        let separators = text.withUTF8 { shown in
            DumpJoinedLines.separators(of: lines, in: source, shown: UnsafeRawBufferPointer(shown))
        }
        var lineStart = 0
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (offset, line) in lines.enumerated() {
            if offset > 0 {
                // Where the shown text's lines cannot be matched to the file's, they are joined by a space.
                let separator = separators?[offset - 1] ?? 0x20
                if separator == 0x0A {
                    self.lines.append(LineSpan(start: lineStart, end: bytes.count))
                    lineStart = bytes.count
                } else {
                    joinsLines = true
                    if separator == 0x20 { bytes.append(0x20) }
                }
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[line.start..<line.end]))
        }
        self.lines.append(LineSpan(start: lineStart, end: bytes.count))
    }

    /// What the shown text puts between each two of `lines` (a space, a line feed, or 0 for
    /// nothing), found by walking it beside each line as decoded; nil when the text is not
    /// the lines so joined.
    private static func separators(
        of lines: ArraySlice<LineSpan>, in source: UnsafeRawBufferPointer, shown: UnsafeRawBufferPointer
    ) -> [UInt8]? {
        var separators: [UInt8] = []
        separators.reserveCapacity(lines.count - 1)
        var position = 0
        for (offset, line) in lines.enumerated() {
            var decoded = PlainTextDumpParser.paragraphText([line], source)
            let matched = decoded.withUTF8 { line -> Bool in
                if offset > 0 {
                    // Lines are trimmed: a space or a line feed before one is what joined it.
                    guard position < shown.count else { return false }
                    let next = shown[position]
                    let separator: UInt8 = next == 0x0A || next == 0x20 ? next : 0
                    separators.append(separator)
                    if separator != 0 { position += 1 }
                }
                guard position + line.count <= shown.count,
                    line.elementsEqual(
                        UnsafeRawBufferPointer(rebasing: shown[position..<position + line.count]))
                else { return false }
                position += line.count
                return true
            }
            guard matched else { return nil }
        }
        return position == shown.count ? separators : nil
    }
}
