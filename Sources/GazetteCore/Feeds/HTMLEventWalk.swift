internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks HTML into a sink straight from libxml2's parser events, without building the tree
/// that ``HTMLRenderer`` walks otherwise: for the word counts of a feed's headline rows, each
/// of which cost a tree of the story's HTML (built, walked and freed) on a feed's first screen.
///
/// The events are those libxml2 builds its tree from (the same parser, options, implied and
/// closed elements), with one difference: white space that the tree builder drops as ignorable
/// (judged by looking at the tree) comes here as text between the same elements. A sink that
/// takes white space as a separator only, as ``HTMLWordCounter`` does, sees no difference; a
/// test checks the counts on every real-world item and on random HTML.
final class HTMLEventWalk<Sink: HTMLTreeSink>: HTMLEventReceiver {
    private var sink: Sink
    /// Elements entered whose children are skipped (the sink did not enter an enclosing one).
    private var skipping = 0
    /// Elements open: text outside every element has no place in the tree, which drops it.
    private var open = 0

    private init(sink: Sink) {
        self.sink = sink
    }

    /// The sink after the walk of `html` from `sink`; nil when libxml2 could not read the
    /// whole of it (the caller then reads it the way the tree walk falls back to).
    static func walk(_ html: String, into sink: Sink, with library: LibXML2) -> Sink? {
        let html = HTMLUnfinishedTag.escaped(html)
        guard !HTMLNesting.exceeds(html), let context = library.newHTMLContext() else { return nil }
        defer { library.freeHTMLContext(context) }
        guard let handler = context.pointee.sax else { return nil }
        let walk = HTMLEventWalk(sink: sink)
        walk.context = context
        // The handler is the context's own (freed with it): only the events walked are set.
        memset(handler, 0, MemoryLayout<xmlSAXHandler>.size)
        handler.pointee.startElement = { context, name, attributes in
            guard let receiver = HTMLEventReceiver.owner(context), let name else { return }
            receiver.start(name, attributes)
        }
        handler.pointee.endElement = { context, _ in
            HTMLEventReceiver.owner(context)?.end()
        }
        handler.pointee.characters = { context, text, count in
            guard let text, count > 0 else { return }
            HTMLEventReceiver.owner(context)?.text(UnsafeBufferPointer(start: text, count: Int(count)))
        }
        handler.pointee.cdataBlock = handler.pointee.characters
        context.pointee._private = Unmanaged.passUnretained(walk).toOpaque()
        var source = html
        let completed = withExtendedLifetime(walk) {
            source.withUTF8 { buffer -> Bool in
                guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else {
                    return false
                }
                let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    library.readHTMLMemory(
                        context, $0, Int32(buffer.count), nil, "UTF-8", HTMLRenderer.parseOptions)
                }
                if let document { library.freeDocument(document) }
                // As the tree walk: libxml2 halts at its nesting limit, dropping the rest.
                return context.pointee.disableSAX == 0
                    && context.pointee.errNo != Int32(XML_ERR_INTERNAL_ERROR.rawValue)
            }
        }
        return completed ? walk.sink : nil
    }

    override func start(
        _ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        open += 1
        if skipping > 0 {
            skipping += 1
            return
        }
        let entered = sink.openElement(Self.treeName(name)) { wanted in
            guard var pair = attributes else { return nil }
            // Name, value, name, value, …, then NULL.
            // Compared in place: each element is asked for its `hidden` and `style`.
            return wanted.withCString { wanted -> String? in
                while let key = pair.pointee {
                    let value = pair.successor().pointee
                    if strcmp(UnsafeRawPointer(key).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                        return value.map { String(cString: $0) } ?? ""
                    }
                    pair = pair.advanced(by: 2)
                }
                return nil
            }
        }
        if !entered { skipping = 1 }
    }

    /// The element's name as libxml2's tree builder gives it: a qualified name loses its prefix
    /// (`media:title` is `title`, `a::b` is `:b`), unless it starts with the colon or nothing
    /// follows it.
    static func treeName(_ name: UnsafePointer<xmlChar>) -> String {
        var index = 0
        while name[index] != 0 && name[index] != UInt8(ascii: ":") { index += 1 }
        guard index > 0, name[index] != 0, name[index + 1] != 0 else { return String(cString: name) }
        return String(cString: name + index + 1)
    }

    override func end() {
        open -= 1
        if skipping > 0 {
            skipping -= 1
        } else {
            sink.closeElement()
        }
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if skipping == 0 && open > 0 { sink.text(bytes) }
    }
}

/// What libxml2's callbacks reach (C callbacks cannot name a generic type).
class HTMLEventReceiver {
    /// The parser context the walk runs in.
    fileprivate var context: htmlParserCtxtPtr?

    func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
    }
    func end() {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// The receiver a callback belongs to: the one its parser context was given to.
    fileprivate static func owner(_ context: UnsafeMutableRawPointer?) -> HTMLEventReceiver? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: htmlParserCtxt.self)
        guard let pointer = parser.pointee._private else { return nil }
        let owner = Unmanaged<HTMLEventReceiver>.fromOpaque(pointer).takeUnretainedValue()
        return owner.context.map { UnsafeMutableRawPointer($0) == context } == true ? owner : nil
    }
}
