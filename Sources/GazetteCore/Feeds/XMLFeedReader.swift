import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XML plumbing the RSS, RDF and Atom parsers share: FoundationXML's `XMLParser` fed in
/// chunks of repaired text, an element stack with `xml:base`, and text capture.
///
/// Text reaches the parser through `XMLTextSource`, which decodes and repairs the bytes a
/// chunk at a time (so the first items arrive before the whole file has been looked at) and
/// through `XMLSanitizer`, which makes real-world feeds acceptable to a strict XML parser.
/// A subclass says which elements hold text (`capture(for:attributes:)`) and gets each
/// element's end with its text (`didEnd(_:text:isMarkup:)`).
class XMLFeedReader: NSObject, XMLParserDelegate {
    /// An open element.
    struct Element {
        /// The local name (`link` for `atom:link`).
        var name: String
        /// The namespace URI; empty when the element has none.
        var namespace: String
        /// The base URL in effect inside the element (`xml:base`, else the document's).
        var base: URL?
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
    var warnings: [String] = []
    /// Set by a subclass while it is inside an item (its start line), for break warnings.
    var openItemLine: Int?
    /// Set by a subclass when it has seen its root element.
    var sawRoot = false
    /// Whether anything was recovered (an item delivered or a feed title read).
    private(set) var deliveredItems = 0
    private(set) var stopped = false

    private let onItem: (FeedItem) -> Bool
    private weak var parser: XMLParser?
    /// The first XML error the parser reported: its code and line.
    private(set) var firstError: (code: Int, line: Int)?

    private var captureDepth = 0
    private var captureKind = Capture.none
    private var captureText = ""
    private var captureIsMarkup = false

    init(format: SourceFormat, onItem: @escaping (FeedItem) -> Bool) {
        header = FeedHeader(format: format)
        self.onItem = onItem
    }

    // MARK: - For subclasses

    /// How to collect `element`'s content; called after `didStart`.
    func capture(for element: Element, attributes: [String: String]) -> Capture { .none }
    func didStart(_ element: Element, attributes: [String: String]) {}
    /// `text` is the collected content (empty for elements not captured).
    func didEnd(_ element: Element, text: String, isMarkup: Bool) {}

    /// The element containing the current one (the current one is `stack.last`).
    var parent: Element? { stack.count >= 2 ? stack[stack.count - 2] : nil }

    /// Passes an item on, and stops the parse when the receiver wants no more.
    func deliver(_ draft: FeedItemDraft) {
        guard !stopped else { return }
        deliveredItems += 1
        if !onItem(draft.finish()) {
            stopped = true
            parser?.abortParsing()
        }
    }

    /// `link` made absolute against the current element's base, when it is relative.
    func resolve(_ link: String?) -> String? {
        guard let link = FeedItemDraft.nonEmpty(link) else { return nil }
        let base = stack.last?.base ?? header.link.flatMap { URL(string: $0) }
        return XMLFeedReader.resolve(link, against: base)
    }

    static func resolve(_ link: String, against base: URL?) -> String {
        guard let base, base.scheme != nil else { return link }
        if let scheme = link.split(separator: ":", maxSplits: 1).first, link.contains(":"),
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        {
            return link
        }
        return URL(string: link, relativeTo: base)?.absoluteString ?? link
    }

    /// An attribute by local name, whatever its prefix (`rel` or `atom:rel`).
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes where key.hasSuffix(":" + name) && !key.hasPrefix("xml:") {
            return value
        }
        return nil
    }

    // MARK: - Running

    /// Parses the text `source` gives, then turns a break in the XML into a warning.
    /// Returns the reason when nothing at all could be recovered.
    func run(_ source: XMLTextSource) -> String? {
        let parser = XMLParser(stream: XMLTextStream(source: source))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        self.parser = parser
        let succeeded = parser.parse()
        self.parser = nil
        if stopped { return nil }
        var problem: String?
        if let error = firstError {
            problem = "\(XMLFeedReader.describe(error.code)) at line \(error.line)"
        } else if !succeeded {
            problem = "the XML parser stopped at line \(parser.lineNumber)"
        }
        var warning: String?
        if let openItemLine {
            let reason = problem.map { " (\($0))" } ?? ""
            warning = "the file ends inside an item at line \(openItemLine)\(reason); that item is lost"
        } else if let problem {
            warning = "the XML breaks: \(problem); what follows may be missing"
        } else if let open = stack.last {
            warning = "the file ends inside <\(open.name)> at line \(open.line)"
        }
        if deliveredItems == 0 && header.title == nil && (warning != nil || !sawRoot) {
            return warning ?? "no feed root element"
        }
        if let warning { warnings.append(warning) }
        return nil
    }

    private static func describe(_ code: Int) -> String {
        switch code {
        case 4, 5, 77: return "the file ends too early"
        case 9: return "a character that XML does not allow"
        case 23: return "a malformed entity reference"
        case 26: return "an undeclared entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 63: return "an unfinished CDATA section"
        case 64, 65: return "a misplaced XML declaration"
        case 68: return "a '<' or '&' that starts no tag or reference"
        case 73, 76: return "a start tag and end tag that do not match"
        default: return "XML error \(code)"
        }
    }

    // MARK: - XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        var base = stack.last?.base
        if let declared = attributeDict["xml:base"] {
            base = URL(string: declared, relativeTo: base)?.absoluteURL ?? base
        }
        let element = Element(
            name: elementName, namespace: namespaceURI ?? "", base: base, line: parser.lineNumber)
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
        captureText = ""
        if case .xhtml = kind { captureIsMarkup = true } else { captureIsMarkup = false }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard let element = stack.last else { return }
        if captureDepth > 0 && stack.count > captureDepth {
            appendEndTag(element)
            stack.removeLast()
            return
        }
        var text = ""
        var isMarkup = false
        if captureDepth > 0 && stack.count == captureDepth {
            text = captureText
            isMarkup = captureIsMarkup
            captureText = ""
            captureDepth = 0
        }
        didEnd(element, text: text, isMarkup: isMarkup)
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard captureDepth > 0 else { return }
        if captureIsMarkup {
            captureText += XMLFeedReader.escaped(string)
        } else {
            captureText += string
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard captureDepth > 0 else { return }
        let string = String(decoding: CDATABlock, as: UTF8.self)
        if captureIsMarkup {
            captureText += XMLFeedReader.escaped(string)
        } else {
            captureText += string
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if firstError == nil && !stopped {
            firstError = ((parseError as NSError).code, parser.lineNumber)
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

    private func appendStartTag(_ element: Element, attributes: [String: String]) {
        if !captureIsMarkup {
            captureText = XMLFeedReader.escaped(captureText)
            captureIsMarkup = true
        }
        if isXHTMLWrapper(element) { return }
        captureText += "<" + element.name
        for key in attributes.keys.sorted() where key != "xml:base" && !key.hasPrefix("xmlns") {
            var value = attributes[key] ?? ""
            if key == "href" || key == "src" {
                value = XMLFeedReader.resolve(value, against: element.base)
            }
            captureText += " \(key)=\"\(XMLFeedReader.escaped(value, quotes: true))\""
        }
        captureText += ">"
    }

    private func appendEndTag(_ element: Element) {
        if isXHTMLWrapper(element) || XMLFeedReader.voidElements.contains(element.name) { return }
        captureText += "</\(element.name)>"
    }

    static func escaped(_ text: String, quotes: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || (quotes && $0 == 0x22) })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Hands XMLParser the next chunk of repaired UTF-8 text when it asks for more.
final class XMLTextStream: InputStream {
    private let source: XMLTextSource
    private var chunk: [UInt8] = []
    private var offset = 0

    init(source: XMLTextSource) {
        self.source = source
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { offset < chunk.count || !source.isAtEnd }
    override var streamStatus: Stream.Status { hasBytesAvailable ? .open : .atEnd }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        while offset >= chunk.count {
            guard let next = source.next() else { return 0 }
            chunk = next
            offset = 0
        }
        let count = min(len, chunk.count - offset)
        chunk.withUnsafeBufferPointer { all in
            if let base = all.baseAddress {
                buffer.update(from: base + offset, count: count)
            }
        }
        offset += count
        return count
    }
}

/// A feed's text in chunks of UTF-8 that `XMLSanitizer` has repaired, each cut just after
/// a `>` so that no entity reference, comment or CDATA marker is split between chunks.
final class XMLTextSource {
    static let chunkSize = 1 << 17

    private let input: UnsafeRawBufferPointer
    private let decoded: [UInt8]?
    private let checkUTF8: Bool
    private var position: Int
    /// Where the current segment ends, and the segments still to read after it.
    private var end: Int
    private var segments: [Range<Int>]
    private var sanitizer = XMLSanitizer()
    /// Where the text handed out so far ends in the file, kept up to date when given.
    private let reached: FeedParsePosition?

    /// `bytes` must stay valid while the source is used. For UTF-8 text, `segments` (byte
    /// ranges of `bytes`, in order, each starting and ending at a tag) can stand for the
    /// whole text: one part of a feed cut at item boundaries.
    init(
        bytes: UnsafeRawBufferPointer, plan: FeedTextDecoder.Plan, segments: [Range<Int>]? = nil,
        reached: FeedParsePosition? = nil
    ) {
        input = bytes
        self.reached = reached
        switch plan.kind {
        case .utf8:
            decoded = nil
            checkUTF8 = true
            var parts = segments ?? [plan.start..<bytes.count]
            let first = parts.isEmpty ? bytes.count..<bytes.count : parts.removeFirst()
            position = max(first.lowerBound, plan.start)
            end = first.upperBound
            self.segments = parts
        case .decoded(let text):
            let utf8 = Array(text.utf8)
            decoded = utf8
            checkUTF8 = false
            position = 0
            end = utf8.count
            self.segments = []
        }
    }

    var isAtEnd: Bool { position >= end && segments.isEmpty }

    func next() -> [UInt8]? {
        while position >= end, !segments.isEmpty {
            let segment = segments.removeFirst()
            position = segment.lowerBound
            end = segment.upperBound
        }
        if let decoded {
            let chunk = decoded.withUnsafeBytes { nextChunk(of: $0) }
            // Decoded text is not the file's bytes: its share of the file, in proportion.
            reached?.bytes =
                decoded.isEmpty
                ? input.count : Int(Double(position) / Double(decoded.count) * Double(input.count))
            return chunk
        }
        let chunk = nextChunk(of: input)
        reached?.bytes = position
        return chunk
    }

    private func nextChunk(of bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let end = min(self.end, bytes.count)
        guard position < end else { return nil }
        var cut = min(position + XMLTextSource.chunkSize, end)
        if cut < end {
            var index = cut - 1
            while index > position && bytes[index] != UInt8(ascii: ">") { index -= 1 }
            if index > position {
                cut = index + 1
            } else {
                // No `>` in a whole chunk: cut at a character boundary.
                while cut > position + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
        }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<cut])
        position = cut
        var output = [UInt8]()
        output.reserveCapacity(slice.count + 64)
        if checkUTF8 && XMLTextSource.needsRepair(slice) {
            var repaired = [UInt8]()
            repaired.reserveCapacity(slice.count + 64)
            FeedTextDecoder.repairUTF8(slice, into: &repaired)
            repaired.withUnsafeBytes { sanitizer.process($0, into: &output) }
        } else {
            sanitizer.process(slice, into: &output)
        }
        return output
    }

    /// Whether UTF-8 bytes hold an invalid sequence or a C1 control.
    private static func needsRepair(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let length = FeedTextDecoder.sequenceLength(bytes, at: index)
            if length == 0 || (length == 2 && bytes[index] == 0xC2 && bytes[index + 1] <= 0x9F) {
                return true
            }
            index += length
        }
        return false
    }
}

/// Rewrites UTF-8 XML, a chunk at a time, into what a strict XML parser accepts, keeping
/// every line break so that line numbers stay those of the file:
/// - before the root element, only comments, processing instructions and line breaks are
///   kept: junk text, the XML declaration (the text is UTF-8 now, whatever it said, and it
///   may not be first in the file) and the DOCTYPE (its internal entities are remembered)
///   are dropped;
/// - comments are dropped everywhere (a `--` inside one is an error);
/// - HTML named entities (`&nbsp;`) become numeric references, internal DTD entities are
///   expanded, and an `&` that starts no reference becomes `&amp;`; text holding references
///   becomes CDATA (see `text`);
/// - numeric references and raw bytes that XML forbids (controls, `&#0;`) are dropped or
///   replaced, and C1 references get their windows-1252 meaning (`&#146;` is U+2019).
struct XMLSanitizer {
    private enum Mode {
        case prolog
        case content
        case cdata
        case comment
        case doctype
        case tag
        case instruction
    }

    private var mode = Mode.prolog
    private var tagQuote: UInt8 = 0
    /// The byte before the current one inside a processing instruction (its end is `?>`).
    private var instructionLastByte: UInt8 = 0
    private var modeAfterComment = Mode.prolog
    private var doctypeText: [UInt8] = []
    private var doctypeDepth = 0
    private var doctypeQuote: UInt8 = 0
    private var entities: [String: [UInt8]] = [:]

    mutating func process(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let input = raw.bindMemory(to: UInt8.self)
        var index = 0
        while index < input.count {
            switch mode {
            case .prolog: index = prolog(input, from: index, into: &output)
            case .content: index = content(input, from: index, into: &output)
            case .cdata: index = cdata(input, from: index, into: &output)
            case .comment: index = comment(input, from: index, into: &output)
            case .doctype: index = doctype(input, from: index, into: &output)
            case .tag: index = tag(input, from: index, into: &output)
            case .instruction: index = instruction(input, from: index, into: &output)
            }
        }
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ text: StaticString)
        -> Bool
    {
        let count = text.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where input[index + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        FeedItemDraft.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func appendNewlines(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]
    ) {
        for index in range where input[index] == 0x0A { output.append(0x0A) }
    }

    private mutating func prolog(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            guard byte == UInt8(ascii: "<") else {
                if byte == 0x0A { output.append(0x0A) }
                index += 1
                continue
            }
            if XMLSanitizer.matches(input, index, "<!--") {
                mode = .comment
                modeAfterComment = .prolog
                return index + 4
            }
            if XMLSanitizer.matches(input, index, "<!DOCTYPE") {
                mode = .doctype
                doctypeText = []
                doctypeDepth = 0
                doctypeQuote = 0
                return index + 9
            }
            if XMLSanitizer.matches(input, index, "<?") {
                var end = index + 2
                while end < input.count
                    && !(input[end] == UInt8(ascii: ">") && input[end - 1] == UInt8(ascii: "?"))
                {
                    end += 1
                }
                end = min(end + 1, input.count)
                // Processing instructions carry nothing a reader needs, and FoundationXML crashes
                // on one without data (`<?x?>`): all of them go, the declaration too.
                XMLSanitizer.appendNewlines(input, index..<end, to: &output)
                index = end
                continue
            }
            if index + 1 < input.count && XMLSanitizer.isNameStart(input[index + 1]) {
                mode = .content
                return index
            }
            index += 1
        }
        return index
    }

    private mutating func comment(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            if byte == 0x0A {
                output.append(0x0A)
            } else if byte == UInt8(ascii: ">") && index >= 2 && input[index - 1] == UInt8(ascii: "-")
                && input[index - 2] == UInt8(ascii: "-") && index - 2 >= start
            {
                mode = modeAfterComment
                return index + 1
            }
            index += 1
        }
        return index
    }

    private mutating func doctype(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            doctypeText.append(byte)
            if byte == 0x0A { output.append(0x0A) }
            index += 1
            if doctypeQuote != 0 {
                if byte == doctypeQuote { doctypeQuote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                doctypeQuote = byte
            } else if byte == UInt8(ascii: "[") {
                doctypeDepth += 1
            } else if byte == UInt8(ascii: "]") {
                doctypeDepth = max(0, doctypeDepth - 1)
            } else if byte == UInt8(ascii: ">") && doctypeDepth == 0 {
                readEntityDeclarations()
                mode = .prolog
                return index
            }
        }
        return index
    }

    /// Remembers `<!ENTITY name "value">` declarations of the internal subset.
    private mutating func readEntityDeclarations() {
        let text = String(decoding: doctypeText, as: UTF8.self)
        var rest = text[...]
        while let range = rest.range(of: "<!ENTITY") {
            rest = rest[range.upperBound...]
            let words = rest.drop { $0.isWhitespace }
            guard let first = words.first, first != "%" else { continue }
            let name = words.prefix { !$0.isWhitespace }
            let afterName = words.dropFirst(name.count).drop { $0.isWhitespace }
            guard let quote = afterName.first, quote == "\"" || quote == "'" else { continue }
            let value = afterName.dropFirst().prefix { $0 != quote }
            entities[String(name)] = Array(value.utf8)
        }
    }

    private mutating func cdata(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        var runStart = start
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "]") && index + 2 < input.count && input[index + 1] == UInt8(ascii: "]")
                && input[index + 2] == UInt8(ascii: ">")
            {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index + 3]))
                mode = .content
                return index + 3
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        return index
    }

    private mutating func content(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        let count = input.count
        guard let base = input.baseAddress else { return count }
        let found = memchr(base + start, Int32(UInt8(ascii: "<")), count - start)
        let runEnd = found.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? count
        if runEnd > start { text(input, start..<runEnd, into: &output) }
        guard runEnd < count else { return count }
        if XMLSanitizer.matches(input, runEnd, "<![CDATA[") {
            output.append(contentsOf: "<![CDATA[".utf8)
            mode = .cdata
            return runEnd + 9
        }
        if XMLSanitizer.matches(input, runEnd, "<!--") {
            mode = .comment
            modeAfterComment = .content
            return runEnd + 4
        }
        if XMLSanitizer.matches(input, runEnd, "<?") {
            mode = .instruction
            instructionLastByte = 0
            return runEnd + 2
        }
        mode = .tag
        tagQuote = 0
        output.append(UInt8(ascii: "<"))
        return runEnd + 1
    }

    /// Inside a processing instruction in the content, dropped up to its `?>` (line breaks kept).
    private mutating func instruction(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == 0x0A { output.append(0x0A) }
            if byte == UInt8(ascii: ">") && instructionLastByte == UInt8(ascii: "?") {
                mode = .content
                return index
            }
            instructionLastByte = byte
        }
        return index
    }

    /// Inside a tag, up to its `>` (not one inside a quoted attribute value).
    private mutating func tag(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        var runStart = start
        while index < input.count {
            let byte = input[index]
            if tagQuote != 0 {
                if byte == tagQuote { tagQuote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                tagQuote = byte
            } else if byte == UInt8(ascii: ">") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...index]))
                mode = .content
                return index + 1
            }
            if byte == UInt8(ascii: "&") {
                let (length, reference) = self.reference(input, at: index)
                if let rewritten = XMLSanitizer.rewritten(reference) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                    output.append(contentsOf: rewritten)
                    runStart = index + length
                }
                index += length
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        return index
    }

    /// Whether 8 bytes hold an `&` or a byte below 0x20.
    @inline(__always)
    private static func mayNeedWork(_ word: UInt64) -> Bool {
        let ampersands = word ^ 0x2626_2626_2626_2626
        let zeroAmpersand = (ampersands &- 0x0101_0101_0101_0101) & ~ampersands
        let below32 = (word &- 0x2020_2020_2020_2020) & ~word
        return (zeroAmpersand | below32) & 0x8080_8080_8080_8080 != 0
    }

    /// Text between tags. Text with references becomes a CDATA section of the characters
    /// they stand for: the parser then hands it over in one piece instead of one call per
    /// reference, which is most of the cost of entity-escaped HTML.
    private mutating func text(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]
    ) {
        var index = range.lowerBound
        var hasReference = false
        var hasControl = false
        let raw = UnsafeRawBufferPointer(input)
        while index < range.upperBound {
            if index + 8 <= range.upperBound
                && !XMLSanitizer.mayNeedWork(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = input[index]
            if byte == UInt8(ascii: "&") {
                hasReference = true
                break
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { hasControl = true }
            index += 1
        }
        if !hasReference && !hasControl {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
            return
        }
        if hasReference { output.append(contentsOf: "<![CDATA[".utf8) }
        index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let closers = word ^ 0x3E3E_3E3E_3E3E_3E3E
                let hasCloser = (closers &- 0x0101_0101_0101_0101) & ~closers & 0x8080_8080_8080_8080 != 0
                if !hasCloser && !XMLSanitizer.mayNeedWork(word) {
                    index += 8
                    continue
                }
            }
            let byte = input[index]
            if byte == UInt8(ascii: "&") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                let (length, reference) = self.reference(input, at: index)
                switch reference {
                case .keep(let value), .scalar(let value):
                    if value == UInt32(UInt8(ascii: ">")) { XMLSanitizer.breakCDATAIfNeeded(&output) }
                    FeedTextDecoder.appendScalar(value, to: &output)
                case .text(let bytes):
                    output.append(contentsOf: bytes)
                case .bare:
                    output.append(UInt8(ascii: "&"))
                }
                index += length
                runStart = index
                continue
            }
            if byte == UInt8(ascii: ">") && hasReference {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                XMLSanitizer.breakCDATAIfNeeded(&output)
                runStart = index
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        if hasReference { output.append(contentsOf: "]]>".utf8) }
    }

    /// Ends and restarts the CDATA section when a `>` would follow `]]`.
    private static func breakCDATAIfNeeded(_ output: inout [UInt8]) {
        let count = output.count
        if count >= 2 && output[count - 1] == UInt8(ascii: "]") && output[count - 2] == UInt8(ascii: "]") {
            output.append(contentsOf: "]]><![CDATA[".utf8)
        }
    }

    /// What a reference stands for.
    private enum Reference {
        /// A reference XML accepts as written (`&lt;`, `&#8217;`), and its character.
        case keep(UInt32)
        /// A character whose reference XML does not accept (`&nbsp;`, `&#146;`).
        case scalar(UInt32)
        /// An internal DTD entity's replacement text.
        case text([UInt8])
        /// An `&` that starts no reference.
        case bare
    }

    /// The reference to write for one that XML does not accept as written; nil when it does.
    private static func rewritten(_ reference: Reference) -> [UInt8]? {
        switch reference {
        case .keep: return nil
        case .scalar(let value): return Array("&#\(value);".utf8)
        case .text(let bytes): return bytes
        case .bare: return Array("&amp;".utf8)
        }
    }

    /// The reference at `index` (an `&`): its length in bytes and what it stands for.
    private func reference(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Reference) {
        var end = index + 1
        let count = input.count
        if end < count && input[end] == UInt8(ascii: "#") {
            end += 1
            let hex = end < count && input[end] | 0x20 == UInt8(ascii: "x")
            if hex { end += 1 }
            var value: UInt32 = 0
            let digitsStart = end
            while end < count && end - digitsStart < 8 {
                let byte = input[end]
                if FeedItemDraft.isDigit(byte) {
                    value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
                } else if hex && (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f") {
                    value = value * 16 + UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                } else {
                    break
                }
                end += 1
            }
            guard end > digitsStart, end < count, input[end] == UInt8(ascii: ";") else { return (1, .bare) }
            let length = end + 1 - index
            if let mapped = HTMLEntityTable.windows1252(value) { return (length, .scalar(mapped)) }
            let allowed =
                value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0xD7FF)
                || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
            return (length, allowed ? .keep(value) : .scalar(0xFFFD))
        }
        while end < count && end - index <= 40 {
            let byte = input[end]
            guard
                FeedItemDraft.isLetter(byte) || FeedItemDraft.isDigit(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            else { break }
            end += 1
        }
        guard end > index + 1, end < count, input[end] == UInt8(ascii: ";") else { return (1, .bare) }
        let length = end + 1 - index
        let name = UnsafeBufferPointer(rebasing: input[index + 1..<end])
        if let value = XMLSanitizer.predefined(name) { return (length, .keep(value)) }
        let text = String(decoding: name, as: UTF8.self)
        if let value = entities[text] { return (length, .text(value)) }
        if let value = HTMLEntityTable.codePoints[text] { return (length, .scalar(value)) }
        return (1, .bare)
    }

    /// The character of `lt`, `gt`, `amp`, `quot` or `apos`.
    private static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        switch name.count {
        case 2 where name[1] == UInt8(ascii: "t"):
            if name[0] == UInt8(ascii: "l") { return 0x3C }
            if name[0] == UInt8(ascii: "g") { return 0x3E }
            return nil
        case 3:
            return name.elementsEqual("amp".utf8) ? 0x26 : nil
        case 4:
            if name.elementsEqual("quot".utf8) { return 0x22 }
            if name.elementsEqual("apos".utf8) { return 0x27 }
            return nil
        default:
            return nil
        }
    }
}
