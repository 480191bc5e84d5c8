internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's libxml2: linked in (a release build with its static library, where
/// `GAZETTE_LINKED_LIBXML2` is defined), or else loaded the first time a feed or an HTML body
/// needs it, so that a plain-text dump starts without mapping libxml2 and the ICU libraries
/// it depends on.
///
/// Only the functions Gazette calls are looked up; the types come from the headers.
final class LibXML2: @unchecked Sendable {
    let createPushParser:
        @convention(c) (
            UnsafeMutablePointer<xmlSAXHandler>?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32,
            UnsafePointer<CChar>?
        ) -> xmlParserCtxtPtr?
    let useOptions: @convention(c) (xmlParserCtxtPtr?, Int32) -> Int32
    let parseChunk: @convention(c) (xmlParserCtxtPtr?, UnsafePointer<CChar>?, Int32, Int32) -> Int32
    let stopParser: @convention(c) (xmlParserCtxtPtr?) -> Void
    let freeParserContext: @convention(c) (xmlParserCtxtPtr?) -> Void
    let lineNumber: @convention(c) (UnsafeMutableRawPointer?) -> Int32
    let setStructuredErrors: @convention(c) (UnsafeMutableRawPointer?, xmlStructuredErrorFunc?) -> Void
    /// Where the thread's structured error handler and its context are kept.
    private let structuredErrorSlot: @convention(c) () -> UnsafeMutablePointer<xmlStructuredErrorFunc?>?
    private let structuredErrorContextSlot:
        @convention(c) () -> UnsafeMutablePointer<UnsafeMutableRawPointer?>?
    let freeDocument: @convention(c) (xmlDocPtr?) -> Void
    let newHTMLContext: @convention(c) () -> htmlParserCtxtPtr?
    let freeHTMLContext: @convention(c) (htmlParserCtxtPtr?) -> Void
    let readHTMLMemory:
        @convention(c) (
            htmlParserCtxtPtr?, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            Int32
        ) -> htmlDocPtr?
    let htmlEntityLookup: @convention(c) (UnsafePointer<xmlChar>?) -> UnsafePointer<htmlEntityDesc>?
    let getProperty:
        @convention(c) (UnsafePointer<xmlNode>?, UnsafePointer<xmlChar>?) -> UnsafeMutablePointer<xmlChar>?
    private let freeFunction: @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Why libxml2 could not be loaded: the loader's message or the function it lacks.
    struct LoadFailure: Error {
        let reason: String
    }

    /// libxml2 loaded and initialised for parsers on any thread, or why it could not be.
    static let loaded = Result<LibXML2, LoadFailure> { () throws(LoadFailure) in try LibXML2() }

    /// libxml2, ready for parsers on any thread; nil when it cannot be loaded.
    static var shared: LibXML2? { try? loaded.get() }

    #if os(macOS)
        static let libraryName = "libxml2.2.dylib"
    #else
        static let libraryName = "libxml2.so.2"
    #endif

    #if GAZETTE_LINKED_LIBXML2
        private init() throws(LoadFailure) {
            createPushParser = xmlCreatePushParserCtxt
            useOptions = xmlCtxtUseOptions
            parseChunk = xmlParseChunk
            stopParser = xmlStopParser
            freeParserContext = xmlFreeParserCtxt
            lineNumber = xmlSAX2GetLineNumber
            setStructuredErrors = xmlSetStructuredErrorFunc
            structuredErrorSlot = __xmlStructuredError
            structuredErrorContextSlot = __xmlStructuredErrorContext
            freeDocument = xmlFreeDoc
            newHTMLContext = htmlNewParserCtxt
            freeHTMLContext = htmlFreeParserCtxt
            readHTMLMemory = htmlCtxtReadMemory
            htmlEntityLookup = { CLibXML2.htmlEntityLookup($0) }
            getProperty = xmlGetProp
            freeFunction = { gazette_xmlFree($0) }
            xmlInitParser()
        }
    #else
        private init() throws(LoadFailure) {
            // Lazily bound: resolving every symbol of libxml2 and ICU at once costs the first screen
            // of a feed about 0.4 ms, for the few functions used.
            guard let handle = dlopen(LibXML2.libraryName, RTLD_LAZY | RTLD_LOCAL) else {
                throw LoadFailure(
                    reason: dlerror().map { String(cString: $0) } ?? "\(LibXML2.libraryName) not found")
            }
            /// The address of `name` in libxml2, as a `T`.
            func symbol<T>(_ name: String) throws(LoadFailure) -> T {
                guard let address = dlsym(handle, name) else {
                    throw LoadFailure(reason: "\(LibXML2.libraryName) lacks \(name)")
                }
                return unsafeBitCast(address, to: T.self)
            }
            let initialize: @convention(c) () -> Void = try symbol("xmlInitParser")
            createPushParser = try symbol("xmlCreatePushParserCtxt")
            useOptions = try symbol("xmlCtxtUseOptions")
            parseChunk = try symbol("xmlParseChunk")
            stopParser = try symbol("xmlStopParser")
            freeParserContext = try symbol("xmlFreeParserCtxt")
            lineNumber = try symbol("xmlSAX2GetLineNumber")
            setStructuredErrors = try symbol("xmlSetStructuredErrorFunc")
            structuredErrorSlot = try symbol("__xmlStructuredError")
            structuredErrorContextSlot = try symbol("__xmlStructuredErrorContext")
            freeDocument = try symbol("xmlFreeDoc")
            newHTMLContext = try symbol("htmlNewParserCtxt")
            freeHTMLContext = try symbol("htmlFreeParserCtxt")
            readHTMLMemory = try symbol("htmlCtxtReadMemory")
            htmlEntityLookup = try symbol("htmlEntityLookup")
            getProperty = try symbol("xmlGetProp")
            // xmlFree is a variable holding the deallocator, not a function.
            let freeVariable: UnsafeMutablePointer<(@convention(c) (UnsafeMutableRawPointer?) -> Void)?> =
                try symbol("xmlFree")
            guard let free = freeVariable.pointee else {
                throw LoadFailure(reason: "\(LibXML2.libraryName) has no xmlFree")
            }
            freeFunction = free
            initialize()
        }
    #endif

    /// The thread's structured error handler and its context as set now (to be set back after
    /// a parse that sets its own).
    func structuredErrors() -> (context: UnsafeMutableRawPointer?, handler: xmlStructuredErrorFunc?) {
        (structuredErrorContextSlot()?.pointee, structuredErrorSlot()?.pointee)
    }

    /// Frees memory libxml2 allocated and handed over (attribute values).
    func free(_ pointer: UnsafeMutableRawPointer?) {
        if let pointer { freeFunction(pointer) }
    }
}
