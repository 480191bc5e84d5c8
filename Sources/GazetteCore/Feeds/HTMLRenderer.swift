internal import CLibXML2
import Foundation

/// Text of an HTML fragment laid out for a terminal.
public struct RenderedHTML: Equatable, Sendable {
    /// Blocks in order. A paragraph may hold "\n" for a hard line break (br, pre lines).
    public var paragraphs: [String]
    /// Link targets in order of first appearance; "[n]" in the text refers to links[n-1].
    public var links: [String]
    /// Which paragraphs are headings (h1–h6), by index.
    public var headings: Set<Int>
    /// The paragraphs that are tables of text, by index: laid out again at the pane's width.
    public var tables: [Int: ArticleTable] = [:]
    /// The lines (by their place among a paragraph's "\n"-parted lines) that are a heading's,
    /// in paragraphs that are not all heading (a list item's or quotation's), by paragraph.
    public var headingLines: [Int: Set<Int>] = [:]
    /// The paragraphs that are preformatted text (`pre`), by index: their lines are the text's,
    /// and a line wrapped to the pane's width is marked so.
    public var preformatted: Set<Int> = []
    /// The addresses of the pictures the text shows ("[image: alt]"), resolved as links are.
    public var pictures: [String] = []

    public init(paragraphs: [String], links: [String], headings: Set<Int> = []) {
        self.paragraphs = paragraphs
        self.links = links
        self.headings = headings
    }
}

/// Renders the HTML of feed descriptions and content to terminal text with libxml2's forgiving
/// HTML parser: block elements become paragraphs, list items get "• " or "1. ", quotes "> ",
/// preformatted text keeps its lines, tables of text are laid out in columns (others, and those
/// too wide, give a row per paragraph with cells separated by " | "), images show as
/// "[image: alt]", players (iframe, video, audio) as "[video: title]", "[audio]" or, for a frame
/// of no known player, "[embed]" (``HTMLFramePlayer``), with their source's number
/// (on lines of their own when several come in a row), links that show something as numbered
/// references "[n]", and superscript digits as such
/// ("E=mc²"). Scripts, styles and the like are dropped, and so is what the page hides
/// (`HTMLHiddenElement`). Text without markup is split into paragraphs at blank lines.
/// Malformed input never fails: whatever the parser recovers is rendered. HTML nested deeper than
/// libxml2 builds trees (256 levels) is read flat instead (`HTMLTagStripper`). The tree is walked
/// without recursion; time is linear in the input. Safe to call from several threads at once.
public enum HTMLRenderer {
    /// Renders HTML (a fragment or a document) to paragraphs and numbered links; relative link
    /// targets are resolved against `baseURL` when given.
    public static func render(_ html: String, baseURL: String? = nil) -> RenderedHTML {
        render(html, baseURL: baseURL, pictureCaptions: [:])
    }

    /// ``render(_:baseURL:)``, an `<img>` without alt text showing the caption `pictureCaptions`
    /// gives its address (by ``FeedPictureAddress/key(_:)``), as its alt text would show.
    /// Long runs of plain text are read through an ``HTMLTextSkeleton`` unless `skeleton` is
    /// false (tests compare the two).
    static func render(
        _ html: String, baseURL: String?, pictureCaptions: [Substring: String], skeleton: Bool = true
    ) -> RenderedHTML {
        let source = withoutNUL(HTMLAddressTag.escaped(sloppyMarkupRead(html)), linkingSequences: true)
        var builder = HTMLTextBuilder(baseURL: baseURL)
        builder.pictureCaptions = pictureCaptions
        if HTMLEntities.containsMarkup(source) {
            let escaped = HTMLUnfinishedTag.escaped(HTMLLineBreaks.kept(source))
            if skeleton, let rendered = renderedThroughSkeleton(escaped, with: builder) { return rendered }
            walkEscaped(escaped, into: &builder)
            return builder.finish()
        }
        let decoded = HTMLEntities.decode(source, named: namedEntity)
        let sloppyDecoded = decoded != source ? sloppyMarkupRead(decoded) : decoded
        if decoded != source && HTMLEscapedMarkup.isMarkup(sloppyDecoded) {
            // Markup escaped once more than it should be: render what it stands for, its
            // references read as those of markup that is not escaped are.
            walk(HTMLAddressTag.escaped(HTMLEntities.normalizingReferences(sloppyDecoded)), into: &builder)
            return builder.finish()
        }
        renderPlain(decoded, into: &builder)
        return builder.finish()
    }

    /// One line of plain text from HTML or entity-escaped text: tags removed, entities decoded,
    /// whitespace collapsed, trimmed.
    public static func plainText(_ html: String) -> String {
        plainText(html, titleMarkupOnly: false)
    }

    /// ``plainText(_:)``, reading the named references HTML5 adds to HTML 4's (`&check;`) or
    /// leaving them as text, and removing terminal escape sequences (``FeedEscapeSequences``) or
    /// leaving their payloads, as text read before (what ids made from text are made of).
    /// Addresses in angle brackets are dropped as tags, and markup as sloppy generators write it
    /// is read as libxml2 reads it, as text read before (``HTMLAddressTag``,
    /// ``sloppyMarkupRead(_:)``).
    static func plainText(_ html: String, html5Names: Bool, sequences: Bool) -> String {
        plainText(
            html, titleMarkupOnly: false, html5Names: html5Names, sequences: sequences,
            addressesAsText: false,
            sloppyMarkup: false)
    }

    /// One line of a title from its HTML or entity-escaped text, as ``plainText(_:)`` reads it
    /// but for tags: only those of inline phrasing elements are removed (`HTMLTitleMarkup`);
    /// `Why <div> soup is bad` and `Vec<String>` keep theirs (they lost words; found by QA).
    /// Superscripts and subscripts read as in a body ("E=mc²"), unless `writingScripts` is
    /// false ("E=mc2", as titles read before: what ids made from titles are made of). The named
    /// references HTML5 adds to HTML 4's (`&check;`) are read unless `html5Names` is false (as
    /// titles read before, for ids too); so are terminal escape sequences, removed
    /// (``FeedEscapeSequences``) unless `html5Names` is false. A phrasing element's tag named in
    /// prose ("The <code> element") is kept as text unless `loneTagsAsText` is false (as titles
    /// read before, for ids), and so is an address in angle brackets (``HTMLAddressTag``). Markup
    /// as sloppy generators write it is read as the HTML5 spec reads it (``sloppyMarkupRead(_:)``),
    /// and a title wholly wrapped in CDATA markers loses them
    /// (``HTMLMarkupDeclaration/unwrappedTitle(_:)``), unless `sloppyMarkup` is false (as titles
    /// read before, for ids).
    public static func titleText(
        _ html: String, writingScripts: Bool = true, html5Names: Bool = true, loneTagsAsText: Bool = true,
        sloppyMarkup: Bool = true
    ) -> String {
        plainText(
            sloppyMarkup ? HTMLMarkupDeclaration.unwrappedTitle(html) : html, titleMarkupOnly: true,
            writingScripts: writingScripts, html5Names: html5Names,
            sequences: html5Names, loneTagsAsText: loneTagsAsText, addressesAsText: loneTagsAsText,
            sloppyMarkup: sloppyMarkup)
    }

    private static func plainText(
        _ html: String, titleMarkupOnly: Bool, writingScripts: Bool = false, html5Names: Bool = true,
        sequences: Bool = true, loneTagsAsText: Bool = false, addressesAsText: Bool = true,
        sloppyMarkup: Bool = true
    ) -> String {
        let html = addressesAsText ? HTMLAddressTag.escaped(html) : html
        // A title's tags that are text are escaped first: "Why </br> is wrong" keeps its words.
        let marked =
            titleMarkupOnly ? HTMLTitleMarkup.escapingOtherTags(html, loneTagsAsText: loneTagsAsText) : html
        let source = withoutNUL(
            sloppyMarkup ? sloppyMarkupRead(marked) : marked, html5Names: html5Names,
            removingSequences: sequences)
        if !mayHoldMarkup(source) {
            return collectText(source, parse: false)
        }
        let text = collectText(source, parse: true, writingScripts: writingScripts)
        // Tags in the text are what it is about, unless the source held no tags of its own and
        // they read as escaped markup.
        guard !HTMLEntities.containsMarkup(source), HTMLEscapedMarkup.isMarkup(text) else { return text }
        // Escaped markup given as text: strip its tags, but decode no second level of entities.
        var escaped = text.replacingOccurrences(of: "&", with: "&amp;")
        if addressesAsText { escaped = HTMLAddressTag.escaped(escaped) }
        return collectText(
            titleMarkupOnly
                ? HTMLTitleMarkup.escapingOtherTags(escaped, loneTagsAsText: loneTagsAsText) : escaped,
            parse: true,
            writingScripts: writingScripts)
    }

    /// How many words `plainText(html)` has, as `WordCounter` counts them, found without
    /// building the text (a headline row needs the count of every visible story); none when
    /// that text shows nothing (a zero-width space alone), as for an empty one.
    static func wordCount(_ html: String) -> Int {
        wordCounts(html).words
    }

    /// ``wordCount(_:)``, with how many of the words are CJK ideographs or kana.
    static func wordCounts(_ html: String) -> (words: Int, ideographs: Int) {
        let source = withoutNUL(HTMLAddressTag.escaped(sloppyMarkupRead(html)))
        var counter = HTMLWordCounter()
        var cutWords = 0
        if mayHoldMarkup(source) {
            // From the parser's events, without a tree; as the tree walk reads it otherwise.
            // Its skeleton when it has one, less for libxml2 to read (the HTML as it is when
            // libxml2 cannot read the skeleton to its end).
            if let library = LibXML2.shared, let skeleton = HTMLWordSkeleton(source),
                let counted = HTMLEventWalk.walk(skeleton.html, into: counter, with: library)
            {
                counter = counted
                cutWords = skeleton.cutWords
            } else if let library = LibXML2.shared,
                let counted = HTMLEventWalk.walk(source, into: counter, with: library)
            {
                counter = counted
            } else {
                walk(source, into: &counter)
            }
        } else {
            var bytes = Array(source.utf8)
            bytes.withUnsafeMutableBufferPointer { counter.text(UnsafeBufferPointer($0)) }
        }
        let words = counter.finish() + cutWords
        // Text that spells out markup may be stripped a second time by plainText, and text with
        // no character that shows on its own may show nothing: count the text itself.
        guard !counter.sawLessThan, counter.sawInk || words == 0 else { return plainTextWordCounts(html) }
        return (words, counter.ideographs)
    }

    /// The words `WordCounter` counts in `plainText(html)`, none when it shows nothing.
    static func plainTextWordCounts(_ html: String) -> (words: Int, ideographs: Int) {
        let text = plainText(html)
        guard !TerminalSanitizer.showsNothing(text) else { return (0, 0) }
        var words = WordCounter()
        words.add(text)
        return (words.count, words.ideographs)
    }

    /// `html` with the markup sloppy generators write read as the HTML5 spec reads it, where
    /// libxml2 reads it otherwise: `</br>` is `<br>` (``HTMLBreakEndTag``), a CDATA section is
    /// its inner text and another declaration (`<![if …]>`) a comment (``HTMLMarkupDeclaration``),
    /// both in one pass (``HTMLSloppyMarkup``).
    static func sloppyMarkupRead(_ html: String) -> String {
        HTMLSloppyMarkup.read(html)
    }

    /// Whether `html` may hold markup that ``sloppyMarkupRead(_:)`` reads otherwise.
    static func mayHoldSloppyMarkup(_ html: String) -> Bool {
        HTMLSloppyMarkup.mayHold(html)
    }

    /// Whether the text has a "<" or "&", without which it is text as it stands.
    private static func mayHoldMarkup(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
        }
    }

    // MARK: Text without markup

    private static func renderPlain(_ text: String, into builder: inout HTMLTextBuilder) {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            for index in buffer.indices where buffer[index] == 0x0A {
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<index])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }) {
                    builder.breakParagraph()
                } else {
                    builder.text(line)
                    builder.text(UnsafeBufferPointer(rebasing: buffer[index...index]))
                }
                lineStart = index + 1
            }
        }
    }

    private static func collectText(_ text: String, parse: Bool, writingScripts: Bool = false) -> String {
        var collector = HTMLPlainTextCollector(writesScripts: writingScripts)
        if parse {
            walk(text, into: &collector)
        } else {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { collector.text(UnsafeBufferPointer($0)) }
        }
        return collector.result
    }

    /// The text without NUL characters and terminal escape sequences (``FeedEscapeSequences``,
    /// unless `removingSequences` is false; OSC 8 hyperlinks as links with `linkingSequences`),
    /// its references normalized.
    private static func withoutNUL(
        _ text: String, html5Names: Bool = true, removingSequences: Bool = true,
        linkingSequences: Bool = false
    ) -> String {
        let hasNUL = ByteSearch.contains(0, in: text)
        var text = hasNUL ? String(text.unicodeScalars.filter { $0 != "\0" }) : text
        if removingSequences { text = FeedEscapeSequences.removed(text, linking: linkingSequences) }
        return HTMLEntities.normalizingReferences(text, html5Names: html5Names)
    }

    // MARK: libxml2

    /// The options every HTML parse runs with.
    static let parseOptions = Int32(
        bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    private static func namedEntity(_ name: String) -> UInt32? {
        guard let library = LibXML2.shared else { return nil }
        return name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                library.htmlEntityLookup($0)?.pointee.value
            }
        }
    }

    /// `html` (its unfinished tags escaped) rendered by `builder` through its
    /// ``HTMLTextSkeleton``: libxml2 reads the skeleton, and the builder writes the words cut
    /// where their marks are. Nil when it has none, is read flat, or the builder met a mark it
    /// could not write as the words it stands for.
    private static func renderedThroughSkeleton(_ html: String, with builder: HTMLTextBuilder)
        -> RenderedHTML?
    {
        guard let skeleton = HTMLTextSkeleton(html), !HTMLNesting.exceeds(html), let library = LibXML2.shared
        else { return nil }
        var builder = builder
        builder.cuts = skeleton.cuts
        guard walkTree(skeleton.html, into: &builder, with: library), !builder.cutsMisread else { return nil }
        return builder.finish()
    }

    /// Parses the HTML and walks its tree into the sink, depth first, without recursion. HTML
    /// nested deeper than libxml2 builds trees (256 levels) is read flat instead.
    static func walk<Sink: HTMLTreeSink>(_ html: String, into sink: inout Sink) {
        walkEscaped(HTMLUnfinishedTag.escaped(html), into: &sink)
    }

    /// ``walk(_:into:)`` of HTML whose unfinished tags are escaped (``HTMLUnfinishedTag``).
    private static func walkEscaped<Sink: HTMLTreeSink>(_ html: String, into sink: inout Sink) {
        guard !HTMLNesting.exceeds(html), let library = LibXML2.shared,
            walkTree(html, into: &sink, with: library)
        else {
            HTMLTagStripper.feed(html, into: &sink, named: namedEntity)
            return
        }
    }

    /// Parses the HTML with libxml2 and walks its tree into the sink; false (nothing walked)
    /// when libxml2 could not make a tree of it.
    private static func walkTree<Sink: HTMLTreeSink>(
        _ html: String, into sink: inout Sink, with library: LibXML2
    )
        -> Bool
    {
        guard let document = parse(html, with: library) else { return false }
        defer { library.freeDocument(document) }
        let root = UnsafeMutableRawPointer(document)
        var next = document.pointee.children
        while let node = next {
            var entered = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                entered = sink.openElement(
                    name, attribute: { attribute(of: node, named: $0, with: library) },
                    listItems: { listItems(of: node) })
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    sink.text(
                        UnsafeBufferPointer(
                            start: content,
                            count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                }
            default:
                break
            }
            if entered, let child = node.pointee.children {
                next = child
                continue
            }
            if entered { sink.closeElement() }
            var cursor = node
            next = nil
            while true {
                if let sibling = cursor.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = cursor.pointee.parent, UnsafeMutableRawPointer(parent) != root else {
                    break
                }
                sink.closeElement()
                cursor = parent
            }
        }
        return true
    }

    /// The document libxml2 makes of the HTML, or nil when it cannot make one or stopped early
    /// (it halts at its nesting limit, dropping the rest).
    private static func parse(_ html: String, with library: LibXML2) -> htmlDocPtr? {
        guard let context = library.newHTMLContext() else { return nil }
        defer { library.freeHTMLContext(context) }
        var source = html
        let document = source.withUTF8 { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else {
                return nil
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                library.readHTMLMemory(context, $0, Int32(buffer.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else { return nil }
        if context.pointee.disableSAX != 0 || context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
        {
            library.freeDocument(document)
            return nil
        }
        return document
    }

    /// How many `li` elements are children of `node`.
    private static func listItems(of node: UnsafeMutablePointer<xmlNode>) -> Int {
        var count = 0
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name,
                strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "li") == 0
            {
                count += 1
            }
            child = current.pointee.next
        }
        return count
    }

    private static func attribute(
        of node: UnsafeMutablePointer<xmlNode>, named name: String, with library: LibXML2
    ) -> String? {
        let value = name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                library.getProperty(node, $0)
            }
        }
        guard let value else { return nil }
        defer { library.free(value) }
        return String(cString: value)
    }
}
