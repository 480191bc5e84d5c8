import Foundation

/// The XML plumbing the RSS, RDF and Atom parsers share: an `XMLPushParser` fed in chunks of
/// repaired text, an element stack with `xml:base`, and text capture.
///
/// Text reaches the parser through `XMLTextSource`, which decodes and repairs the bytes a
/// chunk at a time (so the first items arrive before the whole file has been looked at) and
/// through `XMLSanitizer`, which makes real-world feeds acceptable to a strict XML parser.
/// A subclass says which elements hold text (`capture(for:attributes:)`) and gets each
/// element's end with its text (`didEnd(_:text:isMarkup:)`).
class XMLFeedReader: XMLPushParserDelegate {
    /// An open element.
    struct Element {
        /// The local name (`link` for `atom:link`).
        var name: String
        /// The namespace URI; empty when the element has none.
        var namespace: String
        /// The `xml:base` in effect inside the element (``XMLFeedReader/base(of:)`` makes it
        /// absolute).
        var xmlBase: XMLBase
        /// The line the start tag is on.
        var line: Int
    }

    /// How an element's content is collected.
    enum Capture {
        /// Not collected (containers such as `item`).
        case none
        /// Text; child elements, if any, are kept as HTML markup.
        case text
        /// Inline XHTML (Atom `type="xhtml"`), kept as HTML without its wrapping `div`.
        case xhtml
    }

    private(set) var stack: [Element] = []
    var header: FeedHeader
    /// The encoding the document's bytes were read in, by ``FeedTextDecoder``'s name for it
    /// (`UTF-8`, `windows-1252`): what bytes it carries encoded (base64) are text in, unless
    /// they say otherwise.
    var documentEncoding = "UTF-8"
    var warnings: [String] = []
    /// Set by a subclass while it is inside an item (its start line), for break warnings.
    var openItemLine: Int? {
        didSet { openItemDepth = openItemLine == nil ? 0 : stack.count }
    }
    /// How many elements were open, the item's included, when the item started.
    private var openItemDepth = 0
    /// Set while an item the text ends inside is delivered.
    private var deliveringCutItem = false
    /// Set by a subclass when it has seen its root element.
    var sawRoot = false
    /// Whether anything was recovered (an item delivered or a feed title read).
    private(set) var deliveredItems = 0
    private(set) var stopped = false

    private let onItem: (FeedItem) -> Bool
    /// Told the feed's header as it stands when the first item is delivered.
    var onFirstItem: ((FeedHeader) -> Void)?
    private weak var parser: XMLPushParser?
    /// The first XML error the parser reported: its code and line.
    private(set) var firstError: (code: Int, line: Int)?
    /// The errors that began a break: the first, and each that came after an item was read
    /// past the one before (libxml2 reads on in recovery, and one break gives several errors),
    /// with the items delivered when it came.
    private var breakErrors: [(code: Int, line: Int, delivered: Int, inItem: Bool)] = []
    /// The line of the file a line of the text parsed is (a later part is parsed behind the
    /// file's start: its lines are counted from there).
    var lineInFile: (Int) -> Int = { $0 }
    /// The breaks in the XML that are no early end (a tag that does not match, a stray `<`):
    /// each one's line in the file, what it is, and whether items were read after it. The
    /// caller tells them, knowing what it read on with.
    private(set) var breaksInside: [FeedBreakRecovery.Break] = []
    /// Whether the last run ended at a break in the XML, not at the end of the document.
    private(set) var broke = false

    private var captureDepth = 0
    private var captureKind = Capture.none
    /// The captured text so far, as UTF-8 (a string is made once, at the element's end).
    private var captureBytes: [UInt8] = []
    private var captureIsMarkup = false
    /// Whether the captured text has a hyperlink open (``parser(_:foundHyperlink:)``), and
    /// the ranges of its tags written while the text was not markup yet (kept as tags when it
    /// turns to markup).
    private var hyperlinkOpen = false
    private var hyperlinkTags: [Range<Int>] = []
    /// The `href` and `src` values of the captured markup composed with a relative `xml:base`
    /// (``XMLBase/relative``): their bytes and what they held before such a base was applied.
    private var composedValues: [(range: Range<Int>, before: [UInt8])] = []
    /// The text of the element that ended (told to `didEnd`) with its links as they were before
    /// a relative `xml:base` with no absolute one around it was applied: what an item without
    /// an id or link is known by (its id stays as it was); nil when that is the text itself.
    private(set) var capturedTextAsBefore: String?

    init(format: SourceFormat, onItem: @escaping (FeedItem) -> Bool) {
        header = FeedHeader(format: format)
        self.onItem = onItem
    }

    // MARK: - For subclasses

    /// How to collect `element`'s content; called after `didStart`.
    func capture(for element: Element, attributes: XMLAttributes) -> Capture { .none }
    func didStart(_ element: Element, attributes: XMLAttributes) {}
    /// `text` is the collected content (empty for elements not captured).
    func didEnd(_ element: Element, text: String, isMarkup: Bool) {}
    /// Whether an OSC 8 hyperlink in the text captured of `element` is a link (`<a href>`):
    /// the element holds an item's body as HTML (`isMarkup`: it is captured as markup).
    /// Elsewhere (a title, a plain text) only its text is kept.
    func linksHyperlinks(in element: Element, isMarkup: Bool) -> Bool { false }

    /// The element containing the current one (the current one is `stack.last`).
    var parent: Element? { stack.count >= 2 ? stack[stack.count - 2] : nil }

    /// Passes an item on, and stops the parse when the receiver wants no more.
    func deliver(_ draft: FeedItemDraft) {
        guard !stopped else { return }
        // An item cut off before its title and link were read whole cannot be told.
        if deliveringCutItem && draft.title == nil && draft.dublinCoreTitle == nil && draft.link == nil {
            return
        }
        if deliveredItems == 0, let onFirstItem {
            self.onFirstItem = nil
            onFirstItem(header)
        }
        deliveredItems += 1
        if !onItem(draft.finish()) {
            stopped = true
            parser?.abort()
        }
    }

    /// The document's own address, what a relative `xml:base` with no absolute one around it
    /// resolves against: an RSS or RDF channel's link (an Atom feed's says otherwise).
    var documentAddress: URL? { header.link.flatMap { URL(string: $0) } }

    /// The `xml:base` in scope at `element` made absolute (against ``documentAddress`` when it
    /// is relative); nil when none is in scope or it cannot be made absolute.
    func base(of element: Element?) -> URL? {
        guard let base = element?.xmlBase else { return nil }
        if let absolute = base.absolute { return absolute }
        if base.pending.isEmpty { return nil }
        return base.resolved(document: documentAddress)
    }

    /// `link` made absolute against the current element's base, when it is relative; with no
    /// absolute base, composed with the relative `xml:base` in scope (``XMLBase/relative``).
    func resolve(_ link: String?) -> String? {
        guard let link = FeedItemDraft.nonEmpty(link) else { return nil }
        // Most links are absolute: kept as they are without working out the base.
        if XMLFeedReader.hasScheme(link) { return link }
        let base = self.base(of: stack.last) ?? header.link.flatMap { URL(string: $0) }
        return resolve(link, against: base, in: stack.last)
    }

    /// What ``resolve(_:)`` made of `link` before a relative `xml:base` with no absolute one
    /// around it was applied: an item without an id is known by it (its id stays as it was).
    func resolveAsBefore(_ link: String?) -> String? {
        guard let link = FeedItemDraft.nonEmpty(link) else { return nil }
        if XMLFeedReader.hasScheme(link) { return link }
        return XMLFeedReader.relative(
            link, against: base(of: stack.last) ?? header.link.flatMap { URL(string: $0) })
    }

    /// `link` made absolute against `base` when that has a scheme, else composed with the
    /// relative `xml:base` in scope at `element` when there is one, else as written.
    func resolve(_ link: String, against base: URL?, in element: Element?) -> String {
        if XMLFeedReader.hasScheme(link) { return link }
        if let base, base.scheme != nil { return XMLFeedReader.relative(link, against: base) }
        guard let relativeBase = element?.xmlBase.relative else { return link }
        return URIReference.resolve(link, against: relativeBase)
    }

    /// A media address (an enclosure's, a picture's) of the current element: absolute when it
    /// has a scheme or the `xml:base` in scope can be made absolute, else composed with the
    /// relative `xml:base` in scope, for the item's end to resolve
    /// (``FeedItemDraft/resolveMediaAddresses(feedBase:)``).
    func mediaAddress(_ link: String?) -> String? {
        guard let link = FeedItemDraft.nonEmpty(link) else { return nil }
        return resolve(link, against: base(of: stack.last), in: stack.last)
    }

    /// HTML text of the current element with its relative links made absolute against the
    /// `xml:base` in scope, when there is one (as inline XHTML's are), or composed with it when
    /// it is relative and nothing makes it absolute; without one they are left to the reader,
    /// which resolves them against the item's link.
    func resolvingLinks(inHTML html: String) -> String {
        if let base = self.base(of: stack.last) {
            return HTMLLinkBase.resolvingLinks(in: html, against: base)
        }
        guard let relativeBase = stack.last?.xmlBase.relative else { return html }
        return HTMLLinkBase.resolvingLinks(in: html) {
            XMLFeedReader.hasScheme($0) ? $0 : URIReference.resolve($0, against: relativeBase)
        }
    }

    /// `html` when ``resolvingLinks(inHTML:)`` composed its links with a relative `xml:base`
    /// (``resolved`` is what it made of it): the text as it was before (ids are made of it).
    func htmlAsBefore(_ html: String, resolved: String) -> String? {
        guard let element = stack.last, !element.xmlBase.pending.isEmpty, base(of: element) == nil,
            resolved != html
        else { return nil }
        return html
    }

    /// Sets `item`'s link from its element's `text`, resolved, with what ``resolveAsBefore(_:)``
    /// makes of it when that differs (RSS and RDF).
    func take(link text: String, into item: inout FeedItemDraft?) {
        let link = resolve(text)
        let before = resolveAsBefore(text)
        item?.link = link
        item?.linkAsBefore = before == link ? nil : before
    }

    /// Sets `item`'s summary from its `description` element's `text` (RSS and RDF).
    func take(description text: String, into item: inout FeedItemDraft?) {
        let summary = resolvingLinks(inHTML: text)
        item?.summary = summary
        item?.summaryAsBefore = htmlAsBefore(text, resolved: summary)
        item?.summaryIsHTML = !FeedPlainTextBody.isPlainText(text)
    }

    /// Sets `item`'s content from its `content:encoded` element's `text` (RSS and RDF).
    func take(encoded text: String, into item: inout FeedItemDraft?) {
        let content = resolvingLinks(inHTML: text)
        item?.content = content
        item?.contentAsBefore = htmlAsBefore(text, resolved: content)
    }

    /// Whether `text` is an absolute `http:` or `https:` address with a host.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard scheme > 0, let first = text.utf8.dropFirst(scheme).first else { return false }
        return first != UInt8(ascii: "/") && first != UInt8(ascii: " ")
    }

    static func resolve(_ link: String, against base: URL?) -> String {
        hasScheme(link) ? link : relative(link, against: base)
    }

    /// A link without a scheme made absolute against `base`, when that has one.
    static func relative(_ link: String, against base: URL?) -> String {
        guard let base, base.scheme != nil else { return link }
        return URL(string: link, relativeTo: base)?.absoluteString ?? link
    }

    /// Whether `link` starts with a scheme (`https:`): letters, digits, `+`, `-` and `.` before
    /// its first colon. Decided on the bytes when they are ASCII, else by Unicode letters and
    /// digits.
    static func hasScheme(_ link: String) -> Bool {
        if let ascii = hasASCIIScheme(link) { return ascii }
        guard let scheme = link.split(separator: ":", maxSplits: 1).first, link.contains(":") else {
            return false
        }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Whether `link` starts with a scheme, when its bytes decide it: nil when the text before
    /// the first colon is empty or not all ASCII.
    static func hasASCIIScheme(_ link: String) -> Bool? {
        var sawByte = false
        for byte in link.utf8 {
            switch byte {
            case 0x3A: return sawByte ? true : nil
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2B, 0x2D, 0x2E: sawByte = true
            case 0x80...: return nil
            default: return false
            }
        }
        return false
    }

    /// An attribute by local name, whatever its prefix (`rel` or `atom:rel`).
    static func attribute(_ name: String, in attributes: XMLAttributes) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes.all where key.hasSuffix(":" + name) && !key.hasPrefix("xml:") {
            return value
        }
        return nil
    }

    // MARK: - Running

    /// Parses the text `source` gives, then turns a break in the XML into a warning.
    /// Returns the reason when nothing at all could be recovered.
    func run(_ source: XMLTextSource) -> String? {
        let library: LibXML2
        switch LibXML2.loaded {
        case .success(let loaded): library = loaded
        case .failure(let failure): return "XML cannot be read without libxml2 (\(failure.reason))"
        }
        let parser = XMLPushParser(library: library)
        parser.delegate = self
        self.parser = parser
        let succeeded = parser.parse(source)
        self.parser = nil
        if stopped { return nil }
        broke = firstError != nil || !succeeded
        // Worked out only when a warning says it (a later part's lines are counted then).
        var problem: String? {
            if let error = firstError {
                return "\(XMLFeedReader.describe(error.code)) at line \(lineInFile(error.line))"
            }
            return succeeded ? nil : "the XML parser stopped at line \(lineInFile(parser.lineNumber))"
        }
        var warning: String?
        // An error on the last line of a file read to its end is the file cut short there (in
        // the middle of a tag, libxml2 says the tags do not match).
        let atFileEnd = parser.readToEnd && source.isAtFileEnd
        // A text read to a cut before the file's end (a part of a big feed) ends where the next
        // part starts: no warning tells how it ends, so none is built when anything was read (a
        // later part's would count the file's lines up to its cut, all of them in memory).
        let ranToCut = parser.readToEnd && !source.isAtFileEnd && (deliveredItems > 0 || header.title != nil)
        let lastLine = parser.lineNumber
        func isBreakInside(_ code: Int, line: Int) -> Bool {
            !XMLFeedReader.isEarlyEnd(code) && !(atFileEnd && line >= lastLine)
        }
        if let error = firstError, isBreakInside(error.code, line: error.line) {
            // What libxml2 reads on with after such a break says nothing of the file's end (an
            // item left open by the break is no item the file ends inside).
            // An error outside any item with nothing read after it, after a break, is what the
            // break left open meeting the feed's end tags, not a break of its own.
            breaksInside = breakErrors.enumerated().filter { index, error in
                isBreakInside(error.code, line: error.line)
                    && (index == 0 || error.inItem || deliveredItems > error.delivered)
            }.map(\.element).map {
                FeedBreakRecovery.Break(
                    line: lineInFile($0.line), reason: XMLFeedReader.describe($0.code),
                    readAfter: deliveredItems > $0.delivered)
            }
        } else if ranToCut {
            // Nothing to tell.
        } else if let openItemLine {
            // A fault on the last line of a file read to its end is the file cut there, inside a
            // tag (libxml2 says the tags do not match): the item was lost, its text read whole.
            let endsEarly =
                firstError.map { XMLFeedReader.isEarlyEnd($0.code) || (atFileEnd && $0.line >= lastLine) }
                ?? true
            // "ends inside an item (the file ends too early)" said it twice.
            let reason = endsEarly ? "" : problem.map { " (\($0))" } ?? ""
            let kept = atFileEnd && endsEarly && deliverCutItem()
            let fate = kept ? "it is kept as far as it goes" : "that item is lost"
            warning = "the file ends inside an item at line \(lineInFile(openItemLine))\(reason); \(fate)"
        } else if broke, let problem {
            warning = "the XML breaks: \(problem); what follows may be missing"
        } else if let open = stack.last {
            warning = "the file ends inside <\(open.name)> at line \(lineInFile(open.line))"
        }
        if deliveredItems == 0 && header.title == nil && (warning != nil || !breaksInside.isEmpty || !sawRoot)
        {
            if let first = breaksInside.first {
                return "the XML breaks at line \(first.line) (\(first.reason))"
            }
            return warning ?? "no feed root element"
        }
        if let warning { warnings.append(warning) }
        return nil
    }

    /// Delivers the item the file ends inside with the elements read whole and the text of the
    /// body cut off as far as it goes, when its title or link was read whole;
    /// whether it was delivered.
    private func deliverCutItem() -> Bool {
        guard openItemDepth > 0 && openItemDepth <= stack.count else { return false }
        // Not when the item has a body read whole (a description before a content cut short).
        if captureDepth > openItemDepth && captureDepth <= stack.count && !captureBytes.isEmpty
            && !cutItemHasBody()
        {
            let cut = stack[captureDepth - 1]
            // A body's text only: a title, guid or link cut short would name the story wrongly.
            if XMLFeedReader.holdsBody(cut.name) {
                let text = XMLFeedReader.withoutCutMarkup(String(decoding: captureBytes, as: UTF8.self))
                captureBytes.removeAll()
                stack.removeLast(stack.count - captureDepth)
                captureDepth = 0
                didEnd(cut, text: text, isMarkup: captureIsMarkup)
                stack.removeLast()
            }
        }
        captureDepth = 0
        captureBytes.removeAll()
        stack.removeLast(stack.count - openItemDepth)
        guard let item = stack.last else { return false }
        let before = deliveredItems
        deliveringCutItem = true
        didEnd(item, text: "", isMarkup: false)
        deliveringCutItem = false
        stack.removeLast()
        return deliveredItems > before
    }

    /// Whether an element of this local name holds an item's body in RSS, RDF or Atom.
    private static func holdsBody(_ name: String) -> Bool {
        name == "description" || name == "encoded" || name == "content" || name == "summary"
    }

    /// Whether the item being read has a body read whole (subclasses that read items say).
    func cutItemHasBody() -> Bool { false }

    /// Text cut short without the tag or reference the cut left unfinished at its end (`<p`,
    /// `&am`): their pieces showed as text.
    static func withoutCutMarkup(_ text: String) -> String {
        var utf8 = Substring(text).utf8
        if let open = utf8.lastIndex(of: UInt8(ascii: "<")), !utf8[open...].contains(UInt8(ascii: ">")) {
            utf8 = utf8[..<open]
        }
        if let ampersand = utf8.lastIndex(of: UInt8(ascii: "&")),
            utf8[utf8.index(after: ampersand)...].allSatisfy({
                FeedItemDraft.isLetter($0) || FeedItemDraft.isDigit($0) || $0 == UInt8(ascii: "#")
            })
        {
            utf8 = utf8[..<ampersand]
        }
        return String(Substring(utf8))
    }

    /// Whether the last run broke before `end` (a break that is only the text running out at
    /// `end`, the end of a file or of a part, does not count); `reached` followed the run.
    func broke(before end: Int, reached: FeedParsePosition) -> Bool {
        guard broke else { return false }
        let ranOut = firstError.map { XMLFeedReader.isEarlyEnd($0.code) } ?? true
        return !(ranOut && reached.bytes >= end)
    }

    /// Whether a libxml2 error code says the document ends too early. (A comparison, not a
    /// static `Set`: building one on first use costs the first screen of a feed 0.1 ms.)
    static func isEarlyEnd(_ code: Int) -> Bool {
        code == 4 || code == 5 || code == 77
    }

    private static func describe(_ code: Int) -> String {
        switch code {
        // libxml2's limits: 10,000,000 bytes of a tag or text read whole (the sanitizer cuts
        // CDATA sections, attribute values and tags shorter), 256 levels of nesting, 50,000
        // bytes of a name (the sanitizer cuts longer ones).
        case 1: return "a tag, text or nesting larger than the XML parser allows"
        case 4, 5, 77: return "the file ends too early"
        case 9: return "a character that XML does not allow"
        case 23: return "a malformed entity reference"
        case 26: return "an undeclared entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 62: return "a ']]>' outside a CDATA section"
        case 63: return "an unfinished CDATA section"
        case 64, 65: return "a misplaced XML declaration"
        case 68: return "a '<' or '&' that starts no tag or reference"
        case 73, 76: return "a start tag and end tag that do not match"
        case 110: return "a name longer than the XML parser allows"
        default: return "XML error \(code)"
        }
    }

    // MARK: - XMLPushParserDelegate

    func parser(
        _ parser: XMLPushParser, didStartElement elementName: String, namespace: String,
        attributes attributeDict: XMLAttributes
    ) {
        var base = stack.last?.xmlBase ?? .none
        if let declared = attributeDict["xml:base"] { base = base.declaring(declared) }
        let element = Element(
            name: elementName, namespace: namespace, xmlBase: base, line: parser.lineNumber)
        stack.append(element)
        if captureDepth > 0 {
            appendStartTag(element, attributes: attributeDict)
            return
        }
        didStart(element, attributes: attributeDict)
        let kind = capture(for: element, attributes: attributeDict)
        if case .none = kind { return }
        captureKind = kind
        captureDepth = stack.count
        captureBytes.removeAll(keepingCapacity: true)
        composedValues.removeAll()
        hyperlinkOpen = false
        hyperlinkTags.removeAll()
        if case .xhtml = kind { captureIsMarkup = true } else { captureIsMarkup = false }
    }

    func parserDidEndElement(_ parser: XMLPushParser) {
        guard let element = stack.last else { return }
        if captureDepth > 0 && stack.count > captureDepth {
            appendEndTag(element)
            stack.removeLast()
            return
        }
        var text = ""
        var isMarkup = false
        if captureDepth > 0 && stack.count == captureDepth {
            if hyperlinkOpen { captureBytes.append(contentsOf: "</a>".utf8) }
            text = XMLTextString.make(captureBytes)
            isMarkup = captureIsMarkup
            capturedTextAsBefore = textBeforeComposing()
            captureBytes.removeAll(keepingCapacity: true)
            captureDepth = 0
        }
        didEnd(element, text: text, isMarkup: isMarkup)
        capturedTextAsBefore = nil
        stack.removeLast()
    }

    func parser(_ parser: XMLPushParser, foundText text: UnsafeBufferPointer<UInt8>) {
        guard captureDepth > 0 else { return }
        if captureIsMarkup {
            XMLFeedReader.appendEscaped(text, to: &captureBytes)
        } else {
            captureBytes.append(contentsOf: text)
        }
    }

    func parser(_ parser: XMLPushParser, foundHyperlink address: [UInt8]) {
        guard captureDepth > 0, captureDepth <= stack.count,
            linksHyperlinks(in: stack[captureDepth - 1], isMarkup: captureIsMarkup)
        else { return }
        let start = captureBytes.count
        if hyperlinkOpen { captureBytes.append(contentsOf: "</a>".utf8) }
        let anchor = FeedEscapeSequences.anchor(address)
        hyperlinkOpen = anchor != nil
        captureBytes.append(contentsOf: anchor ?? [])
        if !captureIsMarkup && captureBytes.count > start { hyperlinkTags.append(start..<captureBytes.count) }
    }

    func parser(_ parser: XMLPushParser, errorOccurred code: Int) {
        guard !stopped else { return }
        if firstError == nil { firstError = (code, parser.lineNumber) }
        if breakErrors.count < FeedParser.breaksCounted,
            breakErrors.last.map({ deliveredItems > $0.delivered }) ?? true
        {
            breakErrors.append((code, parser.lineNumber, deliveredItems, openItemLine != nil))
        }
    }

    // MARK: - Markup inside captured text

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ]

    /// Whether `element` is the `div` that wraps Atom XHTML content (left out of the text).
    private func isXHTMLWrapper(_ element: Element) -> Bool {
        if case .xhtml = captureKind {
            return stack.count == captureDepth + 1 && element.name == "div"
        }
        return false
    }

    private func appendStartTag(_ element: Element, attributes: XMLAttributes) {
        if !captureIsMarkup {
            let plain = captureBytes
            captureBytes.removeAll(keepingCapacity: true)
            var copied = 0
            for tag in hyperlinkTags {
                XMLFeedReader.appendEscaped(plain[copied..<tag.lowerBound], to: &captureBytes)
                captureBytes.append(contentsOf: plain[tag])
                copied = tag.upperBound
            }
            XMLFeedReader.appendEscaped(plain[copied...], to: &captureBytes)
            hyperlinkTags.removeAll()
            captureIsMarkup = true
        }
        if isXHTMLWrapper(element) { return }
        captureBytes.append(0x3C)  // <
        captureBytes.append(contentsOf: element.name.utf8)
        for key in attributes.all.map(\.name).sorted() where key != "xml:base" && !key.hasPrefix("xmlns") {
            var value = attributes[key] ?? ""
            var before: String?
            if key == "href" || key == "src" {
                let base = base(of: element)
                before = HTMLLinkBase.resolve(value, against: base)
                value = HTMLLinkBase.resolve(value) { self.resolve($0, against: base, in: element) }
            }
            captureBytes.append(0x20)
            captureBytes.append(contentsOf: key.utf8)
            captureBytes.append(contentsOf: "=\"".utf8)
            let start = captureBytes.count
            XMLFeedReader.appendEscaped(value.utf8, quotes: true, to: &captureBytes)
            if let before, before != value {
                var written: [UInt8] = []
                XMLFeedReader.appendEscaped(before.utf8, quotes: true, to: &written)
                composedValues.append((start..<captureBytes.count, written))
            }
            captureBytes.append(0x22)
        }
        captureBytes.append(0x3E)  // >
    }

    /// The captured text with the composed values as they were before (``capturedTextAsBefore``).
    private func textBeforeComposing() -> String? {
        guard !composedValues.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var copied = 0
        for value in composedValues {
            bytes.append(contentsOf: captureBytes[copied..<value.range.lowerBound])
            bytes.append(contentsOf: value.before)
            copied = value.range.upperBound
        }
        bytes.append(contentsOf: captureBytes[copied...])
        composedValues.removeAll()
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendEndTag(_ element: Element) {
        if isXHTMLWrapper(element) || XMLFeedReader.voidElements.contains(element.name) { return }
        captureBytes.append(contentsOf: "</".utf8)
        captureBytes.append(contentsOf: element.name.utf8)
        captureBytes.append(0x3E)
    }

    /// Appends `text` with `&`, `<` and `>` (and `"` when `quotes`) written as references.
    static func appendEscaped(
        _ text: some Sequence<UInt8>, quotes: Bool = false, to bytes: inout [UInt8]
    ) {
        for byte in text {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22 where quotes: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }
}
