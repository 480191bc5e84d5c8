import Foundation

/// One line of an article as the pane shows it.
public struct DisplayLine: Equatable, Sendable {
    /// What the line is, so a view can style it.
    public enum Kind: Sendable, Equatable {
        case title, caption, body, blank
    }

    public var text: String
    public var kind: Kind
    /// How the line is read as text (by the search's highlights): how many characters at its
    /// start are the layout's indentation, whether it goes on with the word the line before
    /// broke, and whether its last character is a hyphen of the break's own.
    public var reading = SearchQuery.LineReading()
    /// Whether the line is of a heading of the story's text (shown bold, as the title).
    public var isHeading = false

    public init(
        _ text: String, _ kind: Kind, reading: SearchQuery.LineReading = SearchQuery.LineReading(),
        isHeading: Bool = false
    ) {
        self.text = text
        self.kind = kind
        self.reading = reading
        self.isHeading = isHeading
    }
}

/// An article wrapped to a width: title, caption, a blank line, then the paragraphs with a
/// blank line between them. Text is sanitised here, once, for every view that shows it.
public struct ArticleLayout: Sendable {
    public let lines: [DisplayLine]
    public let width: Int
    /// Whether the lines are a notice that the story's file changed on disk, not the story.
    public let changedOnDisk: Bool
    /// How many paragraphs past ``maxLines`` are left out (0: the whole story is laid out).
    public let leftOutParagraphs: Int
    /// The text offsets of the lines, worked out when a place is first asked for.
    private let offsets = LineOffsets()

    /// The layout of `article` at `width`; `whole`: every paragraph, however many (`show`);
    /// otherwise past ``maxLines`` the rest is said to be left out.
    public init(article: Article, width: Int, whole: Bool = false) {
        let width = max(1, width)
        self.width = width
        changedOnDisk = article.changedOnDisk
        // The title and caption are wrapped as paragraphs are, so that a match a line's edge
        // cuts in two is found and lit on both lines (it was not, in a title; found by QA).
        var lines = ArticleLayout.wrap(TerminalSanitizer.line(article.title), width: width, kind: .title)
        if let caption = article.caption {
            // A caption of two lines (a caption and a different alt text) shows both.
            for part in caption.split(separator: "\n") {
                lines += ArticleLayout.wrap(
                    TerminalSanitizer.line(String(part)), width: width, kind: .caption)
            }
        } else if let meta = ArticleByline.text(of: article) {
            for line in TextWrapper.wrap(TerminalSanitizer.line(meta), width: width) {
                lines.append(DisplayLine(line, .caption))
            }
        }
        let before = lines.count
        // A list's items may be paragraphs of their own: a letter's label counts on with the
        // labels of the lines next to its paragraph too.
        let paragraphs = article.paragraphs
        var previousLabel: Substring?
        var afterTable = false
        var leftOut = 0
        for (index, paragraph) in paragraphs.enumerated() {
            // A story of millions of paragraphs is damage, not news: its start is shown, and
            // what is left out is said (it took seconds and hundreds of megabytes to lay out).
            if lines.count >= ArticleLayout.maxLines && !whole {
                leftOut = paragraphs.count - index + article.leftOutParagraphs
                ArticleLayout.sayLeftOut(leftOut, width: width, into: &lines)
                break
            }
            if let table = article.tables[index] {
                let tableLines = ArticleLayout.lines(of: table, width: width)
                guard let first = tableLines.first else { continue }
                lines.append(ArticleLayout.separator(after: lines.last, before: first.text))
                lines += tableLines
                previousLabel = nil
                afterTable = true
                continue
            }
            let nextLabel =
                index + 1 < paragraphs.count ? LetterLabel.ofFirstLine(paragraphs[index + 1]) : nil
            let around = Set([previousLabel, nextLabel].compactMap { $0 })
            previousLabel = LetterLabel.ofLastLine(paragraph)
            var wrapped = ArticleLayout.wrap(
                paragraph, width: width, kind: .body, labelsAround: around,
                headingLines: article.headingLines[index] ?? [],
                preformatted: article.preformatted.contains(index))
            guard !wrapped.isEmpty else { continue }
            if article.headings.contains(index) {
                for line in wrapped.indices { wrapped[line].isHeading = true }
            }
            lines.append(
                afterTable
                    ? ArticleLayout.separator(after: lines.last, before: wrapped[0].text)
                    : DisplayLine("", .blank))
            lines += wrapped
            afterTable = false
        }
        if leftOut == 0 && article.leftOutParagraphs > 0 {
            // The story's start only was decoded, and all of it laid out.
            leftOut = article.leftOutParagraphs
            ArticleLayout.sayLeftOut(leftOut, width: width, into: &lines)
        }
        if lines.count == before {
            // Said, rather than a pane left blank under the title.
            lines.append(DisplayLine("", .blank))
            let note =
                article.link != nil
                ? "(the file holds no text for this story: o opens its link)"
                : "(the file holds no text for this story)"
            lines += ArticleLayout.wrap(note, width: width, kind: .caption)
        }
        if !article.links.isEmpty {
            lines.append(DisplayLine("", .blank))
            lines.append(DisplayLine("Links", .title))
            for (index, link) in article.links.enumerated() {
                let label = article.linkLabels[index].map { $0 + ": " } ?? ""
                lines += ArticleLayout.wrap("[\(index + 1)] " + label + link, width: width, kind: .caption)
            }
        }
        self.lines = lines
        leftOutParagraphs = leftOut
    }

    /// How many characters of text (spaces not counted) come before `line`: a place in the
    /// article that is the same at every width.
    public func textOffset(ofLine line: Int) -> Int {
        let line = min(max(0, line), lines.count)
        return offsets.starts(of: lines, through: line)[line]
    }

    /// The line that holds the character at `offset` (see ``textOffset(ofLine:)``); with
    /// `blank`, the blank line just before it.
    public func line(atTextOffset offset: Int, blank: Bool = false) -> Int {
        let starts = offsets.starts(of: lines, past: offset)
        let known = starts.count - 1
        // The first line whose text goes past `offset` (its end, `starts[index + 1]`, is after it).
        var low = 0
        var high = known
        while low < high {
            let middle = (low + high) / 2
            if starts[middle + 1] > offset { high = middle } else { low = middle + 1 }
        }
        if blank {
            // A blank line has no text: those that start at `offset` come before that line.
            var first = 0
            var last = low
            while first < last {
                let middle = (first + last) / 2
                if starts[middle] < offset { first = middle + 1 } else { last = middle }
            }
            var index = first
            while index < low && starts[index] == offset {
                if lines[index].kind == .blank { return index }
                index += 1
            }
        }
        return low < lines.count ? low : max(0, lines.count - 1)
    }

    /// Where `line` is in the text, the same at every width: twice the characters of text
    /// before it, plus one when it is a blank line (what the reading state keeps of the place
    /// an article was left at).
    public func place(ofLine line: Int) -> Int {
        let blank = lines.indices.contains(line) && lines[line].kind == .blank
        return 2 * textOffset(ofLine: line) + (blank ? 1 : 0)
    }

    /// The line at this width of a place given by ``place(ofLine:)``.
    public func line(ofPlace place: Int) -> Int {
        guard place > 0 else { return 0 }
        return self.line(atTextOffset: place / 2, blank: place % 2 == 1)
    }

    /// Where each line starts in the text, worked out as far as asked: a place is asked for at
    /// every pass of the event loop, and walking the lines above it each time cost a long
    /// story's reader time in proportion to how far it had read. Not worked out with the
    /// layout, which the first screen waits for, nor further than asked (a story opened at its
    /// top asks for its first line only).
    private final class LineOffsets: @unchecked Sendable {
        private let lock = NSLock()
        /// The starts of the first lines (and, once every line is known, the text's end).
        private var known = [0]

        /// The starts known, through that of `line` (`lines.count` for the text's end).
        func starts(of lines: [DisplayLine], through line: Int) -> [Int] {
            lock.withLock {
                while known.count <= line && known.count <= lines.count { extend(lines) }
                return known
            }
        }

        /// The starts known, up to the first past `offset` (or every one).
        func starts(of lines: [DisplayLine], past offset: Int) -> [Int] {
            lock.withLock {
                while known[known.count - 1] <= offset && known.count <= lines.count { extend(lines) }
                return known
            }
        }

        private func extend(_ lines: [DisplayLine]) {
            let line = known.count - 1
            known.append(known[line] + ArticleLayout.textLength(of: lines[line]))
        }
    }

    /// The characters of text of `line`, spaces and the mark of a wrapped line of code (which
    /// comes and goes with the width) not counted.
    private static func textLength(of line: DisplayLine) -> Int {
        var count = 0
        for scalar in line.text.unicodeScalars where !WhiteSpace.contains(scalar) { count += 1 }
        let skipped = line.reading.skipping
        if skipped >= 2,
            line.text.unicodeScalars.prefix(skipped).suffix(2).elementsEqual(continuationMark.unicodeScalars)
        {
            count -= 1
        }
        return count
    }

    /// Says below the lines that `count` paragraphs of the story are left out.
    private static func sayLeftOut(_ count: Int, width: Int, into lines: inout [DisplayLine]) {
        lines.append(DisplayLine("", .blank))
        lines += ArticleLayout.wrap(
            "[… \(GroupedCount.text(count)) more paragraph\(count == 1 ? "" : "s") of this story not shown]",
            width: width, kind: .caption)
    }

    /// How many lines of a story's text are laid out, at most: past them, its paragraphs are
    /// left out (about 4 MB of text at 80 columns).
    public static let maxLines = 50_000

    /// What the reader says when a search's next match may lie in the paragraphs left out.
    public static let matchesLeftOutText = "no more matches in the lines shown: gazette show prints the rest"
    /// What the reader says when a story matches only in the paragraphs left out.
    public static let onlyMatchesLeftOutText =
        "its matches are past the lines shown: gazette show prints them"

    /// What a line of preformatted text wrapped to the pane's width goes on after.
    public static let continuationMark = "↪ "

    /// Longest paragraph laid out, in bytes.
    static let maxParagraphBytes = 256 << 10

    /// Wraps one paragraph: hard line breaks (`\n`) kept, and the continuation lines of a
    /// list item or quotation indented under its text ("• ", "1. ", "> "). `labelsAround` are
    /// the letter labels of the lines before and after the paragraph (see ``LetterLabel``);
    /// `headingLines`, the hard lines that are a heading's (shown bold).
    static func wrap(
        _ paragraph: String, width: Int, kind: DisplayLine.Kind, labelsAround: Set<Substring> = [],
        headingLines: Set<Int> = [], preformatted: Bool = false
    ) -> [DisplayLine] {
        var result: [DisplayLine] = []
        // A paragraph of megabytes is damage, not prose: show its start and say what is left out.
        if paragraph.utf8.count > maxParagraphBytes {
            // Cut where a character starts: a cut inside one decoded to U+FFFD, three bytes, and
            // the text kept was again too long, over and over until the stack ran out (found by
            // QA, with Thai and Chinese paragraphs of 270,000 characters).
            let utf8 = paragraph.utf8
            var end = utf8.index(utf8.startIndex, offsetBy: maxParagraphBytes)
            while end > utf8.startIndex && UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
            // Nor inside a cluster (an accent, a vowel sign was lost, a letter shown as another):
            // its last one is left out whole, and the text ends with a word where one ends
            // near the cut (found by QA).
            var cut = String(decoding: utf8[..<end], as: UTF8.self).dropLast()
            if let space = cut.suffix(200).lastIndex(where: \.isWhitespace) { cut = cut[..<space] }
            let kept = String(cut)
            let notice =
                "[… \(paragraph.utf8.count - kept.utf8.count) more bytes of this paragraph not shown]"
            // Wrapped too: at a narrow width it was cut, and its end could not be read.
            return wrap(
                kept, width: width, kind: kind, labelsAround: labelsAround, headingLines: headingLines,
                preformatted: preformatted)
                + TextWrapper.wrap(notice, width: width).map { DisplayLine($0, kind) }
        }
        /// The wrapped lines, after the layout's `indent` on all but the first.
        func add(_ lines: [TextWrapper.Line], first: String = "", indent: String = "") {
            var previousEndedInWord = false
            for (index, line) in lines.enumerated() {
                let lead = index == 0 ? first : indent
                // A wrap not inside a word is at a space of the text.
                let reading = SearchQuery.LineReading(
                    skipping: index == 0 ? 0 : indent.count, goesOnWithWord: previousEndedInWord,
                    endsWithAddedHyphen: line.hyphenated, followsSpace: index > 0 && !previousEndedInWord)
                result.append(DisplayLine(lead + line.text, kind, reading: reading))
                previousEndedInWord = line.endsInWord
            }
        }
        let hardLines =
            ByteSearch.contains(0x0A, in: paragraph)
            ? paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            : [paragraph]
        let texts = hardLines.map { TerminalSanitizer.lineKeepingBreakHints($0) }
        let markers = texts.map { hangingMarker(of: $0) }
        // A letter marker alone is a sentence that starts with an initial ("A. Smith said", in
        // prose); in a list, more than one line has a marker (found by QA).
        let inList = markers.lazy.filter(\.bulleted).prefix(2).count == 2
        // One lower-case letter is an item's label where the list counts on through it: "e. coli
        // was found" and "p. 5 says" alone are sentences (they hung as items; found by QA).
        var labels = labelsAround
        if markers.contains(where: \.needsCount) {
            for text in texts { if let label = LetterLabel.label(of: text) { labels.insert(label) } }
        }
        for (number, text) in texts.enumerated() {
            // A blank line of preformatted text (or between two <br>) shows, but not at the end.
            if text.allSatisfy({ $0 == " " }) {
                if number + 1 < hardLines.count { result.append(DisplayLine("", kind)) }
                continue
            }
            var marker = markers[number]
            if marker.needsList && !inList { marker = hangingMarker(of: text, inList: false) }
            if marker.needsCount, let label = LetterLabel.label(of: text),
                !LetterLabel.countsOn(label, among: labels)
            {
                marker = hangingMarker(of: text, inList: inList, oneLowerLetter: false)
            }
            // A line of code wrapped goes on after a mark: it read as two lines of the code.
            let mark = preformatted && width >= 20 ? continuationMark : ""
            let markWidth = DisplayWidth.of(mark)
            let room = width - DisplayWidth.of(marker.indent)
            let start = result.count
            if !marker.indent.isEmpty, room >= 10 {
                let body = String(text.dropFirst(marker.length))
                add(
                    TextWrapper.wrapLines(body, width: room - markWidth), first: marker.first,
                    indent: marker.indent + mark)
            } else {
                add(TextWrapper.wrapLines(text, width: width - markWidth), indent: mark)
            }
            // A heading's lines in a list item or quotation are bold as other headings are.
            if headingLines.contains(number) {
                for line in start..<result.count { result[line].isHeading = true }
            }
        }
        return result
    }

    /// A table's lines at `width`: in columns where they fit beside its marks, else a
    /// paragraph per row, its cells joined by " | " (columns broken by wrapping are not read).
    static func lines(of table: ArticleTable, width: Int) -> [DisplayLine] {
        let room = width - max(DisplayWidth.of(table.first), DisplayWidth.of(table.rest))
        if let rows = table.grid.lines(widest: room) {
            return rows.enumerated().map { index, row in
                DisplayLine(TerminalSanitizer.line((index == 0 ? table.first : table.rest) + row), .body)
            }
        }
        var result: [DisplayLine] = []
        for (index, row) in table.grid.rows.enumerated() {
            // Rows apart at the top level, line by line in a list item or quotation (as the rows
            // of such a table always were).
            if index > 0 && table.rest.isEmpty { result.append(DisplayLine("", .blank)) }
            result += wrap(
                (index == 0 ? table.first : table.rest) + HTMLTableGrid.joined(row), width: width, kind: .body
            )
        }
        return result
    }

    /// The line between a table and the paragraph beside it: blank, or the marks of the
    /// quotation both are in (">", at their indentation), as the builder parts a quotation's
    /// paragraphs (a bare blank line read as the quotation's end; found by QA).
    static func separator(after previous: DisplayLine?, before next: String) -> DisplayLine {
        guard let previous, previous.kind != .blank else { return DisplayLine("", .blank) }
        // The marks and indentation both lines start with.
        var shared = ""
        for (one, other) in zip(previous.text, next) {
            guard one == other, one == " " || one == ">" else { break }
            shared.append(one)
        }
        guard let mark = shared.lastIndex(of: ">") else { return DisplayLine("", .blank) }
        return DisplayLine(String(shared[...mark]), .body)
    }

    /// The list or quotation marker a line starts with: what the first line shows, what the
    /// following lines are indented with, how many characters it takes, whether it is a list's
    /// marker, whether that marker is one only in a list (one capital letter, which may be an
    /// initial; a plain-text list's `-` or `*`), and whether it is one only where the labels
    /// around count on (one lower-case letter). Those are looked for when `inList` and
    /// `oneLowerLetter` are set.
    private static func hangingMarker(of text: String, inList: Bool = true, oneLowerLetter: Bool = true) -> (
        first: String, indent: String, length: Int, bulleted: Bool, needsList: Bool, needsCount: Bool
    ) {
        // Most lines start with none of "> ", " ", "• ", "[", a digit or a list's letter.
        let lead = text.utf8.first ?? 0
        switch lead {
        case UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "["), 0xE2, UInt8(ascii: "-"),
            UInt8(ascii: "*"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            break
        default:
            return ("", "", 0, false, false, false)
        }
        // Quotation marks and indentation, in any order: a quotation in a definition is indented
        // before its marks ("    > "), and its wrapped lines lost them (found by QA).
        var marksAndSpaces = ""
        var rest = Substring(text)
        while let next = rest.first, next == " " || rest.hasPrefix("> ") {
            let taken = next == " " ? rest.prefix { $0 == " " } : rest.prefix(2)
            marksAndSpaces += String(taken)
            rest = rest.dropFirst(taken.count)
        }
        var bullet = ""
        var needsList = false
        var needsCount = false
        if rest.hasPrefix("• ") {
            bullet = "• "
        } else if inList && (rest.hasPrefix("- ") || rest.hasPrefix("* ")) {
            // A plain-text list's dashes and stars (a line alone that starts so is a dash, as in
            // dialogue).
            bullet = String(rest.prefix(2))
            needsList = true
        } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
            rest[rest.index(after: rest.startIndex)..<close].allSatisfy({ $0.isASCII && $0.isNumber }),
            rest[close...].hasPrefix("] ")
        {
            bullet = String(rest[...close]) + " "
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            // An ordered list's letters or Roman numerals (`b. `, `iv. `, `AA. `), in one case: the
            // lines under them were not indented (found by QA).
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            if !digits.isEmpty && digits.count <= 4 && rest.dropFirst(digits.count).hasPrefix(". ") {
                bullet = String(digits) + ". "
            } else if !letters.isEmpty && letters.count <= 4
                && (letters.allSatisfy(\.isLowercase) || letters.allSatisfy(\.isUppercase))
            {
                // One capital letter may be a name's initial ("A. Smith said"): an item only in a
                // list. Lower-case letters and Roman numerals are no initials.
                let initial = letters.count == 1 && letters.allSatisfy(\.isUppercase)
                let oneLower = letters.count == 1 && !initial
                if rest.dropFirst(letters.count).hasPrefix(". "), inList || !initial,
                    oneLowerLetter || !oneLower,
                    // Longer labels only as Roman numerals are written: "vs.", "mid.", "US." are words.
                    letters.count == 1 || RomanNumeral.value(of: String(letters).lowercased()) != nil
                {
                    bullet = String(letters) + ". "
                    needsList = initial
                    needsCount = oneLower
                }
            }
        }
        // A quotation in a list item goes on under its marks ("• > ").
        var marks = ""
        if !bullet.isEmpty {
            var after = rest.dropFirst(bullet.count)
            while after.hasPrefix("> ") {
                marks += "> "
                after = after.dropFirst(2)
            }
        }
        let first = marksAndSpaces + bullet + marks
        let indent = marksAndSpaces + String(repeating: " ", count: bullet.count) + marks
        return (first, first.isEmpty ? "" : indent, first.count, !bullet.isEmpty, needsList, needsCount)
    }
}

/// The last few articles wrapped, so that a keypress never wraps a whole article again, and
/// where a search's matches start in each, so that its lines are scanned once.
struct ArticleLayoutCache {
    private var entries:
        [(id: ArticleID, width: Int, layout: ArticleLayout, matches: (SearchQuery, [Int])?)] = []
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The cached layout, or the one `make` builds (then cached).
    mutating func layout(for id: ArticleID, width: Int, make: () -> ArticleLayout?) -> ArticleLayout? {
        if let index = entries.firstIndex(where: { $0.id == id && $0.width == width }) {
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.layout
        }
        guard let layout = make() else { return nil }
        entries.append((id, width, layout, nil))
        if entries.count > capacity { entries.removeFirst() }
        return layout
    }

    /// Where matches of `query` start in the cached layout of `id` at `width` (nil when it is
    /// not cached): scanned for the last query asked only.
    mutating func matchStarts(of query: SearchQuery, id: ArticleID, width: Int) -> [Int]? {
        guard let index = entries.firstIndex(where: { $0.id == id && $0.width == width }) else { return nil }
        if let (scanned, starts) = entries[index].matches, scanned == query { return starts }
        let starts = entries[index].layout.matchStarts(of: query)
        entries[index].matches = (query, starts)
        return starts
    }

    /// Whether the layout of `id` at `width` is cached.
    func contains(_ id: ArticleID, width: Int) -> Bool {
        entries.contains { $0.id == id && $0.width == width }
    }
}
