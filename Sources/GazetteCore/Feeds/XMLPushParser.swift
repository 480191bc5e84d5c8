internal import CLibXML2

/// What an `XMLPushParser` reports as it reads, in document order.
protocol XMLPushParserDelegate: AnyObject {
    /// A start tag: the local name, the namespace URI (empty when none) and the attributes by
    /// qualified name (`xml:base`, `rdf:about`); namespace declarations are not attributes.
    func parser(
        _ parser: XMLPushParser, didStartElement name: String, namespace: String, attributes: XMLAttributes
    )
    func parserDidEndElement(_ parser: XMLPushParser)
    /// Character data or a CDATA section's content as UTF-8, entities already replaced; one
    /// run of text may come in several calls. The bytes are only valid during the call.
    func parser(_ parser: XMLPushParser, foundText text: UnsafeBufferPointer<UInt8>)
    /// An OSC 8 hyperlink's start, its address, or its end, an empty address, in the text
    /// (``XMLHyperlinkMark``).
    func parser(_ parser: XMLPushParser, foundHyperlink address: [UInt8])
    /// An error or warning from libxml2, by its `xmlParserErrors` code.
    func parser(_ parser: XMLPushParser, errorOccurred code: Int)
}

/// A streaming XML parser with namespaces: libxml2's push parser in recovery mode, fed the
/// chunks a `XMLTextSource` hands out, reporting to a delegate.
///
/// It feeds libxml2 the way FoundationXML's `XMLParser` did (the first four bytes, then
/// pieces of at most 128 KiB, stopping after the first piece that reports an error), so a
/// broken feed yields the same items and the same break as before.
final class XMLPushParser {
    weak var delegate: XMLPushParserDelegate?
    private let library: LibXML2
    private var context: xmlParserCtxtPtr?
    private var head: [UInt8] = []
    /// The text being parsed: it hands over the texts it set aside (``XMLTextAside``).
    private var source: XMLTextSource?

    /// The largest piece handed to libxml2 at once.
    static let pieceSize = 1 << 17

    init(library: LibXML2) {
        self.library = library
    }

    deinit {
        if let context {
            if let document = context.pointee.myDoc { library.freeDocument(document) }
            library.freeParserContext(context)
        }
    }

    /// The line the parser is on (1-based; 0 before it starts).
    var lineNumber: Int {
        guard let context else { return 0 }
        return Int(library.lineNumber(UnsafeMutableRawPointer(context)))
    }

    /// Stops the parse from within a delegate call; `parse` then returns false.
    func abort() {
        if let context { library.stopParser(context) }
    }

    /// Whether the parse went to the end of the text: every piece was handed over, the last
    /// one marked as the end.
    private(set) var readToEnd = false

    /// Parses everything `source` hands out. False when libxml2 reported an error (the parse
    /// stops at the end of that piece) or was stopped.
    func parse(_ source: XMLTextSource) -> Bool {
        self.source = source
        defer { self.source = nil }
        while let chunk = source.next() {
            var start = 0
            while start < chunk.count {
                let end = min(chunk.count, start + XMLPushParser.pieceSize)
                let fine = chunk.withUnsafeBufferPointer {
                    push(UnsafeBufferPointer(rebasing: $0[start..<end]), last: false)
                }
                guard fine else { return false }
                start = end
            }
        }
        readToEnd = true
        return push(UnsafeBufferPointer(start: nil, count: 0), last: true)
    }

    private func push(_ bytes: UnsafeBufferPointer<UInt8>, last: Bool) -> Bool {
        let me = Unmanaged.passUnretained(self).toOpaque()
        // A parse run in a delegate call of another on this thread (a body parsed again for the
        // first screen while the index parses) gives the outer one its handler back: it lost
        // its errors for the rest of its piece, a broken feed its break warning and the items
        // read on after the break.
        let outer = library.structuredErrors()
        library.setStructuredErrors(me, XMLPushParser.reportError)
        defer { library.setStructuredErrors(outer.context, outer.handler) }
        if let context {
            return chunk(context, bytes, last: last)
        }
        // libxml2 wants four bytes to see the encoding before it makes a context.
        head.append(contentsOf: bytes)
        guard head.count >= 4 else { return true }
        var handler = XMLPushParser.handler
        let created = head.withUnsafeBufferPointer { all in
            all.withMemoryRebound(to: CChar.self) {
                library.createPushParser(&handler, me, $0.baseAddress, 4, nil)
            }
        }
        guard let created else { return false }
        context = created
        _ = library.useOptions(created, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOENT.rawValue))
        let rest = head.dropFirst(4)
        defer { head = [] }
        return rest.withUnsafeBufferPointer { chunk(created, $0, last: last) }
    }

    private func chunk(_ context: xmlParserCtxtPtr, _ bytes: UnsafeBufferPointer<UInt8>, last: Bool) -> Bool {
        let result = bytes.withMemoryRebound(to: CChar.self) {
            library.parseChunk(context, $0.baseAddress, Int32($0.count), last ? 1 : 0)
        }
        return result == 0
    }

    // MARK: - libxml2 callbacks

    private static func owner(of pointer: UnsafeMutableRawPointer?) -> XMLPushParser? {
        pointer.map { Unmanaged<XMLPushParser>.fromOpaque($0).takeUnretainedValue() }
    }

    private static let reportError: xmlStructuredErrorFunc = { pointer, error in
        guard let parser = XMLPushParser.owner(of: pointer), let error else { return }
        // An HTML body parsed in a delegate call reports here too: its errors are not this
        // parse's.
        if let other = error.pointee.ctxt, let context = parser.context,
            other != UnsafeMutableRawPointer(context)
        {
            return
        }
        parser.delegate?.parser(parser, errorOccurred: Int(error.pointee.code))
    }

    /// The SAX2 callbacks; libxml2 copies the table into each context.
    private static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { pointer, localName, prefix, uri, _, _, count, _, attributes in
            guard let parser = XMLPushParser.owner(of: pointer), let delegate = parser.delegate, let localName
            else { return }
            var byName = XMLAttributes()
            if let attributes {
                for index in stride(from: 0, to: Int(count) * 5, by: 5) {
                    guard let name = attributes[index] else { continue }
                    var key = String(cString: name)
                    if let prefix = attributes[index + 1], prefix.pointee != 0 {
                        key = String(cString: prefix) + ":" + key
                    }
                    if let value = attributes[index + 3], let end = attributes[index + 4] {
                        byName[key] = String(
                            decoding: UnsafeBufferPointer(start: value, count: max(0, end - value)),
                            as: UTF8.self)
                    }
                }
            }
            delegate.parser(
                parser, didStartElement: String(cString: localName),
                namespace: uri.map { String(cString: $0) } ?? "",
                attributes: byName)
        }
        handler.endElementNs = { pointer, _, _, _ in
            guard let parser = XMLPushParser.owner(of: pointer) else { return }
            parser.delegate?.parserDidEndElement(parser)
        }
        // Text is handed on as bytes: an entity-escaped story comes in hundreds of pieces,
        // and the reader makes one string of them at the element's end.
        // Character data and CDATA content go the same way.
        let text: charactersSAXFunc = { pointer, text, length in
            guard let parser = XMLPushParser.owner(of: pointer), let text, length > 0 else { return }
            parser.delegate?.parser(parser, foundText: UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.characters = text
        handler.cdataBlock = text
        handler.processingInstruction = { pointer, target, data in
            guard let parser = XMLPushParser.owner(of: pointer), let target else { return }
            let name = String(cString: target)
            guard name == XMLHyperlinkMark.target || name == XMLTextAside.target else { return }
            var count = 0
            if let data { while data[count] != 0 { count += 1 } }
            let bytes = UnsafeBufferPointer(start: data, count: count)
            if name == XMLTextAside.target {
                // Text set aside, handed over as libxml2 hands over character data.
                parser.source?.readAside(mark: bytes) { text in
                    guard !text.isEmpty else { return }
                    parser.delegate?.parser(parser, foundText: text)
                }
                return
            }
            guard let address = XMLHyperlinkMark.address(bytes) else { return }
            parser.delegate?.parser(parser, foundHyperlink: address)
        }
        return handler
    }
}
