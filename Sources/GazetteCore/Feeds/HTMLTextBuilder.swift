import Foundation

/// Bytes of UTF-8 text that HTML layout cares about.
enum HTMLByte {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D

    /// HTML's inter-element whitespace (not NBSP).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == tab || byte == carriageReturn || byte == formFeed
    }

    /// Whether `value` is a control that is not whitespace (C0 but tab, newline and carriage
    /// return; DEL): no screen shows it, and between two words it reads as a space.
    static func isControl<Value: BinaryInteger>(_ value: Value) -> Bool {
        (value > 0 && value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F
    }
}

/// Accumulates the text of an HTML tree into paragraphs: block structure, collapsed inline
/// whitespace, list markers, quote prefixes, preformatted text and numbered links. Pure Swift;
/// `HTMLRenderer` drives it from libxml2's tree.
struct HTMLTextBuilder: HTMLTreeSink {
    /// Deepest nesting of quotes that still adds "> " to a paragraph's prefix.
    static let maxQuoteDepth = 16
    /// What a definition (`dd`) is indented by under its term.
    static let definitionIndent = "    "
    /// Deepest list nesting that still adds indentation.
    static let maxListIndent = 8
    /// Columns between tab stops in preformatted text: 8, as browsers and terminals have them
    /// (columns that mix tabs and spaces line up only so).
    static let tabWidth = 8

    private enum Frame {
        case inline
        /// A block, `heading` for h1–h6.
        case block(heading: Bool)
        case list
        case item
        case quote
        case pre
        case row
        case cell
        /// A table, and the section of the table around it that rows were read in.
        case table(outer: HTMLTableGrid.Section)
        /// A table's `thead`, `tbody` or `tfoot`, and the section read before it.
        case rowGroup(previous: HTMLTableGrid.Section)
        /// A link, opened when `ink` was `ink`, at `start` of the paragraph flushed `flushes`
        /// times, a space pending or not; `inPage` when it is a link to a place in the story's
        /// page (``HTMLFootnoteLink``), `toNote` when that is glued to the word before it, as a
        /// footnote's number is.
        case link(
            target: String?, ink: Int, start: Int, flushes: Int, spaced: Bool, toNote: Bool, inPage: Bool)
        case media
        /// A `sup` or `sub`, whose text starts at `start` of the paragraph flushed `flushes` times.
        case script(superscript: Bool, start: Int, flushes: Int)
        /// An inline element styled `display: block`: a line of its own.
        case line
        /// A `div`, opened when a paragraph had been ended `flushes` times, its text starting at
        /// `start` of the line (``HTMLDivisionLines``).
        case division(flushes: Int, start: Int)
        /// A heading in a cell of a table kept in columns: a word apart from the text beside it.
        case cellHeading
        /// A form's control (a button, a list's option): a word apart from the text beside it,
        /// as a browser draws it in a box of its own.
        case control
        /// An element that shows marks around its text: `q` its quotation marks, `del`, `s`
        /// and `strike` "~~" (``HTMLInlineMarks``); `close` is written at its end.
        case marks(close: String)
        /// A table of code (``HTMLCodeTable``), which is preformatted text of its own when
        /// `ownsPre` (not in a `pre` already).
        case codeTable(ownsPre: Bool)
        /// A row of a table of code: a line of it.
        case codeRow
        /// A cell of a table of code that holds code.
        case codeCell
        /// Code in a line of prose (``HTMLInlineCode``): the line's length, the ink and the
        /// separator pending before its opening mark, where its text starts in `line`, and in
        /// the paragraph ended how many times.
        case inlineCode(lineBefore: Int, inkBefore: Int, pendingBefore: Separator, start: Int, flushes: Int)
    }

    /// A video or audio player being read: what its placeholder says, and the source its
    /// `src` or first `<source>` names.
    private struct Media {
        var label: String
        var title: String
        var source: String?
    }

    private struct ListCounter {
        var ordered: Bool
        var next: Int
        /// 1, or -1 for a reversed list.
        var step = 1
        /// The `type` of an ordered list: "1", "a", "A", "i" or "I".
        var style: Character = "1"
        /// The width of the list's widest number, when its items could be counted: narrower
        /// ones are right-aligned to it, so that the items' text starts in one column.
        var labelWidth = 0
        /// What the list's items are indented by: under the text of the item the list is in,
        /// past that item's marker, or two columns past the list it is in directly.
        var itemIndent = ""
        /// How many decorations were open when the list opened: an item among those holds it.
        var decorationsAtOpen = 0
    }

    /// The widest number label of an ordered list of `count` items counted from `start` by
    /// `step` (its first thousand: a label's width grows slowly).
    static func labelWidth(from start: Int, step: Int, count: Int, style: Character) -> Int {
        var widest = 0
        for index in 0..<min(count, 1000) {
            let number = min(max(start + index * step, -maxListNumber - 1), maxListNumber + 1)
            widest = max(widest, listLabel(number, style: style).count)
        }
        return widest
    }

    /// Largest list number shown, either way from zero: a `start` or `value` of any size is
    /// held to it, so that counting on from it never overflows.
    static let maxListNumber = 999_999_999

    /// An item's number as its list's `type` writes it: letters (a…z, aa…) and Roman numerals
    /// for the numbers they can write, digits otherwise.
    static func listLabel(_ number: Int, style: Character) -> String {
        switch style {
        case "a", "A":
            guard number >= 1 else { return String(number) }
            var letters = ""
            var rest = number
            while rest > 0 {
                rest -= 1
                letters = String(UnicodeScalar(UInt8(97 + rest % 26))) + letters
                rest /= 26
            }
            return style == "A" ? letters.uppercased() : letters
        case "i", "I":
            guard let roman = RomanNumeral.text(of: number) else { return String(number) }
            return style == "I" ? roman.uppercased() : roman
        default:
            return String(number)
        }
    }

    /// A list's `start` or an item's `value` as a number within ``maxListNumber``.
    private static func listNumber(_ text: String?) -> Int? {
        guard let text else { return nil }
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard let number = Int(digits) else {
            // Too many digits for an Int: held to the largest, with its sign.
            guard digits.count > 1, digits.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
                digits.first == "-" || digits.first == "+" || digits.first?.isNumber == true
            else { return nil }
            return digits.first == "-" ? -maxListNumber : maxListNumber
        }
        return min(max(number, -maxListNumber), maxListNumber)
    }

    private enum Decoration {
        /// A quotation, told from the others by its number.
        case quote(Int)
        case item(marker: String, indent: String, used: Bool)
        /// A definition list's term (`dt`) or definition (`dd`, indented under it).
        case definition(term: Bool)

        /// Whether it is a list's item or a definition list's part, whose paragraphs follow each
        /// other line by line.
        var isItem: Bool {
            switch self {
            case .item, .definition: true
            case .quote: false
            }
        }

        var isListItem: Bool {
            if case .item = self { return true }
            return false
        }
    }

    /// Whether the last paragraph was a definition list's term (terms that share a definition
    /// follow each other line by line).
    private var lastParagraphTerm = false

    /// Whether the text being built is inside a list item.
    private var isInItem: Bool { decorations.contains(where: \.isItem) }

    private enum Separator: Equatable {
        case none
        case space
        case cell
    }

    private let baseURL: URL?
    private var frames: [Frame] = []
    private var lists: [ListCounter] = []
    private var rows: [Int] = []
    /// The tables being read, innermost last: their rows kept to be laid out in columns at the
    /// table's end, or nil once a cell holds more than a line of text (a list, a quotation);
    /// its rows then go out as they come, a paragraph each.
    private var tables: [HTMLTableGrid?] = []
    /// The section of the innermost table that rows are read in.
    private var section = HTMLTableGrid.Section.body
    /// Whether the row being read is kept in the innermost table's grid.
    private var rowInGrid = false
    /// Where the cells of that row start in `line`, and whether each is a header (`th`).
    private var cellStarts: [CellStart] = []

    private struct CellStart {
        var start: Int
        var isHeader: Bool
        /// Whether the cell spans more than one column or row.
        var spans = false
    }
    private var decorations: [Decoration] = []
    /// The video and audio players being read, innermost last. A player's fallback content (for
    /// browsers without one) is skipped once its source is known, and shown as text otherwise.
    private var media: [Media] = []
    private var preDepth = 0
    /// Whether the last paragraph was written inside a list item.
    private var lastParagraphInItem = false
    /// The quotations the last paragraph was written in, outermost first.
    private var lastParagraphQuotes: [Int] = []
    /// How many quotations have started.
    private var quoteCount = 0

    /// The paragraph being built, as UTF-8.
    private var line: [UInt8] = []
    private var lineIsPre = false
    private var pending = Separator.none
    /// Whether the pending space is the one after a link's marker, which punctuation right
    /// after the link takes the place of ("a link [1], and" rather than "a link [1] , and").
    private var pendingAfterMarker = false
    /// Whether the line ends with a link's marker or a form's control that no space follows: a
    /// word right after it is parted from it ("report [1] Download", not "report [1]Download").
    private var partsNextWord = false
    /// How many times a paragraph was ended: a `sup` that outlived its paragraph is left as it is.
    private var flushes = 0
    /// Where the last player's placeholder starts and its number ends in `line`, in the
    /// paragraph ended `flushes` times before it.
    private var lastPlayer: (start: Int, end: Int, flushes: Int)?
    /// Whether the paragraph in progress ends with a `div` of inline content only, which a
    /// `div` right after goes on by a line (``HTMLDivisionLines``); anything else ends it.
    private var divisionLineEnded = false
    /// How many tables of code (``HTMLCodeTable``) are being read, and code cells of them.
    private var codeTables = 0
    private var codeCells = 0
    /// How many cells the row of a table of code being read has had.
    private var codeRowCells = 0
    /// How many `code` elements between backticks are being read (``HTMLInlineCode``).
    private var inlineCodes = 0
    /// Where a note's label ("1.") ends in `line`, in the paragraph ended `flushes` times: the
    /// paragraph goes on with the note's text, though that starts a block.
    private var noteLabel: (end: Int, flushes: Int)?
    /// Whether the pending space follows players in a row: a line break.
    private var afterPlayers = false
    /// How many times something visible (not white space) was written.
    private var ink = 0
    /// Cached column at `line[columnIndex]`, for tab expansion.
    private var columnIndex = 0
    private var columnValue = 0

    private(set) var paragraphs: [String] = []
    /// Which of `paragraphs` are tables of text, by index.
    private(set) var tableParagraphs: [Int: ArticleTable] = [:]
    /// Which of `paragraphs` are preformatted text of their own.
    private(set) var preformattedParagraphs: Set<Int> = []
    /// Which of `paragraphs` are headings (h1–h6) of their own.
    private(set) var headings: Set<Int> = []
    /// The lines that are a heading's in paragraphs that are not all heading, by paragraph.
    private(set) var headingLines: [Int: Set<Int>] = [:]
    /// How many lines the last paragraph has.
    private var lastParagraphLineCount = 0
    /// How many headings the text being built is in.
    private var headingDepth = 0
    private(set) var links: [String] = []
    /// The links' numbers by address, once there are more than ``linksLookedAtInTurn``.
    private var linkNumbers: [String: Int] = [:]
    /// How many links are looked for one by one: a first dictionary of strings looks up
    /// conformances at run time (0.1 ms, on the way to a feed's first screen), and most
    /// articles have a few links.
    private static let linksLookedAtInTurn = 16
    /// The addresses of the pictures shown, resolved.
    private var pictures: [String] = []
    /// The captions a feed's media fields give pictures, by ``FeedPictureAddress/key(_:)``:
    /// shown as the alt text of an `<img>` of that address that has none (``FeedPictureCaption``).
    var pictureCaptions: [Substring: String] = [:]
    /// The words an ``HTMLTextSkeleton`` cut out of the HTML walked, each written where its
    /// mark is (nil when the HTML is walked as it is).
    var cuts: HTMLTextSkeleton.Cuts?
    /// Whether a mark of `cuts` came where the text is not read word by word (preformatted
    /// text), or was none of theirs: the HTML must be walked as it is.
    private(set) var cutsMisread = false
    /// The captions of `pictureCaptions` shown so far: a caption of several pictures shows once.
    private var captionsShown: Set<String> = []
    /// The last picture written with its alt text: the alt text, how much ink was written when
    /// it (and the number of a link around it) was, and in the paragraph ended how many times.
    private var lastPicture: (alt: String, ink: Int, flushes: Int)?
    /// An element opened right after that picture, which is its caption when its text says the
    /// alt text again (``HTMLRepeatedCaption``): its depth in `frames`, and where its text
    /// starts in `line` of the paragraph ended `flushes` times.
    private var captionAfterPicture: (alt: String, depth: Int, start: Int, flushes: Int)?

    init(baseURL: String? = nil) {
        self.baseURL = baseURL.flatMap { URL(string: $0) }
    }

    /// The paragraphs and links so far, ending the paragraph in progress.
    mutating func finish() -> RenderedHTML {
        noteLabel = nil
        flush()
        dropAltTextsCaptionsSay()
        var rendered = RenderedHTML(paragraphs: paragraphs, links: links, headings: headings)
        rendered.tables = tableParagraphs
        rendered.headingLines = headingLines
        rendered.pictures = pictures
        rendered.preformatted = preformattedParagraphs
        return rendered
    }

    /// An image alone on its line whose caption, the paragraph after it, says its alt text
    /// shows as "[image]" above it: a figure's `<img alt>` and `<figcaption>` of the same words
    /// showed them twice (found by QA).
    private mutating func dropAltTextsCaptionsSay() {
        let prefix = "[image: "
        for index in paragraphs.indices.dropLast() where tableParagraphs[index] == nil {
            let image = paragraphs[index]
            guard image.hasPrefix(prefix), image.hasSuffix("]"), tableParagraphs[index + 1] == nil else {
                continue
            }
            let alt = String(image.dropFirst(prefix.count).dropLast())
            let caption = paragraphs[index + 1]
            guard !alt.contains("[image"), CaptionWords([caption]).say(alt), CaptionWords([alt]).say(caption)
            else { continue }
            paragraphs[index] = "[image]"
        }
    }

    // MARK: Tree events

    mutating func openElement(_ name: String, attribute: (String) -> String?, listItems: () -> Int?) -> Bool {
        let depth = frames.count
        let start = line.count
        let opened = flushes
        // Nothing written since the picture: an element opened now may be its caption.
        let picture =
            captionAfterPicture == nil && preDepth == 0
            ? lastPicture.flatMap { $0.ink == ink && $0.flushes == flushes ? $0 : nil } : nil
        let entered = openElementOfKind(name, attribute: attribute, listItems: listItems)
        if entered, let picture, frames.count == depth + 1 {
            captionAfterPicture = (picture.alt, depth, start, opened)
        }
        return entered
    }

    private mutating func openElementOfKind(
        _ name: String, attribute: (String) -> String?, listItems: () -> Int?
    ) -> Bool {
        // Hidden by the page, with its links (it showed; found by QA): its tail text still shows.
        if HTMLHiddenElement.isHidden(attribute: attribute) { return false }
        if divisionLineEnded && !(name == "div" && preDepth == 0 && tables.isEmpty) { flush() }
        if let player = media.last {
            if name == "source" {
                if player.source == nil {
                    media[media.count - 1].source = attribute("src").flatMap(resolve)
                }
                frames.append(.inline)
                return true
            }
            if player.source != nil { return false }
        }
        guard let kind = HTMLElementKind.of(name) else {
            if name == "input" {
                if let box = HTMLInlineMarks.checkbox(type: attribute("type"), checked: attribute("checked"))
                {
                    markTask(box)
                }
                return false
            }
            if Self.formControls.contains(name) {
                markSpace()
                frames.append(.control)
                return true
            }
            if name == "code", preDepth == 0, codeTables == 0, inlineCodes == 0 {
                openInlineCode()
                return true
            }
            if let marks = HTMLInlineMarks.marks(of: name) {
                writeText(marks.open)
                frames.append(.marks(close: marks.close))
                return true
            }
            if name == "sup" || name == "sub" {
                frames.append(.script(superscript: name == "sup", start: line.count, flushes: flushes))
            } else if let style = attribute("style"), Self.displaysAsBlock(style) {
                // A pull quote's attribution was glued to the quote ("exciting.Nusaybah
                // Mohamed"; found by QA).
                startLine()
                frames.append(.line)
            } else {
                frames.append(.inline)
            }
            return true
        }
        if name == "table", HTMLCodeTable.isCodeTable(classes: attribute("class")) {
            let ownsPre = preDepth == 0
            if ownsPre {
                flush()
                preDepth += 1
                lineIsPre = true
            }
            codeTables += 1
            frames.append(.codeTable(ownsPre: ownsPre))
            return true
        }
        if codeTables > 0 && (kind == .row || kind == .cell) {
            if kind == .row {
                codeRowCells = 0
                frames.append(.codeRow)
                return true
            }
            codeRowCells += 1
            if HTMLCodeTable.isGutter(classes: attribute("class"), index: codeRowCells - 1) { return false }
            codeCells += 1
            frames.append(.codeCell)
            return true
        }
        switch kind {
        case .dropped:
            return false
        case .lineBreak:
            lineBreak()
            return false
        case .rule:
            flush()
            line.append(contentsOf: "───".utf8)
            ink += 1
            flush()
            return false
        case .image:
            // A tracking pixel, and an image whose empty alt says it is decoration, show nothing
            // (they showed as "[image]"; found by QA). One without an alt is an image all the same.
            var alt = collapsed(attribute("alt") ?? "")
            if alt.isEmpty && attribute("alt") != nil { return false }
            let source = attribute("src").flatMap(resolve)
            if Self.isPixel(width: attribute("width"), height: attribute("height"), style: attribute("style"))
            {
                return false
            }
            if !alt.isEmpty, HTMLEmojiImage.isEmoji(alt: alt, classes: attribute("class")) {
                // An emoji in a sentence reads as one, its alt inline as text is.
                var bytes = Array(alt.utf8)
                bytes.withUnsafeMutableBufferPointer { text(UnsafeBufferPointer($0)) }
                return false
            }
            if alt.isEmpty, let source, let caption = pictureCaptions[FeedPictureAddress.key(source)],
                captionsShown.insert(caption).inserted
            {
                // The media's caption of this picture, once (it was lost for "[image]"; found by QA).
                alt = caption
            }
            appendToken(alt.isEmpty ? "[image]" : "[image: \(alt)]")
            markSpace()
            lastPicture = alt.isEmpty ? nil : (alt, ink, flushes)
            if let source { pictures.append(source) }
            return false
        case .media:
            // A frame is a video or audio player by the site it loads, else an embedded page.
            let source = attribute("src").flatMap(resolve)
            let label = name == "audio" || name == "video" ? name : HTMLFramePlayer.label(of: source)
            let player = Media(label: label, title: collapsed(attribute("title") ?? ""), source: source)
            guard name != "iframe" else {
                appendMedia(player)
                return false
            }
            // An embed is the player itself (it was never drawn, its link with it; found by QA).
            // It holds nothing, but libxml2 gives it what follows it up to its parent's end:
            // that is walked as text.
            if name == "embed" {
                appendMedia(player)
                frames.append(.inline)
                return true
            }
            media.append(player)
            frames.append(.media)
        case .link:
            let href = attribute("href")
            let glued = pending == .none && line.last.map { !HTMLByte.isSpace($0) } == true
            let target = href.flatMap(resolve)
            let inPage =
                href.map { FeedItemDraft.trimmed($0).hasPrefix("#") } == true
                || target.map { HTMLFootnoteLink.isInPage($0, base: baseURL) } == true
            frames.append(
                .link(
                    target: target, ink: ink, start: line.count, flushes: flushes,
                    spaced: pending == .space, toNote: glued && inPage, inPage: inPage))
        case .item:
            flush()
            openItem(value: attribute("value"))
        case .quote:
            flush()
            quoteCount += 1
            decorations.append(.quote(quoteCount))
            frames.append(.quote)
        case .row:
            flush()
            rows.append(0)
            frames.append(.row)
            if let grid = tables.last, grid != nil {
                rowInGrid = true
                cellStarts = []
            }
        case .cell:
            if rowInGrid {
                let spans = [attribute("colspan"), attribute("rowspan")].contains {
                    ($0.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1) > 1
                }
                cellStarts.append(CellStart(start: line.count, isHeader: name == "th", spans: spans))
                pending = .none
                rows[rows.count - 1] += 1
            } else if let cells = rows.last {
                if cells > 0 { pending = .cell }
                rows[rows.count - 1] = cells + 1
            } else {
                markSpace()
            }
            frames.append(.cell)
        case .list:
            flush()
            // A list of its own (not one inside an item) starts a paragraph.
            if !isInItem { lastParagraphInItem = false }
            let ordered = name == "ol"
            // A reversed list counts down to 1 from its number of items, unless it starts elsewhere.
            let step = ordered && attribute("reversed") != nil ? -1 : 1
            let start =
                Self.listNumber(attribute("start"))
                ?? (step < 0 ? listItems().map { min($0, Self.maxListNumber) } : nil)
            let style = attribute("type").flatMap { $0.count == 1 && "1aAiI".contains($0) ? $0.first : nil }
            var counter = ListCounter(ordered: ordered, next: start ?? 1, step: step, style: style ?? "1")
            counter.itemIndent = nestedItemIndent()
            counter.decorationsAtOpen = decorations.count
            if ordered, let count = listItems() {
                counter.labelWidth = Self.labelWidth(
                    from: counter.next, step: step, count: count, style: counter.style)
            }
            lists.append(counter)
            frames.append(.list)
        case .preformatted:
            flush()
            preDepth += 1
            lineIsPre = true
            frames.append(.pre)
        case .block:
            if preDepth > 0 {
                frames.append(.inline)
            } else if name == "dt" || name == "dd" {
                // A definition goes under its term, indented, as in a browser: the two were
                // paragraphs apart, the definition flush left.
                flush()
                decorations.append(.definition(term: name == "dt"))
                frames.append(.item)
            } else if name == "dl" && !isInItem {
                // A list of definitions of its own starts a paragraph: a lone `dd` went under the
                // last term of the list before (found by QA).
                flush()
                lastParagraphInItem = false
                lastParagraphTerm = false
                frames.append(.block(heading: false))
            } else if name == "div" && tables.isEmpty {
                // A line after a line of its own (HTMLDivisionLines), else a paragraph.
                if divisionLineEnded {
                    divisionLineEnded = false
                    lineBreak()
                } else {
                    flush()
                }
                frames.append(.division(flushes: flushes, start: line.count))
            } else if name == "table" {
                flush()
                tables.append(HTMLTableGrid())
                frames.append(.table(outer: section))
                section = .body
            } else if !tables.isEmpty, let group = Self.rowGroups[name] {
                flush()
                frames.append(.rowGroup(previous: section))
                section = group
            } else if rowInGrid, Self.headingNames.contains(name) {
                // It stays in its cell, which shows a line of text: it was drawn as a paragraph
                // of its own, the table broken into a paragraph per row (found by QA).
                markSpace()
                frames.append(.cellHeading)
            } else {
                flush()
                let isHeading = Self.headingNames.contains(name)
                if isHeading { headingDepth += 1 }
                frames.append(.block(heading: isHeading))
            }
        }
        return true
    }

    mutating func closeElement() {
        guard let frame = frames.popLast() else { return }
        closeFrame(frame)
        if let caption = captionAfterPicture, frames.count <= caption.depth {
            captionAfterPicture = nil
            if frames.count == caption.depth { dropCaptionRepeatingAlt(caption) }
        }
    }

    /// Takes out the text of an element right after a picture when it says the picture's alt
    /// text again (``HTMLRepeatedCaption``), keeping the line break it ended with.
    private mutating func dropCaptionRepeatingAlt(
        _ caption: (alt: String, depth: Int, start: Int, flushes: Int)
    ) {
        guard caption.flushes == flushes, caption.start < line.count,
            HTMLRepeatedCaption.repeats(line[caption.start...], alt: caption.alt)
        else { return }
        let length = HTMLRepeatedCaption.textLength(of: line[caption.start...])
        removeLineBytes(caption.start..<caption.start + length)
        partsNextWord = false
        if line.last != HTMLByte.newline { markSpace() }
    }

    private mutating func closeFrame(_ frame: Frame) {
        switch frame {
        case .inline, .cell:
            break
        case .marks(let close):
            writeText(close)
        case .codeTable(let ownsPre):
            codeTables -= 1
            if ownsPre {
                preDepth -= 1
                flush()
            }
        case .codeRow:
            // A row of one line of code (GitHub's) ends its line.
            if let last = line.last, last != HTMLByte.newline, preDepth > 0 { line.append(HTMLByte.newline) }
        case .codeCell:
            codeCells -= 1
        case .inlineCode(let lineBefore, let inkBefore, let pendingBefore, let start, let opened):
            inlineCodes -= 1
            closeInlineCode(
                lineBefore: lineBefore, inkBefore: inkBefore, pendingBefore: pendingBefore, start: start,
                opened: opened)
        case .control:
            partsNextWord = pending == .none
        case .block(let heading):
            flush()
            if heading { headingDepth -= 1 }
        case .link(let target, let opened, let start, let flushed, let spaced, let toNote, let inPage):
            let inScript = frames.contains { if case .script = $0 { true } else { false } }
            if inPage, flushed == flushes, ink != opened, start < line.count {
                if HTMLFootnoteLink.isBackLink(line[start...]) {
                    // A note's way back to its reference ("↩") is no text of the note.
                    dropBackLink(from: start)
                    break
                }
                var textStart = start
                while textStart < line.count, line[textStart] == HTMLByte.space { textStart += 1 }
                if let digits = HTMLFootnoteLink.bracketedNumber(line[textStart...]) {
                    // A reference written "[1]" read as a link's number: it reads raised, on
                    // the word before it.
                    line.replaceSubrange(
                        start..<line.count,
                        with: line[(textStart + digits.lowerBound)..<(textStart + digits.upperBound)])
                    if !inScript {
                        writeScript(superscript: true, from: start)
                        partsNextWord = false
                    }
                    break
                }
                if !toNote, !inScript, isNoteNumber(from: start), line[..<start].allSatisfy(HTMLByte.isSpace)
                {
                    // A note's own number before its text, linked back to its reference
                    // (Substack's `footnote-number`): its label, "1. Note" (it read "1 [1]",
                    // the note's text a paragraph below).
                    line.append(UInt8(ascii: "."))
                    ink += 1
                    noteLabel = (line.count, flushes)
                    markSpace()
                    break
                }
                if toNote || inScript, isNoteNumber(from: start) {
                    // A note's number, also when linked by the page's own address ("#fn2" after
                    // it): no page to open.
                    if !inScript { writeScript(superscript: true, from: start) }
                    break
                }
            }
            // A link that shows nothing (around a decorative image, a pixel, hidden text) gets
            // no marker and no number: it left a lone "[1]" (found by QA).
            if let target, ink != opened, flushed != flushes, let last = paragraphs.indices.last,
                tableParagraphs[last] == nil, line.allSatisfy(HTMLByte.isSpace)
            {
                // A link around blocks (a card of a title, a description, a site's name) puts
                // its number after their last paragraph: it stood alone on a line (found by QA).
                paragraphs[last] += " [\(number(of: target))]"
            } else if let target, ink != opened {
                // A link around a player puts its number on the player's line, and a player after
                // it is in a row with that one: players each in a link shared a line, and the
                // number of a link around players in a row stood on a line of its own.
                let afterPlayer = followsPlayer()
                let inRow = afterPlayers
                if afterPlayer { afterPlayers = false }
                let inkBefore = ink
                appendToken("[\(number(of: target))]")
                // A link around a picture: a caption after its number is still right after it.
                if let picture = lastPicture, picture.ink == inkBefore, picture.flushes == flushes {
                    lastPicture?.ink = ink
                }
                partsNextWord = pending == .none
                if afterPlayer, let player = lastPlayer {
                    lastPlayer = (player.start, line.count, flushes)
                    afterPlayers = inRow
                }
            } else if toNote, flushed == flushes, ink != opened, isNoteNumber(from: start), !inScript {
                // A footnote's number glued to its word reads raised, as in a `sup`: "the
                // bill1." read as a word (found by QA).
                writeScript(superscript: true, from: start)
            } else if flushed == flushes {
                dropBlank(from: start, spaced: spaced)
            }
        case .media:
            appendMedia(media.removeLast())
        case .script(let superscript, let start, let flushed):
            if flushed == flushes { writeScript(superscript: superscript, from: start) }
        case .line:
            startLine()
        case .division(let opened, let start):
            let own = opened == flushes && start <= line.count ? line[start...] : []
            if opened == flushes, start > 0, !HTMLDivisionLines.holdsText(own),
                !own.isEmpty || pending != .none
            {
                // A blank line (`<div>&nbsp;</div>`) after lines: a paragraph ends, as at
                // `<div><br></div>` (it was a line of a no-break space; found by QA).
                line.removeSubrange(start...)
                flush()
            } else if opened == flushes, HTMLDivisionLines.holdsText(line[...]) {
                // Its leading spaces go, as the first line's do (" Indented"; found by QA).
                let blank = HTMLDivisionLines.blankPrefixLength(own)
                if start > 0, blank > 0 { removeLineBytes(start..<start + blank) }
                // Inline content only: the next `div` goes on the next line.
                if line.last == HTMLByte.newline { line.removeLast() }
                pending = .none
                divisionLineEnded = true
            } else {
                flush()
            }
        case .cellHeading:
            markSpace()
        case .list:
            flush()
            lists.removeLast()
        case .item, .quote:
            flush()
            decorations.removeLast()
        case .pre:
            preDepth -= 1
            flush()
        case .row:
            if rowInGrid {
                let cells = gridCells()
                rowInGrid = false
                line.removeAll(keepingCapacity: true)
                pending = .none
                if cells.count > 1 && cellStarts.contains(where: \.spans), let last = tables.last,
                    let grid = last
                {
                    // A cell over two columns or rows: the cells of the rows would not line up.
                    tables[tables.count - 1] = nil
                    writeRows(of: grid)
                    line.append(contentsOf: HTMLTableGrid.joined(cells).utf8)
                    flush()
                } else {
                    tables[tables.count - 1]?.add(cells, in: section)
                }
            } else {
                flush()
            }
            rows.removeLast()
        case .table(let outer):
            flush()
            section = outer
            if let grid = tables.removeLast() {
                writeGrid(grid)
            }
        case .rowGroup(let previous):
            flush()
            section = previous
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if media.last?.source != nil { return }
        // The white space between a table of code's rows and cells is no code.
        if codeTables > 0 && codeCells == 0 { return }
        if preDepth > 0 {
            if cuts != nil, HTMLTextSkeleton.holdsMark(bytes) { cutsMisread = true }
            appendPreformatted(bytes)
            return
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if HTMLByte.isSpace(byte) || HTMLByte.isControl(byte) {
                markSpace()
                index += 1
                continue
            }
            if divisionLineEnded { flush() }
            if partsNextWord {
                partsNextWord = false
                if pending == .none, Self.startsWord(bytes, at: index) { pending = .space }
            }
            if pending != .none {
                // Punctuation that closes a phrase (a space or the text's end after it):
                // ".NET" and ":)" after a link keep their space.
                if pending == .space, pendingAfterMarker, Self.closesAPhrase(byte),
                    index + 1 == bytes.count || HTMLByte.isSpace(bytes[index + 1])
                {
                    pending = .none
                }
                emitPending()
            }
            // The rest of the word goes on as it is: nothing is pending inside it.
            var end = index + 1
            while end < bytes.count && !HTMLByte.isSpace(bytes[end]) && !HTMLByte.isControl(bytes[end]) {
                end += 1
            }
            // A skeleton's mark: the words it stands for, as they would have been written.
            if byte == HTMLTextSkeleton.markLead, let cuts,
                let mark = HTMLTextSkeleton.markIndex(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            {
                guard let cut = cuts.cut(mark) else {
                    cutsMisread = true
                    return
                }
                line.append(contentsOf: cut.text)
                ink += cut.ink
                index = end
                continue
            }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
            // Characters that show nothing (no-break and zero-width spaces) are no ink: a
            // link of "&nbsp;" got a number (found by QA).
            for at in index..<end {
                let byte = bytes[at]
                if byte < 0x80 || (byte >= 0xC0 && !Self.startsBlank(bytes, at: at)) { ink += 1 }
            }
            index = end
        }
    }

    /// Writes the mark that opens inline code, a word apart from a link's number before it.
    private mutating func openInlineCode() {
        let lineBefore = line.count
        let inkBefore = ink
        let pendingBefore = pending
        if partsNextWord, pending == .none { pending = .space }
        partsNextWord = false
        emitPending()
        line.append(HTMLInlineCode.mark)
        ink += 1
        inlineCodes += 1
        frames.append(
            .inlineCode(
                lineBefore: lineBefore, inkBefore: inkBefore, pendingBefore: pendingBefore, start: line.count,
                flushes: flushes))
    }

    /// Closes inline code with the fence it needs; code that shows nothing loses its opening
    /// mark, and the line is as it was before it.
    private mutating func closeInlineCode(
        lineBefore: Int, inkBefore: Int, pendingBefore: Separator, start: Int, opened: Int
    ) {
        guard opened == flushes, start <= line.count else { return }
        if ink == inkBefore + 1 {
            removeLineBytes(lineBefore..<line.count)
            ink = inkBefore
            if pendingBefore != .none { pending = pendingBefore }
            return
        }
        let fence = HTMLInlineCode.fenceLength(of: line[start...])
        if fence > 1 {
            line.insert(contentsOf: repeatElement(HTMLInlineCode.mark, count: fence - 1), at: start)
            columnIndex = 0
            columnValue = 0
        }
        line.append(contentsOf: repeatElement(HTMLInlineCode.mark, count: fence))
        ink += 1
    }

    /// A form's controls, each a word of its own (``Frame/control``).
    private static let formControls: Set<String> = ["button", "select", "option", "textarea"]

    /// Whether the character at `index` is a letter or a digit.
    private static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return FeedItemDraft.isLetter(byte) || FeedItemDraft.isDigit(byte) }
        let end = min(bytes.count, index + 4)
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            .unicodeScalars.first
        return scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
    }

    /// Whether the text from `start` on is a footnote's number: one to three digits.
    private func isNoteNumber(from start: Int) -> Bool {
        let count = line.count - start
        return (1...3).contains(count) && line[start...].allSatisfy(FeedItemDraft.isDigit)
    }

    /// Takes out the text of a link that shows nothing from `start` on, when it is no-break,
    /// zero-width or plain spaces, leaving one space where it or the text beside it had one:
    /// "word <a>&nbsp;</a> word" read "word   word" (found by QA); in a browser the spaces of a
    /// link that shows nothing read as one.
    private mutating func dropBlank(from start: Int, spaced: Bool) {
        guard preDepth == 0, start < line.count, !(rowInGrid && (cellStarts.last?.start ?? 0) > start) else {
            return
        }
        var index = start
        var space = spaced
        while index < line.count {
            let byte = line[index]
            func next(_ offset: Int) -> UInt8 { index + offset < line.count ? line[index + offset] : 0 }
            if byte == HTMLByte.space {
                space = true
                index += 1
            } else if byte == 0xC2 && next(1) == 0xA0 {
                space = true
                index += 2
            } else if (byte == 0xE2 && next(1) == 0x80 && (0x8B...0x8D).contains(next(2)))
                || (byte == 0xE2 && next(1) == 0x81 && next(2) == 0xA0)
                || (byte == 0xEF && next(1) == 0xBB && next(2) == 0xBF)
            {
                index += 3
            } else {
                return
            }
        }
        line.removeSubrange(start...)
        while line.last == HTMLByte.space { line.removeLast() }
        if space {
            pending = .space
            pendingAfterMarker = false
        }
    }

    /// Takes out `range` of the line, where nothing is marked after it but a player's place.
    private mutating func removeLineBytes(_ range: Range<Int>) {
        line.removeSubrange(range)
        if let player = lastPlayer, player.flushes == flushes, player.start >= range.upperBound {
            lastPlayer = (player.start - range.count, player.end - range.count, player.flushes)
        }
        columnIndex = 0
        columnValue = 0
    }

    /// Takes out a note's way back to its reference from `start` on, with the spaces before it.
    private mutating func dropBackLink(from start: Int) {
        line.removeSubrange(start...)
        while line.last == HTMLByte.space || (line.count >= 2 && line.suffix(2).elementsEqual([0xC2, 0xA0])) {
            line.removeLast(line.last == HTMLByte.space ? 1 : 2)
        }
        pending = .none
        partsNextWord = false
        markSpace()
        columnIndex = 0
        columnValue = 0
    }

    /// Whether the character at `index` (a lead byte) is a space that shows nothing or a
    /// no-break space: U+00A0, U+200B–U+200D, U+2060, U+FEFF.
    private static func startsBlank(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0xC2: return byte(1) == 0xA0
        case 0xE2:
            return (byte(1) == 0x80 && (0x8B...0x8D).contains(byte(2)))
                || (byte(1) == 0x81 && byte(2) == 0xA0)
        case 0xEF: return byte(1) == 0xBB && byte(2) == 0xBF
        default: return false
        }
    }

    /// Ends the paragraph in progress (plain text's blank lines).
    mutating func breakParagraph() {
        flush()
    }

    // MARK: Inline content

    private mutating func markSpace() {
        if pending == .none {
            pending = .space
            pendingAfterMarker = false
        }
    }

    private mutating func emitPending() {
        if !line.isEmpty && line.last != HTMLByte.newline {
            switch pending {
            case .none: break
            case .space: line.append(afterPlayers ? HTMLByte.newline : HTMLByte.space)
            case .cell: line.append(contentsOf: " | ".utf8)
            }
        }
        pending = .none
        pendingAfterMarker = false
        afterPlayers = false
    }

    /// Whether `byte` is punctuation that closes a phrase (a comma, a full stop, a bracket):
    /// no space goes before it.
    private static func closesAPhrase(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// Appends a marker such as "[1]" or "[image]", separated from the word before it.
    /// A space that was pending stays pending after it ("text </a>word" → "text [1] word").
    private mutating func appendToken(_ token: String) {
        var spaceAfter = pending == .space
        // Spaces HTML does not collapse (no-break, thin, narrow no-break) that end a link's text
        // (`Bundle.&nbsp;</a>It`) are the space after the marker: it read "Bundle.  [1]It".
        if pending != .cell {
            while true {
                if let width = Self.trailingWideSpaceLength(of: line) {
                    line.removeLast(width)
                } else if line.last == HTMLByte.space, spaceAfter {
                    line.removeLast()
                } else {
                    break
                }
                spaceAfter = true
            }
        }
        if pending == .none {
            if let last = line.last, last != HTMLByte.newline, last != HTMLByte.space {
                line.append(HTMLByte.space)
            }
        } else {
            emitPending()
        }
        line.append(contentsOf: token.utf8)
        partsNextWord = false
        ink += 1
        if spaceAfter {
            pending = .space
            pendingAfterMarker = true
        }
    }

    /// The length in bytes of the space separator other than U+0020 that `line` ends with
    /// (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000), if it ends with one.
    private static func trailingWideSpaceLength(of line: [UInt8]) -> Int? {
        let count = line.count
        if count >= 2, line[count - 2] == 0xC2, line[count - 1] == 0xA0 { return 2 }
        guard count >= 3 else { return nil }
        let (first, second, third) = (line[count - 3], line[count - 2], line[count - 1])
        let isSpace =
            (first == 0xE2 && second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xAF))
            || (first == 0xE2 && second == 0x81 && third == 0x9F)
            || (first == 0xE3 && second == 0x80 && third == 0x80)
        return isSpace ? 3 : nil
    }

    /// Starts a new line unless the line in progress is empty or has just been broken.
    private mutating func startLine() {
        guard let last = line.last, last != HTMLByte.newline else { return }
        lineBreak()
    }

    /// Whether an inline style (`display: block`, in any case and spacing) lays the element
    /// out as a block: its last `display` says block, flex, grid, list-item or table.
    static func displaysAsBlock(_ style: String) -> Bool {
        guard style.utf8.count < 4096, let display = HTMLInlineStyle.value(of: "display", in: style) else {
            return false
        }
        return ["block", "flex", "grid", "list-item", "table"].contains(HTMLInlineStyle.keyword(display))
    }

    private mutating func lineBreak() {
        if preDepth > 0 {
            line.append(HTMLByte.newline)
            return
        }
        // A cell of more than one line: the table is no grid.
        leaveGrid()
        pending = .none
        afterPlayers = false
        guard let last = line.last else { return }
        if last == HTMLByte.newline {
            // Two breaks in a row separate paragraphs.
            line.removeLast()
            flush()
        } else {
            line.append(HTMLByte.newline)
        }
    }

    private mutating func appendPreformatted(_ bytes: UnsafeBufferPointer<UInt8>) {
        emitPending()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case HTMLByte.carriageReturn:
                line.append(HTMLByte.newline)
                if index + 1 < bytes.count && bytes[index + 1] == HTMLByte.newline { index += 1 }
            case HTMLByte.tab:
                let spaces = Self.tabWidth - column() % Self.tabWidth
                line.append(contentsOf: repeatElement(HTMLByte.space, count: spaces))
            case HTMLByte.formFeed:
                line.append(HTMLByte.space)
            default:
                line.append(byte)
                if byte != HTMLByte.space && byte != HTMLByte.newline { ink += 1 }
            }
            index += 1
        }
    }

    /// The column at the end of `line`, counted in code points since the last line feed.
    private mutating func column() -> Int {
        if columnIndex > line.count {
            columnIndex = 0
            columnValue = 0
        }
        while columnIndex < line.count {
            let byte = line[columnIndex]
            if byte == HTMLByte.newline {
                columnValue = 0
            } else if byte < 0x80 {
                columnValue += 1
            } else if !UTF8.isContinuation(byte) {
                // Terminal columns: a wide character takes two, a combining mark none.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where columnIndex + offset < line.count {
                    value = value << 6 | UInt32(line[columnIndex + offset] & 0x3F)
                }
                columnValue += Unicode.Scalar(value).map(DisplayWidth.scalarWidth) ?? 1
            }
            columnIndex += 1
        }
        return columnValue
    }

    // MARK: Superscripts and subscripts

    /// Writes the text of a `sup` or `sub` from `start` on as it reads on one line
    /// (`HTMLScriptText`). The markers of links inside follow it.
    private mutating func writeScript(superscript: Bool, from start: Int) {
        var begin = start
        while begin < line.count, line[begin] == HTMLByte.space { begin += 1 }
        guard begin < line.count, !line[begin...].contains(HTMLByte.newline) else { return }
        var end = line.count
        while let marker = Self.linkMarkerStart(in: line, from: begin, to: end) { end = marker }
        guard begin < end,
            let written = HTMLScriptText.written(
                String(decoding: line[begin..<end], as: UTF8.self), superscript: superscript,
                before: HTMLScriptText.lastScalar(of: line[..<start]))
        else { return }
        line.replaceSubrange(begin..<end, with: written.utf8)
        columnIndex = 0
        columnValue = 0
    }

    /// Where a link's marker (" [12]") that ends `line[begin..<end]` starts, if one does.
    private static func linkMarkerStart(in line: [UInt8], from begin: Int, to end: Int) -> Int? {
        var index = end - 1
        guard index > begin, line[index] == UInt8(ascii: "]") else { return nil }
        index -= 1
        let digitsEnd = index
        while index >= begin, FeedItemDraft.isDigit(line[index]) { index -= 1 }
        guard index < digitsEnd, index >= begin, line[index] == UInt8(ascii: "[") else { return nil }
        return index > begin && line[index - 1] == HTMLByte.space ? index - 1 : index
    }

    // MARK: Links and lists

    /// A link's or a player's target, resolved against the story's address; nil for none to
    /// open: empty, a fragment, or one no browser is handed (a script, a blank page, data
    /// inline: ``UnlistedAddress``).
    private func resolve(_ href: String) -> String? {
        let target = FeedItemDraft.trimmed(href)
        guard !target.isEmpty, !target.hasPrefix("#"), !UnlistedAddress.matches(target) else { return nil }
        guard let baseURL, let url = URL(string: target, relativeTo: baseURL) else { return target }
        return url.absoluteString
    }

    /// Whether an image shows nothing for its size: its width and height (attributes `1`,
    /// `0px`, or its inline style's, which win: `width: 1px`) are both given and at most one
    /// pixel, or one of them is zero. An image sized so by its style only showed as "[image]".
    static func isPixel(width: String?, height: String?, style: String?) -> Bool {
        func pixels(_ length: String?) -> Double? {
            guard
                let digits = length?.drop(while: { $0 == " " }).prefix(while: { $0.isASCII && $0.isNumber }),
                !digits.isEmpty
            else { return nil }
            return digits.count > 2 ? 100 : Double(digits)
        }
        var width = pixels(width)
        var height = pixels(height)
        // A length the style gives wins, known in pixels (`1px`) or not (`100%`).
        if let style {
            if let length = HTMLInlineStyle.value(of: "width", in: style) {
                width = HTMLInlineStyle.pixels(length)
            }
            if let length = HTMLInlineStyle.value(of: "height", in: style) {
                height = HTMLInlineStyle.pixels(length)
            }
        }
        if width == 0 || height == 0 { return true }
        guard let width, let height else { return false }
        return width <= 1 && height <= 1
    }

    /// A player as the text shows it, "[video: title]" and its source's number; nothing for
    /// one without a source.
    /// Players in a row (nothing but white space, or the number of a link around one, between
    /// them) each stand on a line of their
    /// own, and what follows them starts a line: they shared one (found by QA). A player in a
    /// sentence stays in it, as an image does.
    private mutating func appendMedia(_ player: Media) {
        guard let source = player.source else { return }
        // In a cell of a table kept in columns, drawn on one line, players share the line: a
        // line break there was measured as no column and drawn as a space (the cell was cut a
        // column short), and one in the next cell broke the line of the cell before (found by QA).
        let inRow = !rowInGrid && followsPlayer()
        if inRow {
            if let previous = lastPlayer, previous.start > 0, line[previous.start - 1] == HTMLByte.space {
                line[previous.start - 1] = HTMLByte.newline
            }
            while line.last == HTMLByte.space { line.removeLast() }
            if let last = line.last, last != HTMLByte.newline { line.append(HTMLByte.newline) }
            pending = .none
        }
        let placeholder = player.title.isEmpty ? "[\(player.label)]" : "[\(player.label): \(player.title)]"
        appendToken(placeholder)
        let start = line.count - placeholder.utf8.count
        appendToken("[\(number(of: source))]")
        lastPlayer = (start, line.count, flushes)
        markSpace()
        afterPlayers = inRow
    }

    /// Whether the paragraph in progress ends with a player's placeholder and white space.
    private func followsPlayer() -> Bool {
        guard pending != .cell, let previous = lastPlayer, previous.flushes == flushes,
            previous.end <= line.count
        else { return false }
        return line[previous.end...].allSatisfy { $0 == HTMLByte.space || $0 == HTMLByte.newline }
    }

    private mutating func number(of target: String) -> Int {
        if links.count <= Self.linksLookedAtInTurn {
            if let index = links.firstIndex(of: target) { return index + 1 }
        } else if let number = linkNumbers[target] {
            return number
        }
        links.append(target)
        if links.count == Self.linksLookedAtInTurn + 1 {
            for (index, link) in links.enumerated() { linkNumbers[link] = index + 1 }
        } else if links.count > Self.linksLookedAtInTurn {
            linkNumbers[target] = links.count
        }
        return links.count
    }

    /// Text the page does not give, written as if it did (a mark around an element's text).
    private mutating func writeText(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { self.text(UnsafeBufferPointer($0)) }
    }

    /// A task list's checkbox ("[x]", "[ ]"): the bullet of the item it starts, else a word of
    /// the text.
    private mutating func markTask(_ box: String) {
        if line.allSatisfy(HTMLByte.isSpace), let index = decorations.indices.last,
            case .item(let marker, let indent, false) = decorations[index], marker == "• "
        {
            decorations[index] = .item(marker: box + " ", indent: indent, used: false)
            return
        }
        appendToken(box)
        markSpace()
    }

    private mutating func openItem(value: String?) {
        var marker = "• "
        if let counter = lists.last, counter.ordered {
            let number = Self.listNumber(value) ?? counter.next
            let label = Self.listLabel(number, style: counter.style)
            marker = String(repeating: " ", count: max(0, counter.labelWidth - label.count)) + label + ". "
            lists[lists.count - 1].next = number + counter.step
        }
        decorations.append(.item(marker: marker, indent: lists.last?.itemIndent ?? "", used: false))
        frames.append(.item)
    }

    /// The indent of the items of a list opening here: under the text of the item it is in
    /// (its number or bullet under that item's first letter, as a browser shows a nested list;
    /// two columns each level, the inner numbers sat under the outer ones' dots), or two
    /// columns deeper than the list it is in directly; no deeper past `maxListIndent` lists.
    private func nestedItemIndent() -> String {
        guard let outer = lists.last else { return "" }
        guard lists.count <= Self.maxListIndent else { return outer.itemIndent }
        if let item = decorations.lastIndex(where: \.isListItem), item >= outer.decorationsAtOpen,
            case .item(let marker, let indent, _) = decorations[item]
        {
            return indent + String(repeating: " ", count: marker.count)
        }
        return outer.itemIndent + "  "
    }

    /// The prefixes of the next paragraph's first and following lines: "> " per enclosing quote
    /// (up to `maxQuoteDepth`), the innermost list item's marker (on its first paragraph) or
    /// matching indentation, and `definitionIndent` per enclosing definition; the item's marker
    /// is then used. Takes time in the nesting depth, which libxml2 bounds at 256.
    private mutating func prefixes() -> (first: String, rest: String) {
        let (first, rest, items) = pendingPrefixes()
        for item in items {
            if case .item(let marker, let indent, _) = decorations[item] {
                decorations[item] = .item(marker: marker, indent: indent, used: true)
            }
        }
        return (first, rest)
    }

    /// ``prefixes()`` without using the items' markers, and where the items whose markers it
    /// writes are in `decorations`. An item whose quotation starts with a list shows its own
    /// marker before the quotation's ("1. > 1. w1"; it was lost; found by QA).
    /// A list item with a quotation inside it keeps its indent before the quotation's marks,
    /// and the items inside the quotation are indented from there ("• > c0", "  > • t1"): the
    /// outer item's indent was lost under the marks (">   • t1"; found by QA).
    private func pendingPrefixes() -> (first: String, rest: String, items: [Int]) {
        var first = ""
        var rest = ""
        var quotes = 0
        let innermostItem = decorations.lastIndex(where: \.isListItem)
        let lastQuote = decorations.lastIndex { if case .quote = $0 { true } else { false } }
        // The indentation already written before a quotation's marks, in columns of list levels.
        var written = 0
        var items: [Int] = []
        for index in decorations.indices {
            switch decorations[index] {
            case .quote:
                quotes += 1
                guard quotes <= Self.maxQuoteDepth else { continue }
                first += "> "
                rest += "> "
            case .item(let marker, let indent, let used):
                let own = String(indent.dropFirst(written))
                let blank = own + String(repeating: " ", count: marker.count)
                if index == innermostItem {
                    first += used ? blank : own + marker
                    rest += blank
                    items.append(index)
                } else if let lastQuote, index < lastQuote, written <= indent.count {
                    // (Past the deepest indentation, as deeper lists, it is written once.)
                    first += used ? blank : own + marker
                    rest += blank
                    written = indent.count + marker.count
                    items.append(index)
                }
            case .definition(let term):
                guard !term else { continue }
                first += Self.definitionIndent
                rest += Self.definitionIndent
            }
        }
        return (first, rest, items)
    }

    // MARK: Paragraphs

    private mutating func flush() {
        if let label = noteLabel {
            // A note's label waits for the note's text, which starts a block of its own.
            if label.flushes == flushes, label.end == line.count { return }
            noteLabel = nil
        }
        // A paragraph ends inside a cell (a list, a quotation): the table is no grid.
        leaveGrid()
        defer {
            partsNextWord = false
            divisionLineEnded = false
            flushes += 1
            afterPlayers = false
            line.removeAll(keepingCapacity: true)
            pending = .none
            lineIsPre = preDepth > 0
            columnIndex = 0
            columnValue = 0
        }
        guard let body = trimmed(line[...], preformatted: lineIsPre) else { return }
        // Checked eight bytes a step where ASCII (`String(decoding:as:)` checked it byte by byte).
        var text = XMLTextString.make(body)
        // A paragraph of characters that show nothing (a zero-width space alone, `&#8203;`,
        // bidi marks) is as empty as one of spaces: it showed as an empty paragraph (found by QA).
        // A zero-width space among words stays, a break hint.
        guard !TerminalSanitizer.showsNothing(text) else { return }
        if lineIsPre { text = HTMLCodeBlockMark.marked(Self.withoutCommonIndent(text)) }
        let inItem = isInItem
        let (first, rest) = prefixes()
        let quotes = decorations.compactMap { decoration -> Int? in
            if case .quote(let number) = decoration { return number }
            return nil
        }
        let term: Bool
        if case .definition(true) = decorations.last(where: \.isItem) { term = true } else { term = false }
        defer {
            lastParagraphInItem = inItem
            lastParagraphQuotes = quotes
            lastParagraphTerm = term
        }
        if first.isEmpty && rest.isEmpty {
            if term && lastParagraphTerm, let last = paragraphs.last,
                last.utf8.count < Self.listParagraphBytes
            {
                joinToLast(last, text)
            } else {
                appendParagraph(text, preformatted: lineIsPre)
            }
            return
        }
        var result = first
        var isFirst = true
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !isFirst {
                result += "\n"
                result += rest
            }
            result += piece
            isFirst = false
        }
        // A list's items follow each other line by line, as in a browser (a blank line between
        // every two items spread a short list over a screen): a paragraph in a list item goes
        // on the paragraph before when that was in a list item too (an item's second paragraph
        // after a blank line split the list in two; found by QA).
        let shared = zip(quotes, lastParagraphQuotes).prefix { $0 == $1 }.count
        if inItem && lastParagraphInItem, let last = paragraphs.last,
            last.utf8.count < Self.listParagraphBytes
        {
            joinToLast(last, result)
        } else if shared > 0, let last = paragraphs.last, last.utf8.count < Self.listParagraphBytes {
            // Paragraphs of one quotation are parted by a line of its "> " marks, as mutt
            // quotes them: after a blank line the next read as another quotation (found by QA).
            let marks = Array(repeating: ">", count: min(shared, Self.maxQuoteDepth)).joined(separator: " ")
            joinToLast(last, result, after: marks)
        } else {
            appendParagraph(result, preformatted: lineIsPre)
        }
    }

    // MARK: Tables

    /// The cells of the grid row being read, each without surrounding whitespace.
    private func gridCells() -> [HTMLTableGrid.Cell] {
        var cells: [HTMLTableGrid.Cell] = []
        let bounds = cellStarts.isEmpty ? [CellStart(start: 0, isHeader: false)] : cellStarts
        for (index, cell) in bounds.enumerated() {
            // Text before the first cell (outside any) goes with it.
            let start = index == 0 ? 0 : cell.start
            let end = index + 1 < bounds.count ? bounds[index + 1].start : line.count
            let text = trimmed(line[start..<end], preformatted: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            cells.append(HTMLTableGrid.Cell(text: text ?? "", isHeader: cell.isHeader))
        }
        return cells
    }

    /// Gives up the innermost table's grid when a cell holds more than a line of text: the
    /// rows kept so far go out a paragraph each, as the rest will, and the row being read goes
    /// on as cells joined by " | ".
    private mutating func leaveGrid() {
        guard rowInGrid, let last = tables.last, let grid = last else { return }
        let cells = gridCells()
        rowInGrid = false
        tables[tables.count - 1] = nil
        line.removeAll(keepingCapacity: true)
        pending = .none
        writeRows(of: grid)
        line.append(contentsOf: HTMLTableGrid.joined(cells).utf8)
        rows[rows.count - 1] = cells.count
    }

    /// A paragraph per row of `grid`, its cells joined by " | ".
    private mutating func writeRows(of grid: HTMLTableGrid) {
        for row in grid.rows {
            line.append(contentsOf: HTMLTableGrid.joined(row).utf8)
            flush()
        }
    }

    /// Writes a table as a paragraph of its own, which the layout lays out again at the pane's
    /// width: its text is the table in columns at 78, or a line per row when wider. A table of
    /// more than `listParagraphBytes` gives a paragraph per row.
    private mutating func writeGrid(_ grid: HTMLTableGrid) {
        guard !grid.rows.isEmpty else { return }
        let widest = HTMLTableGrid.widestAligned - pendingPrefixes().rest.count
        let lines = grid.lines(widest: widest) ?? grid.rows.map(HTMLTableGrid.joined)
        guard lines.reduce(0, { $0 + $1.utf8.count + 1 }) < Self.listParagraphBytes else {
            writeRows(of: grid)
            return
        }
        let (first, rest) = prefixes()
        var text = first
        for (index, row) in lines.enumerated() {
            if index > 0 {
                text += "\n"
                text += rest
            }
            text += row
        }
        tableParagraphs[paragraphs.count] = ArticleTable(grid: grid, first: first, rest: rest)
        paragraphs.append(text)
        lastParagraphLineCount = Self.lineCount(of: text)
        // Nothing goes on the table's paragraph: the layout shows the table alone, and text
        // joined to it (the rest of a list item or quotation) was lost (found by QA).
        lastParagraphInItem = false
        lastParagraphQuotes = []
        lastParagraphTerm = false
    }

    /// Adds `text` to the last paragraph (`last`) on lines of its own, after a line of `marks`
    /// when given. The paragraph stays a heading only if `text` is one too: a quotation's
    /// paragraph after its heading was bold. Otherwise the lines of a heading are marked as
    /// such: a list item's or quotation's heading joined to its text was drawn plain.
    private mutating func joinToLast(_ last: String, _ text: String, after marks: String? = nil) {
        let index = paragraphs.count - 1
        paragraphs[index] = last + "\n" + (marks.map { $0 + "\n" } ?? "") + text
        let start = lastParagraphLineCount + (marks == nil ? 0 : 1)
        let added = Self.lineCount(of: text)
        if headingDepth > 0 {
            if !headings.contains(index) { headingLines[index, default: []].formUnion(start..<start + added) }
        } else if headings.remove(index) != nil {
            headingLines[index] = Set(0..<lastParagraphLineCount)
        }
        lastParagraphLineCount = start + added
    }

    /// Appends a paragraph of its own, a heading when written in one.
    private mutating func appendParagraph(_ text: String, preformatted: Bool = false) {
        if preformatted { preformattedParagraphs.insert(paragraphs.count) }
        if headingDepth > 0 { headings.insert(paragraphs.count) }
        paragraphs.append(text)
        lastParagraphLineCount = Self.lineCount(of: text)
    }

    /// How many lines ("\n"-parted) `text` has.
    private static func lineCount(of text: String) -> Int {
        var text = text
        return 1 + text.withUTF8 { ByteSearch.count(HTMLByte.newline, in: UnsafeRawBufferPointer($0)) }
    }

    /// The sections of a table its row groups stand for.
    private static let rowGroups: [String: HTMLTableGrid.Section] = [
        "thead": .head, "tbody": .body, "tfoot": .foot,
    ]

    private static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Past this size a list's items start paragraphs of their own again (a paragraph is cut
    /// where it is too long to be prose, `ArticleLayout.maxParagraphBytes`).
    static let listParagraphBytes = 128 << 10

    /// The paragraph without surrounding whitespace (for preformatted text: without leading blank
    /// lines, keeping the first line's indentation), or nil when nothing but whitespace is left.
    private func trimmed(_ bytes: ArraySlice<UInt8>, preformatted: Bool) -> ArraySlice<UInt8>? {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while end > start, let width = whitespaceWidth(bytes, endingAt: end) { end -= width }
        while start < end, let width = whitespaceWidth(bytes, startingAt: start) { start += width }
        guard start < end else { return nil }
        if preformatted {
            while start > bytes.startIndex && bytes[start - 1] != HTMLByte.newline { start -= 1 }
        }
        return bytes[start..<end]
    }

    private func whitespaceWidth(_ bytes: ArraySlice<UInt8>, startingAt index: Int) -> Int? {
        if HTMLByte.isSpace(bytes[index]) { return 1 }
        if bytes[index] == 0xC2 && index + 1 < bytes.endIndex && bytes[index + 1] == 0xA0 { return 2 }
        return nil
    }

    private func whitespaceWidth(_ bytes: ArraySlice<UInt8>, endingAt end: Int) -> Int? {
        if HTMLByte.isSpace(bytes[end - 1]) { return 1 }
        if bytes[end - 1] == 0xA0 && end - 2 >= bytes.startIndex && bytes[end - 2] == 0xC2 { return 2 }
        return nil
    }

    /// Preformatted text without the indentation all its lines share: the feed's own source
    /// indents a `<pre>` with its markup, and its lines were squeezed into the right of the pane
    /// (found by QA). Blank lines do not count.
    static func withoutCommonIndent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.compactMap { line -> Int? in
            let spaces = line.prefix { $0 == " " }.count
            return spaces == line.count ? nil : spaces
        }
        guard let common = indents.min(), common > 0 else { return text }
        return lines.map { $0.dropFirst(min(common, $0.prefix { $0 == " " }.count)) }.joined(separator: "\n")
    }

    /// The words of `text` with one space between them.
    private func collapsed(_ text: String) -> String {
        WordJoin.collapsedAtTextSpace(text)
    }
}
