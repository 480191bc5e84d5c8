#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The caption of a dump article as shown: the lines of its caption block, each once, without
/// the page's widgets or the title again.
///
/// Photos' captions given twice each (`A A B B`) or more show once each, on a line of their
/// own, as an alt text that differs from its caption does (unless the caption is it with more
/// after it); a caption hard-wrapped over lines and given again whole (`A1 A2 A1 A2`) is one
/// caption (found by QA). Made when a story is shown, not when it is indexed.
struct DumpCaption {
    /// The caption lines, each once, in their order.
    private(set) var lines: [LineSpan] = []
    /// Whether the lines are one caption wrapped over them, to be read as one.
    private(set) var isWrapped = false

    init(_ article: DumpArticleBlocks, layout: DumpArticleLayout, bytes: UnsafeRawBufferPointer) {
        // The captions given again with more than the header's come after its own, as new lines
        // after `TT` do: photos' captions each on a line (``DumpArticleLayout/bodyBlocksInCaption``).
        let blocks = (layout.captionBlock.map { [$0] } ?? []) + layout.captionBodyBlocks
        guard !blocks.isEmpty else { return }
        var given = 0  // caption lines before `TT`, repeats counted
        var wrapped = true  // each line so far is the one its place in the repeat calls for
        var afterWidget = false  // the captions again after the title again are no repeat of it
        for (number, captionBlock) in blocks.enumerated() {
            let block = article.lines(ofBlock: captionBlock)
            if number > 0 { afterWidget = true }
            for index in block.indices {
                let line = block[index]
                if DumpArticleLayout.isTextSizeWidget(line, in: bytes) { afterWidget = true }
                if DumpWidgetBlock.isWidget(at: index, of: block, in: bytes) { continue }
                if DumpArticleLayout.isTitleAgain(line, layout.title, in: bytes) { continue }
                if !lines.contains(where: { DumpArticleLayout.equal($0, line, in: bytes) }) {
                    // A new line after the first repeat: not one caption given whole again.
                    if given > lines.count || afterWidget { wrapped = false }
                    lines.append(line)
                } else if afterWidget {
                    continue
                } else if !DumpArticleLayout.equal(lines[given % lines.count], line, in: bytes) {
                    wrapped = false
                }
                given += 1
            }
        }
        isWrapped =
            wrapped && lines.count >= 2 && given >= 2 * lines.count && given % lines.count == 0
            && !lines.dropLast().contains { Self.endsSentence($0, in: bytes) }
        if !isWrapped && layout.bodyBlocksInCaption == 0 && lines.count >= 2 && given == lines.count {
            // Given once: wrapped only where each line plainly goes on onto the next (the
            // captions again give theirs twice: photos' captions, a line each).
            isWrapped = Self.goesOn(lines, in: bytes)
        }
        if !isWrapped && lines.count >= 2 {
            // An alt text that is the caption without its credit: the caption says it all (both
            // showed, and no credit; found by QA).
            let all = lines
            lines.removeAll { line in all.contains { Self.starts($0, with: line, in: bytes) } }
        }
    }

    /// Whether a line ends as a sentence or a credit does (`.`, `!`, `?`, `)`, a closing quote,
    /// `。`): a caption and its alt text given twice each in turn (`A B A B`), not one caption
    /// wrapped, which breaks inside a sentence.
    private static func endsSentence(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard !line.isEmpty else { return false }
        if ".!?)\"'".utf8.contains(bytes[line.end - 1]) { return true }
        guard line.count >= 3 else { return false }
        let tail = (bytes[line.end - 3], bytes[line.end - 2], bytes[line.end - 1])
        return tail == (0xE2, 0x80, 0x9D) || tail == (0xE2, 0x80, 0x99) || tail == (0xE3, 0x80, 0x82)
            || tail == (0xEF, 0xBC, 0x89)
    }

    /// Whether each line but the last goes on onto the next, as one caption hard-wrapped and
    /// given once: a parenthesis left open ("… (Thomas" / "Coex/AFP/Getty Images)"), a line
    /// ending in a dash, slash or comma, or a next line starting in lower case. Read as lines of
    /// their own, the credit was the last line's fragment ("Coex/AFP/Getty Images)"; found by
    /// QA); photos' captions given once each stay lines of their own.
    private static func goesOn(_ lines: [LineSpan], in bytes: UnsafeRawBufferPointer) -> Bool {
        var open = 0
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard !line.isEmpty, !lines[index + 1].isEmpty else { return false }
            for offset in line.start..<line.end {
                if bytes[offset] == UInt8(ascii: "(") { open += 1 }
                if bytes[offset] == UInt8(ascii: ")") { open = max(0, open - 1) }
            }
            let last = bytes[line.end - 1]
            let dash =
                last == UInt8(ascii: "-") || last == UInt8(ascii: "/") || last == UInt8(ascii: ",")
                || (line.count >= 3 && bytes[line.end - 3] == 0xE2 && bytes[line.end - 2] == 0x80
                    && (bytes[line.end - 1] == 0x93 || bytes[line.end - 1] == 0x94))
            let next = bytes[lines[index + 1].start]
            let lowerNext = next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")
            guard open > 0 || dash || lowerNext else { return false }
        }
        return true
    }

    /// Whether `line` is `prefix` and more words after it (a credit, a sentence).
    static func starts(_ line: LineSpan, with prefix: LineSpan, in bytes: UnsafeRawBufferPointer)
        -> Bool
    {
        guard line.count > prefix.count, let base = bytes.baseAddress,
            memcmp(base + line.start, base + prefix.start, prefix.count) == 0
        else { return false }
        let next = bytes[line.start + prefix.count]
        return next == 0x20 || next == 0x09 || next == UInt8(ascii: ",") || next == UInt8(ascii: ".")
            || next == UInt8(ascii: ";") || next == UInt8(ascii: ":")
    }
}
