/// What indexing keeps of a dump article: its parts (from its first blocks) and its id, made
/// block by block over the title and the body's paragraphs.
///
/// Made as the blocks come, a story of millions of paragraphs is indexed without holding them
/// all (a one-story file of 18 MB took 180 MB to list).
struct DumpArticleDigest {
    /// What else a digest gathers from the body as it comes.
    struct Extras: OptionSet {
        let rawValue: Int
        /// The article's id (see ``DumpArticleDigest/id``).
        static let id = Extras(rawValue: 4)
        /// The body's words, counted.
        static let words = Extras(rawValue: 1)
        /// The text searched: title, caption and body lines, each ended by a line feed, except
        /// where a paragraph's line goes on with a word broken at a hyphen (see
        /// ``DumpParagraph/brokenWordLines(of:)``).
        static let text = Extras(rawValue: 2)
    }

    /// The article's title, caption and header, from its first blocks.
    let layout: DumpArticleLayout
    /// The id's hash so far, when made.
    private var fingerprint: ContentFingerprint?
    /// The hash as ids were made before a paragraph's lines were joined (each line hashed
    /// alone, as written; a title's lines as ``DumpArticleLayout/titleWrapInID`` says), once it
    /// differs from ``fingerprint``: only for stories with a paragraph or title of several
    /// lines joined, or a line whose blanks are hashed otherwise than written
    /// (``DumpHashedBlanks``).
    private var previousFingerprint: ContentFingerprint?
    /// The hash as the version before made ids (lines joined, a run of blanks holding a tab one
    /// space, a run of spaces as written: ``DumpShownBlanks``), once it differs from
    /// ``fingerprint``: only for stories with two spaces together (or at a line's end).
    private var shownFingerprint: ContentFingerprint?
    /// The id's hash as made while the header was taken to run over the body's first blocks
    /// (``DumpArticleLayout/bodyBlocksNotInEarlierID``): the hash without them. Only for such
    /// stories.
    private var sinceEarlierFingerprint: ContentFingerprint?
    /// Whether the article is all page furniture so far: its title a widget line, no caption,
    /// and nothing but widget lines in its body.
    private(set) var isFurniture: Bool
    /// How many blocks of body have come.
    private(set) var bodyBlocks = 0
    /// The body's words, when counted.
    private(set) var words: WordCounter?
    /// The text searched, when gathered (see ``Extras/text``).
    private(set) var text: [UInt8]?
    /// The caption's lines, when words or text are gathered: the body shows them no more.
    private var captionLines: [LineSpan] = []
    /// The digest the id is made by instead, of the article's blocks as they were before the
    /// widget block was parted from the text under it (``DumpGluedWidgetBlock``): the ids stay
    /// as they were. Empty for nearly every story (an array: a digest cannot hold one).
    private var unparted: [DumpArticleDigest] = []

    /// Starts with the article's blocks before `end` (all of them by default); the header must
    /// be among them.
    init(
        _ article: DumpArticleBlocks, bytes: UnsafeRawBufferPointer, end: Int? = nil, extras: Extras = .id
    ) {
        layout = DumpArticleLayout(article, bytes: bytes)
        if extras.contains(.words) { words = WordCounter() }
        var captionIsWrapped = false
        if !extras.isDisjoint(with: [.words, .text]) {
            let caption = DumpCaption(article, layout: layout, bytes: bytes)
            captionLines = caption.lines
            captionIsWrapped = caption.isWrapped
        }
        if extras.contains(.text) {
            var text: [UInt8] = []
            text.reserveCapacity(article.byteRange.count)
            // Read as shown: the title's lines as a paragraph's, a caption wrapped over lines too.
            DumpArticleDigest.append(paragraph: [layout.title] + layout.titleWraps, in: bytes, to: &text)
            if captionIsWrapped {
                DumpArticleDigest.append(paragraph: captionLines, in: bytes, to: &text)
            } else {
                for line in captionLines { DumpArticleDigest.append(paragraph: [line], in: bytes, to: &text) }
            }
            self.text = text
        }
        let unparted = extras.contains(.id) ? DumpGluedWidgetBlock.unparted(article, bytes: bytes) : nil
        if extras.contains(.id) && unparted == nil {
            var fingerprint = ContentFingerprint()
            var previous: ContentFingerprint?
            var shown: ContentFingerprint?
            if layout.titleWraps.isEmpty {
                DumpArticleDigest.add(
                    layout.title, in: bytes, to: &fingerprint, previous: &previous, shown: &shown)
            } else {
                // As the title shows: its lines joined on one line, whatever its header.
                let lines = ([layout.title] + layout.titleWraps)[...]
                let joined = DumpJoinedLines(lines, in: bytes, asTitle: true)
                let before = fingerprint
                let asWritten = fingerprint.add(joined)
                if joined.joinsLines || !asWritten {
                    previous = before
                    for line in layout.titleWrapInID ? lines : lines.prefix(1) {
                        previous?.add(line, in: bytes)
                    }
                }
                if !asWritten && joined.showsBlanksOtherwiseThanHashed {
                    shown = before
                    shown?.add(blanksShown: joined)
                }
            }
            fingerprint.endPart()
            previous?.endPart()
            shown?.endPart()
            self.fingerprint = fingerprint
            previousFingerprint = previous
            shownFingerprint = shown
        }
        isFurniture = layout.caption == nil && DumpArticleLayout.isWidget(layout.title, in: bytes)
        let given = end
        let end = min(end ?? article.blocks.count, layout.body.upperBound)
        for block in layout.body.lowerBound..<max(layout.body.lowerBound, end) {
            add(article.lines(ofBlock: block), in: bytes, inID: block != layout.leftOutOfID)
        }
        // Made after the blocks above were added: they are its own blocks too (one fewer).
        if let unparted {
            self.unparted = [
                DumpArticleDigest(unparted, bytes: bytes, end: given.map { $0 - 1 }, extras: .id)
            ]
        }
    }

    /// Adds the next block of the body; `inID`: whether the id is made with it (a number
    /// alone after the title again is not; see ``DumpArticleLayout/leftOutOfID``).
    mutating func add(_ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer, inID: Bool = true) {
        // Words and text as shown: without page furniture left in the body.
        let hidden = bodyBlocks < layout.hiddenBodyBlocks
        // The captions given again are shown in the caption; the id is made with them.
        let inCaption = !hidden && bodyBlocks < layout.hiddenBodyBlocks + layout.bodyBlocksInCaption
        let notInEarlierID = bodyBlocks < layout.bodyBlocksNotInEarlierID
        let shown =
            words == nil && text == nil || hidden || inCaption
            ? lines
            : DumpBodyBlock.shownLines(lines, caption: captionLines, in: bytes)
        bodyBlocks += 1
        if var counted = words, !hidden, !inCaption {
            // Counted in a local: through the optional, each line cost a check and a copy.
            for line in shown { counted.add(line, in: bytes) }
            words = counted
        }
        if var gathered = text, !hidden, !inCaption {
            text = nil  // not copied when appended to
            DumpArticleDigest.append(paragraph: shown, in: bytes, to: &gathered)
            text = gathered
        }
        if isFurniture { isFurniture = lines.allSatisfy { DumpArticleLayout.isWidget($0, in: bytes) } }
        if !unparted.isEmpty { unparted[0].add(lines, in: bytes) }
        guard inID, var hash = fingerprint else { return }
        var previous = previousFingerprint
        var asShown = shownFingerprint
        if hidden {
            // The header's blocks the body starts with are shown as none: as the header of the
            // title on one line, no part of the id; they were of the earlier id.
            if previous == nil { previous = hash }
            for line in lines { previous?.add(line, in: bytes) }
            previous?.endPart()
            previousFingerprint = previous
            return
        }
        if notInEarlierID {
            // The earlier id was made without this block: its hash is the id's so far.
            if sinceEarlierFingerprint == nil { sinceEarlierFingerprint = hash }
        } else if var earlier = sinceEarlierFingerprint {
            DumpArticleDigest.addToID(lines, in: bytes, to: &earlier)
            sinceEarlierFingerprint = earlier
        }
        // A paragraph as shown, its lines joined: wrapped at another width, it keeps its id.
        if lines.count == 1 {
            // Its blanks as ids are made of them: two spaces or a tab for a space keep the id.
            DumpArticleDigest.add(
                lines[lines.startIndex], in: bytes, to: &hash, previous: &previous, shown: &asShown)
        } else {
            let joined = DumpJoinedLines(lines, in: bytes)
            let before = hash
            let asWritten = hash.add(joined)
            if previous == nil && (joined.joinsLines || !asWritten) { previous = before }
            if asShown == nil && !asWritten && joined.showsBlanksOtherwiseThanHashed { asShown = before }
            asShown?.add(blanksShown: joined)
            if previous != nil {
                for line in lines { previous?.add(line, in: bytes) }
            }
        }
        hash.endPart()
        previous?.endPart()
        asShown?.endPart()
        fingerprint = hash
        previousFingerprint = previous
        shownFingerprint = asShown
    }

    /// Adds a line (a title's, a paragraph's of one line) to the id's hash with its blanks as
    /// ids are made of them, as written to `previous` and as shown to `shown`, each made a copy
    /// of the id's hash first where it comes to differ from it.
    private static func add(
        _ line: LineSpan, in bytes: UnsafeRawBufferPointer, to hash: inout ContentFingerprint,
        previous: inout ContentFingerprint?, shown: inout ContentFingerprint?
    ) {
        // Hashed as written, checked in the same pass; nearly no line is hashed again.
        let before = hash
        guard !hash.add(checkingBlanks: line, in: bytes) else {
            previous?.add(line, in: bytes)
            shown?.add(line, in: bytes)
            return
        }
        hash = before
        let hashed = DumpHashedBlanks.hashed(line, in: bytes)
        let shownBytes = DumpShownBlanks.shown(line, in: bytes)
        if previous == nil { previous = hash }
        if shown == nil && shownBytes != hashed { shown = hash }
        hash.add(hashed)
        previous?.add(line, in: bytes)
        shown?.add(shownBytes)
    }

    /// Adds a block of the body to `hash` as the id's hash takes it: a line with its blanks as
    /// ids are made of them, a paragraph's lines joined.
    private static func addToID(
        _ lines: ArraySlice<LineSpan>, in bytes: UnsafeRawBufferPointer, to hash: inout ContentFingerprint
    ) {
        if lines.count == 1 {
            let line = lines[lines.startIndex]
            let before = hash
            if !hash.add(checkingBlanks: line, in: bytes) {
                hash = before
                hash.add(DumpHashedBlanks.hashed(line, in: bytes))
            }
        } else {
            _ = hash.add(DumpJoinedLines(lines, in: bytes))
        }
        hash.endPart()
    }

    /// The article's id, from what has been added (made with ``Extras/id`` only).
    /// Kept as the hash's number: no string is made for it (see ``ArticleID``).
    var id: ArticleID {
        if let unparted = unparted.first { return unparted.id }
        return fingerprint.map { ArticleID(hex: $0.value) } ?? ArticleID("")
    }

    /// Appends the lines of a paragraph, each ended by a line feed but those before a line that
    /// goes on with a word broken at a hyphen, joined to it as the paragraph shows them
    /// ("well-" and "known" were searched as "well- known").
    private static func append<Lines: RandomAccessCollection<LineSpan>>(
        paragraph lines: Lines, in bytes: UnsafeRawBufferPointer, to text: inout [UInt8]
    ) where Lines.Index == Int {
        // Decoded only when a line but the last ends with "-".
        let mayBreakWords = lines.dropLast().contains {
            !$0.isEmpty && bytes[$0.end - 1] == UInt8(ascii: "-")
        }
        let joined =
            mayBreakWords
            ? Set(
                DumpParagraph.brokenWordLines(of: lines.map { PlainTextDumpParser.decode($0, bytes) }).map {
                    lines.startIndex + $0
                }) : []
        for index in lines.indices {
            if joined.contains(index) { text.removeLast() }
            let line = lines[index]
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end]))
            text.append(0x0A)
        }
    }

    /// The ids earlier versions gave the article, where they differ from ``id``, newest first
    /// (see ``ArticleSummary/earlierIDs``): the one before's (its blanks as shown), where it
    /// differs from the one of its lines as written.
    var earlierIDs: EarlierIDs {
        if let unparted = unparted.first { return unparted.earlierIDs }
        if let earlier = sinceEarlierFingerprint {
            // The id made before the header was told to end before the story's text, first.
            guard let previous = previousFingerprint else { return EarlierIDs(ArticleID(hex: earlier.value)) }
            return EarlierIDs(
                newest: earlier.value, older: (shownFingerprint ?? previous).value, oldest: previous.value)
        }
        guard let previous = previousFingerprint else { return EarlierIDs() }
        return EarlierIDs(newest: (shownFingerprint ?? previous).value, older: previous.value)
    }

    /// The article's id followed by its earlier ids, as the earlier ids of a story cut from its
    /// start since (``DumpGluedHeader``): such a story had this article's ids.
    var asEarlierIDs: EarlierIDs {
        if let unparted = unparted.first { return unparted.asEarlierIDs }
        guard let fingerprint else { return EarlierIDs() }
        guard let previous = previousFingerprint else { return EarlierIDs(ArticleID(hex: fingerprint.value)) }
        return EarlierIDs(
            newest: fingerprint.value, older: (shownFingerprint ?? previous).value, oldest: previous.value)
    }
}

extension DumpArticleBlocks {
    /// The digest of the whole article: the segmenter's, with the last block added, or one
    /// made of every block kept.
    func finishedDigest(
        bytes: UnsafeRawBufferPointer, extras: DumpArticleDigest.Extras = .id
    ) -> DumpArticleDigest {
        guard var digest else { return DumpArticleDigest(self, bytes: bytes, extras: extras) }
        digest.add(lines(ofBlock: blocks.count - 1), in: bytes)
        return digest
    }

    /// The blocks of the body kept whole, in the file's order (all of them when none was let go).
    func keptBody(of layout: DumpArticleLayout) -> Range<Int> {
        guard digest != nil else { return layout.body }
        return layout.body.lowerBound..<max(layout.body.lowerBound, blocks.count - 1)
    }
}
