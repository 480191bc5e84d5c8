/// Greedy word wrapping measured in terminal columns (see `DisplayWidth`).
///
/// Break opportunities: runs of ASCII spaces (tabs and line feeds count as spaces), soft hyphens
/// (U+00AD) and zero-width spaces (U+200B, which never show either), the boundary between two wide characters, so CJK text without spaces still wraps
/// (except before closing or after opening CJK punctuation), and the boundaries between words
/// of Thai, Lao, Khmer and Myanmar that ICU's dictionaries find (``DictionaryLineBreaks``).
/// Hangul is wide but written with spaces: a Korean word breaks only when it is wider than the
/// line. NBSP (U+00A0) does not break between two words; beside an ordinary space it is part of
/// the space, shown on one line and vanishing at a break as it does.
/// Spaces between words are kept as written (a tab or line feed is one), so that preformatted
/// text keeps its columns, and vanish at a break; ASCII spaces at the very start of the
/// paragraph are kept as indentation on its first line (dropped if the first word does not fit
/// after them). Soft hyphens never show, except that a line broken at one ends with "-".
/// A word wider than the line is broken at grapheme boundaries. One grapheme wider than the
/// width (a 2-column character at width 1) goes alone on its own line, the only case in which a
/// line exceeds the width; real layouts use widths of 2 or more and canvases clip.
/// Runs in time linear in the paragraph's length.
public enum TextWrapper {
    /// One line of a wrapped paragraph, and how it ends.
    public struct Line: Equatable, Sendable {
        public var text: String
        /// Whether the break after it falls inside a word (a word wider than the line, a soft
        /// hyphen, between two CJK characters): the next line goes on with the same word.
        public var endsInWord: Bool
        /// Whether it ends with a "-" of the break's own (at a soft hyphen), not of the text.
        public var hyphenated: Bool
    }

    /// Wraps one paragraph into lines of at most `width` columns (width >= 1), breaking at spaces; a word
    /// wider than the width is broken at grapheme boundaries, never cut off; soft hyphens (U+00AD) are
    /// invisible unless a break falls at one, where a visible "-" ends the line; no line ends with a trailing
    /// space; an empty paragraph gives [].
    public static func wrap(_ paragraph: String, width: Int) -> [String] {
        wrapLines(paragraph, width: width).map(\.text)
    }

    /// `wrap`, with how each line ends.
    public static func wrapLines(_ paragraph: String, width: Int) -> [Line] {
        wrapOneColumnText(paragraph, width: width) ?? wrapGraphemes(paragraph, width: width)
    }

    /// `wrapLines` for any text, grapheme by grapheme.
    static func wrapGraphemes(_ paragraph: String, width: Int) -> [Line] {
        var layout = Layout(paragraph)
        return layout.lines(width: max(width, 1))
    }
}

/// A paragraph split into graphemes and unbreakable pieces, then laid out into lines.
private struct Layout {
    /// A run of graphemes with no break opportunity inside.
    struct Piece {
        var start: Int
        var end: Int
        var width: Int
        /// Whether spaces come before it, so it starts a word.
        var startsWord: Bool
        /// How many spaces come before it (shown between it and the word before on one line).
        var gap: Int
        /// The spaces before it as shown: a space for each, but no-break spaces as they are.
        var gapText: String
        /// Whether it ended at a soft hyphen, so a break after it shows "-".
        var hyphenAfter: Bool
    }

    private var glyphs: [Character] = []
    private var widths: [Int] = []
    private var pieces: [Piece] = []
    private var indent = 0

    private static let softHyphen: Character = "\u{AD}"
    private static let noBreakSpace: Character = "\u{A0}"
    private static let zeroWidthSpace: Character = "\u{200B}"
    /// Whether a character is Hangul (jamo, compatibility jamo or a syllable).
    private static func isHangul(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return true
        default: return false
        }
    }

    /// Wide punctuation that must not start a line.
    private static let noLineStart: Set<Character> = Set("、。，．：；？！）］｝〕〉》」』】〙〗〟｠ー々ゝゞヽヾ・")
    /// IDEOGRAPHIC SPACE: between words, a space of two columns that a break drops.
    private static let ideographicSpace: Character = "\u{3000}"
    /// Wide punctuation that must not end a line.
    private static let noLineEnd: Set<Character> = Set("（［｛〔〈《「『【〘〖〝｟")

    init(_ paragraph: String) {
        var pieceStart = 0
        var pieceWidth = 0
        var startsWord = true
        var spaces = 0
        var atParagraphStart = true
        var lastWasWide = false
        // Thai, Lao, Khmer and Myanmar break between words that no space separates, where a
        // dictionary says (the UTF-16 offsets of the breaks, and where the next character is).
        let dictionaryBreaks =
            DictionaryLineBreaks.isNeeded(for: paragraph)
            ? DictionaryLineBreaks.offsets(in: paragraph) : []
        var nextBreak = 0
        var utf16Offset = 0
        var lastWasDictionaryScript = false
        var gapText = ""
        // No-break spaces inside a word, kept back until what follows tells whether they end it.
        var heldNoBreakSpaces = 0

        func closePiece(hyphenAfter: Bool) {
            guard glyphs.count > pieceStart else { return }
            pieces.append(
                Piece(
                    start: pieceStart, end: glyphs.count, width: pieceWidth, startsWord: startsWord,
                    gap: startsWord ? spaces : 0, gapText: startsWord ? gapText : "", hyphenAfter: hyphenAfter
                ))
            startsWord = false
            spaces = 0
            gapText = ""
            pieceStart = glyphs.count
            pieceWidth = 0
        }

        /// The no-break spaces kept back, as part of the word.
        func releaseNoBreakSpaces() {
            for _ in 0..<heldNoBreakSpaces {
                glyphs.append(Self.noBreakSpace)
                widths.append(1)
                pieceWidth += 1
            }
            if heldNoBreakSpaces > 0 { lastWasWide = false }
            heldNoBreakSpaces = 0
        }

        for character in paragraph {
            let isSpace = character == " " || character == "\t" || character == "\n" || character == "\r\n"
            // No-break spaces beside an ordinary space are part of the space between two words,
            // as it shows and vanishes at a break: a line started with one, which looked indented
            // ("await &nbsp;..."; found by QA). Between two words they keep them together.
            if character == Self.noBreakSpace {
                if spaces > 0 && !atParagraphStart && startsWord && glyphs.count == pieceStart {
                    spaces += 1
                    gapText.append(Self.noBreakSpace)
                } else {
                    heldNoBreakSpaces += 1
                }
                utf16Offset += 1
                lastWasDictionaryScript = false
                continue
            }
            if heldNoBreakSpaces > 0 {
                // Those after the word's text, before a space, start the space.
                if isSpace && (glyphs.count > pieceStart || !startsWord) {
                    closePiece(hyphenAfter: false)
                    spaces += heldNoBreakSpaces
                    gapText += String(repeating: Self.noBreakSpace, count: heldNoBreakSpaces)
                    heldNoBreakSpaces = 0
                } else {
                    atParagraphStart = false
                    releaseNoBreakSpaces()
                }
            }
            let offset = utf16Offset
            utf16Offset += character.utf16.count
            let inDictionaryScript =
                !dictionaryBreaks.isEmpty
                && character.unicodeScalars.first.map { DictionaryLineBreaks.isDictionaryScript($0.value) }
                    == true
            defer { lastWasDictionaryScript = inDictionaryScript }
            if !dictionaryBreaks.isEmpty {
                while nextBreak < dictionaryBreaks.count && dictionaryBreaks[nextBreak] < offset {
                    nextBreak += 1
                }
                if inDictionaryScript, lastWasDictionaryScript, nextBreak < dictionaryBreaks.count,
                    dictionaryBreaks[nextBreak] == offset
                {
                    closePiece(hyphenAfter: false)
                }
            }
            // An ideographic space between words is a space two columns wide: a wrapped line
            // began with it and looked indented (found by QA). At the paragraph's start it is the
            // indent Japanese text is written with, and stays.
            if character == Self.ideographicSpace && !atParagraphStart {
                closePiece(hyphenAfter: false)
                startsWord = true
                spaces += 2
                gapText.append(character)
                continue
            }
            if isSpace {
                if atParagraphStart && character == " " { indent += 1 }
                closePiece(hyphenAfter: false)
                startsWord = true
                spaces += 1
                gapText.append(" ")
                continue
            }
            atParagraphStart = false
            if character == Self.softHyphen {
                closePiece(hyphenAfter: true)
                continue
            }
            // A zero-width space marks a break inside a word or an address, and never shows.
            if character == Self.zeroWidthSpace {
                closePiece(hyphenAfter: false)
                continue
            }
            let width = DisplayWidth.of(character)
            let wide = DisplayWidth.isWide(character) && !Self.isHangul(character)
            if wide, glyphs.count > pieceStart, let previous = glyphs.last, lastWasWide,
                !Self.noLineEnd.contains(previous), !Self.noLineStart.contains(character)
            {
                closePiece(hyphenAfter: false)
            }
            if width > 2, let pictures = DisplayWidth.joinedPictures(of: character) {
                // The pictures of a ZWJ sequence, as the screen draws them: kept together on a
                // line, and broken between them only when they are wider than it (a sequence
                // wider than the pane vanished; found by QA).
                for picture in pictures {
                    glyphs.append(picture)
                    widths.append(DisplayWidth.of(picture))
                }
            } else {
                glyphs.append(character)
                widths.append(width)
            }
            pieceWidth += width
            lastWasWide = wide
        }
        releaseNoBreakSpaces()
        closePiece(hyphenAfter: false)
    }

    mutating func lines(width: Int) -> [TextWrapper.Line] {
        var lines: [TextWrapper.Line] = []
        var line = String(repeating: " ", count: indent)
        var lineWidth = indent
        var hasContent = false
        var hyphenated = false
        var index = 0

        func endLine() {
            if hasContent {
                // The next piece goes on with a word: the break is inside it.
                let inWord = index < pieces.count && !pieces[index].startsWord
                lines.append(TextWrapper.Line(text: line, endsInWord: inWord, hyphenated: hyphenated))
            }
            line = ""
            lineWidth = 0
            hasContent = false
            hyphenated = false
        }

        while index < pieces.count {
            let gap = hasContent && pieces[index].startsWord ? pieces[index].gap : 0
            let available = width - lineWidth - gap
            // The longest run of this word's pieces that fits, with room for "-" if it ends at one.
            var total = 0
            var fitting = 0
            var fittingWidth = 0
            var next = index
            while next < pieces.count && (next == index || !pieces[next].startsWord) {
                total += pieces[next].width
                if total > available { break }
                let endsWord = next + 1 == pieces.count || pieces[next + 1].startsWord
                if endsWord || total + (pieces[next].hyphenAfter ? 1 : 0) <= available {
                    fitting = next + 1 - index
                    fittingWidth = total
                }
                next += 1
            }

            if fitting > 0 {
                if gap > 0 { line.append(pieces[index].gapText) }
                for piece in pieces[index..<(index + fitting)] {
                    appendGlyphs(piece.start..<piece.end, to: &line)
                }
                lineWidth += gap + fittingWidth
                hasContent = true
                index += fitting
                if index < pieces.count && !pieces[index].startsWord {
                    if pieces[index - 1].hyphenAfter {
                        line.append("-")
                        hyphenated = true
                    }
                    endLine()
                }
            } else if hasContent || lineWidth > 0 {
                endLine()  // indentation alone is dropped
            } else {
                // Alone on the line and still too wide: break the piece between graphemes.
                let piece = pieces[index]
                var cut = piece.start
                var cutWidth = 0
                while cut < piece.end && cutWidth + widths[cut] <= width {
                    cutWidth += widths[cut]
                    cut += 1
                }
                let needsHyphen =
                    piece.hyphenAfter && index + 1 < pieces.count && !pieces[index + 1].startsWord
                if cut == piece.end && needsHyphen && cut - piece.start > 1 {
                    cut -= 1  // leave the soft hyphen break to a line that has room for "-"
                    cutWidth -= widths[cut]
                }
                if cut == piece.start {
                    cutWidth = widths[cut]
                    cut += 1  // one grapheme wider than the whole line goes alone
                }
                appendGlyphs(piece.start..<cut, to: &line)
                hasContent = true
                if cut == piece.end {
                    index += 1
                } else {
                    pieces[index].start = cut
                    pieces[index].width -= cutWidth
                    pieces[index].startsWord = false
                }
                endLine()
            }
        }
        endLine()
        return lines
    }

    private func appendGlyphs(_ range: Range<Int>, to line: inout String) {
        for position in range {
            line.append(glyphs[position])
        }
    }
}
