import Foundation

/// Reads RSS, RSS 1.0 (RDF), Atom and JSON Feed files, judging the format by content.
///
/// Bytes go through `FeedTextDecoder` (encoding) and, for XML, `XMLSanitizer` (the faults
/// of real feeds), then to the parser for the format: `RSSParser`, `RDFParser`,
/// `AtomParser` or `JSONFeedParser`.
public enum FeedParser {
    /// How much of the start of a file `detect` looks at, after the XML prolog if any.
    static let sniffLength = 1 << 16

    /// The start of `bytes` that `detect` looks at: ``sniffLength`` past the prolog, so that
    /// a long comment or DOCTYPE does not hide the root.
    static func sniffed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var length = sniffLength
        if bytes.count > sniffLength, let prolog = XMLProlog.length(of: bytes) { length += prolog }
        return UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, length)])
    }

    /// The feed format of some bytes, judged from their content (after BOM, blank lines, comments,
    /// processing instructions, DOCTYPE); nil when they are not a feed.
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> SourceFormat? {
        if let format = detectFromStart(bytes) { return format }
        return afterLeadingJunk(bytes, detectFromStart)
    }

    /// What `detect` finds in the feed after output with tags that a server printed before it
    /// (a PHP warning; ``FeedLeadingJunk``), if there is such output.
    private static func afterLeadingJunk(
        _ bytes: UnsafeRawBufferPointer, _ detect: (UnsafeRawBufferPointer) -> SourceFormat?
    ) -> SourceFormat? {
        guard let start = FeedLeadingJunk.feedStart(in: bytes) else { return nil }
        return detect(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    /// ``detect(_:)`` of the text as it starts.
    private static func detectFromStart(_ bytes: UnsafeRawBufferPointer) -> SourceFormat? {
        // A feed's text has a `<` or `{` near its start, whatever its encoding: without one
        // (a plain-text dump), there is nothing to decode and walk.
        let sniffed = sniffed(bytes)
        guard
            ByteSearch.contains(UInt8(ascii: "<"), in: sniffed)
                || ByteSearch.contains(UInt8(ascii: "{"), in: sniffed)
        else {
            return nil
        }
        let sniffPlan = FeedTextDecoder.plan(for: sniffed)
        if case .utf8 = sniffPlan.kind, let base = sniffed.baseAddress {
            let text = UnsafeRawBufferPointer(
                start: base + sniffPlan.start, count: sniffed.count - sniffPlan.start)
            if case .decided(let format) = FeedRootSniffer.sniff(text) { return format }
        }
        return detectByTextFromStart(bytes)
    }

    /// How far into a feed's text (in UTF-8 bytes, after a byte-order mark) lines of other text
    /// may come before its markup: HTTP headers saved with it (`curl -i`), a warning a script
    /// printed first.
    static let leadingTextLimit = 4096

    /// What ``detect(_:)`` finds, read from the start decoded as text.
    static func detectByText(_ bytes: UnsafeRawBufferPointer) -> SourceFormat? {
        if let format = detectByTextFromStart(bytes) { return format }
        return afterLeadingJunk(bytes, detectByTextFromStart)
    }

    /// ``detectByText(_:)`` of the text as it starts.
    private static func detectByTextFromStart(_ bytes: UnsafeRawBufferPointer) -> SourceFormat? {
        let head = headText(bytes)
        var index = head.startIndex
        while index < head.endIndex {
            let character = head[index]
            if character == "{" {
                let compact = head.replacingOccurrences(of: "\\/", with: "/")
                return compact.contains(JSONFeedParser.versionPrefix) ? .jsonFeed : nil
            }
            guard character == "<" else {
                if character.isWhitespace || character == "\u{FEFF}" || character == "\0" {
                    index = head.index(after: index)
                    continue
                }
                // Whole lines of other text near the start, never a tag inside a line (a dump
                // that quotes `<rss>` is no feed), as ``FeedRootSniffer`` reads them.
                guard head.utf8.distance(from: head.startIndex, to: index) < leadingTextLimit else {
                    return nil
                }
                while index < head.endIndex && !head[index].isNewline { index = head.index(after: index) }
                continue
            }
            let rest = head[index...]
            // (The standard library's search: Foundation's `range(of:)` would first copy the
            // whole head to UTF-16.)
            if rest.hasPrefix("<!--") {
                guard let end = rest.firstRange(of: "-->") else { return nil }
                index = end.upperBound
            } else if rest.hasPrefix("<?") {
                guard let end = rest.firstRange(of: "?>") else { return nil }
                index = end.upperBound
            } else if rest.hasPrefix("<!") {
                index = endOfDeclaration(rest)
            } else {
                let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                return format(ofRoot: String(name), in: rest)
            }
        }
        return nil
    }

    /// Parses a feed, calling `onItem` for each item in order until it returns false (streaming:
    /// items are delivered as the parser reaches them, not after the whole file). Returns the
    /// header (title known once parsing ends) and warnings about what could not be recovered.
    ///
    /// With `part` (a range from ``FeedItemBoundary``, UTF-8 XML feeds only), only the items
    /// in that part of the file are read: from the start up to its end, or, for a part that
    /// starts later, the file's start up to its first item followed by the part; the XML
    /// break at a cut is not reported. Without `part`, `lateEnd` is the end of the first part,
    /// asked for only when the parser gets near it (the items read are those of that part).
    /// `reached`, when given, follows how far into the file the parser has read (XML feeds).
    ///
    /// `format`, when given, is what ``detect(_:)`` found in these bytes before (it is not
    /// looked for again). `stoppingEarly` says that `onItem` will stop the parse within its
    /// first items: the text is then handed to the parser in small pieces at first (what the
    /// items are does not change for well-formed XML; a fault is recovered from piece by piece).
    /// `onFirstItem` is told the header as it stands when the first item comes (for an XML
    /// feed, not when it comes only after a break in the XML).
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, format known: SourceFormat? = nil, part: Range<Int>? = nil,
        reached: FeedParsePosition? = nil, stoppingEarly: Bool = false, lateEnd: LatePartEnd? = nil,
        onFirstItem: ((FeedHeader) -> Void)? = nil, onItem: (FeedItem) -> Bool
    ) throws(FeedError) -> (header: FeedHeader, warnings: [String]) {
        guard let format = known ?? detect(bytes) else {
            let head = headText(bytes).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if head.first == "{" {
                // Let the JSON reader say what is wrong with it.
                return try JSONFeedParser.parse(bytes, onItem: onItem)
            }
            if bytes.isEmpty { throw .notAFeed("the file is empty") }
            throw .notAFeed("no rss, RDF, feed or JSON Feed root element")
        }
        if format == .jsonFeed {
            return try JSONFeedParser.parse(bytes, onFirstItem: onFirstItem, onItem: onItem)
        }
        let plan = FeedTextDecoder.plan(for: bytes)
        var segments: [Range<Int>]?
        if let part, part.lowerBound > 0 || part.upperBound < bytes.count {
            guard let cut = partText(of: part, in: bytes, plan: plan, format: format) else {
                // Text decoded from another encoding is not cut: the first part reads it all,
                // a later part nothing.
                if part.lowerBound > 0 { return (FeedHeader(format: format), []) }
                return try parse(
                    bytes, format: format, reached: reached, stoppingEarly: stoppingEarly,
                    onFirstItem: onFirstItem, onItem: onItem)
            }
            segments = cut
        }
        let position = reached ?? FeedParsePosition()
        let late = part == nil ? lateEnd : nil
        let source = XMLTextSource(
            bytes: bytes, plan: plan, segments: segments, reached: position, smallFirstChunks: stoppingEarly,
            lateEnd: late)
        return try withoutActuallyEscaping(onItem) { (escapable) throws(FeedError) in
            let recovery = FeedBreakRecovery(position: position, onItem: escapable)
            let reader = Self.reader(for: format, onItem: recovery.deliver)
            reader.onFirstItem = onFirstItem
            reader.documentEncoding = plan.name
            let lines = FeedLineCounter(bytes)
            if let segments, segments.count == 2 {
                let (first, cut) = (segments[0].upperBound, segments[1].lowerBound)
                reader.lineInFile = { lines.lineInFile($0, first: first, cut: cut) }
            }
            if let failure = reader.run(source) { throw FeedError.malformed(failure) }
            // A late end not reached is looked for only when the text broke: a stopped read
            // needs none. The text of a part ends at its cut, where the XML's early end is not
            // told; a break inside the part is.
            let lateCut = reader.broke ? late?.value : late?.valueIfKnown ?? nil
            let end = part?.upperBound ?? lateCut ?? bytes.count
            // The last part's end is the file's: a file cut short is told there.
            var warnings = segments == nil && lateCut == nil || end >= bytes.count ? reader.warnings : []
            let brokeInside = reader.broke(before: end, reached: position)
            var breaks = brokeInside ? reader.breaksInside : []
            if case .utf8 = plan.kind, brokeInside {
                let (delivered, later, fileEnd) = recovery.readOn(
                    bytes, plan: plan, format: format, end: end, lines: lines)
                if delivered > 0, !breaks.isEmpty { breaks[breaks.count - 1].readAfter = true }
                breaks += later.filter { found in !breaks.contains { $0.line == found.line } }
                // Read on past a break, the file then ended short: that is told after the breaks.
                if let fileEnd, !warnings.contains(fileEnd) { warnings.append(fileEnd) }
            }
            // A part followed by another: what comes after its end is read there.
            warnings.insert(contentsOf: told(breaks, readOnElsewhere: end < bytes.count), at: 0)
            if let warning = plan.warning { warnings.insert(warning, at: 0) }
            return (reader.header, warnings)
        }
    }

    /// The text of a part of a UTF-8 feed: the first part as it stands, a later one behind
    /// the file's start up to its first item (looked for only then: it is on the way to a
    /// first screen); nil when the feed is not read in parts.
    private static func partText(
        of part: Range<Int>, in bytes: UnsafeRawBufferPointer, plan: FeedTextDecoder.Plan,
        format: SourceFormat
    ) -> [Range<Int>]? {
        guard case .utf8 = plan.kind else { return nil }
        if part.lowerBound == 0 { return [0..<part.upperBound] }
        return FeedItemBoundary.firstItem(in: bytes, format: format).map { [0..<$0, part] }
    }

    /// The most breaks told for one parse (a feed broken everywhere is not told line by line:
    /// the others are counted, up to ``breaksCounted``).
    static let breaksTold = 20
    static let breaksCounted = 10_000

    /// Whether a warning of ``parse(_:format:part:reached:stoppingEarly:lateEnd:onFirstItem:onItem:)``
    /// tells of text that could not be read as items (a break in the XML, a file cut short), not
    /// of how it was read (its encoding).
    static func tellsOfLostText(_ warning: String) -> Bool {
        warning.hasPrefix("the XML breaks") || warning.hasPrefix("the file ends inside")
    }

    /// What the user is told of `breaks`: each of the first ``breaksTold`` in the order of the
    /// file, then how many more there are.
    private static func told(_ breaks: [FeedBreakRecovery.Break], readOnElsewhere: Bool) -> [String] {
        let sorted = breaks.sorted { $0.line < $1.line }
        var told = sorted.prefix(breaksTold).map { found in
            let fate =
                found.readAfter || readOnElsewhere
                ? "the story there may be lost" : "what follows may be missing"
            return "the XML breaks at line \(found.line) (\(found.reason)); \(fate)"
        }
        if sorted.count > breaksTold {
            told.append(
                "\(sorted.count - breaksTold) more breaks in the XML after line \(sorted[breaksTold - 1].line)"
            )
        }
        return told
    }

    /// The XML reader for an RSS, RDF or Atom feed.
    static func reader(for format: SourceFormat, onItem: @escaping (FeedItem) -> Bool) -> XMLFeedReader {
        switch format {
        case .rdf: return RDFParser(onItem: onItem)
        case .atom: return AtomParser(onItem: onItem)
        default: return RSSParser(onItem: onItem)
        }
    }

    /// Whether the part of a UTF-8 XML feed before its first item, `bytes[0..<end]`, reads
    /// cleanly on its own: no XML error but the early end, and only the root (and, in RSS,
    /// the channel) left open. A later part is parsed behind it, so only then may it be cut.
    static func headerReadsCleanly(_ bytes: UnsafeRawBufferPointer, format: SourceFormat, end: Int) -> Bool {
        let plan = FeedTextDecoder.plan(for: bytes)
        guard case .utf8 = plan.kind else { return false }
        let containers: [String]
        let reader: XMLFeedReader
        switch format {
        case .rss: (containers, reader) = (["rss", "channel"], RSSParser(onItem: { _ in false }))
        case .rdf: (containers, reader) = (["RDF"], RDFParser(onItem: { _ in false }))
        case .atom: (containers, reader) = (["feed"], AtomParser(onItem: { _ in false }))
        case .plainTextDump, .jsonFeed: return false
        }
        let source = XMLTextSource(bytes: bytes, plan: plan, segments: [0..<end])
        _ = reader.run(source)
        if let error = reader.firstError, !XMLFeedReader.isEarlyEnd(error.code) { return false }
        return reader.stack.map(\.name) == containers
    }

    /// The start of the file as text (the part `detect` looks at), in its own encoding as far
    /// as it can be told.
    private static func headText(_ bytes: UnsafeRawBufferPointer) -> String {
        let head = sniffed(bytes)
        let plan = FeedTextDecoder.plan(for: head)
        switch plan.kind {
        case .utf8: return String(decoding: head[plan.start...], as: UTF8.self)
        case .decoded(let text): return text
        }
    }

    /// The index after a `<!DOCTYPE ...>` (with its internal subset) or other `<!` declaration.
    private static func endOfDeclaration(_ text: Substring) -> String.Index {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            } else if character == ">" && depth <= 0 {
                return text.index(after: index)
            }
        }
        return text.endIndex
    }

    /// The format a root element names; an HTML page is searched for a feed inside it.
    private static func format(ofRoot name: String, in text: Substring) -> SourceFormat? {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "rss": return .rss
        case "RDF": return .rdf
        case "feed": return .atom
        case "html":
            for (marker, format) in [("<feed", SourceFormat.atom), ("<rss", .rss), ("<rdf:RDF", .rdf)] {
                if let range = text.firstRange(of: marker), let after = text[range.upperBound...].first,
                    after.isWhitespace || after == ">"
                {
                    return format
                }
            }
            return nil
        default: return nil
        }
    }
}
