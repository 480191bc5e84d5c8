internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's libxml2, loaded the first time a feed or an HTML body needs it, so that a
/// plain-text dump starts without mapping libxml2 and the ICU libraries it depends on.
///
/// Only the functions Gazette calls are looked up; the types come from the headers.
final class LibXML2: @unchecked Sendable {
    typealias CreatePushParser =
        @convention(c) (
            UnsafeMutablePointer<xmlSAXHandler>?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32,
            UnsafePointer<CChar>?
        ) -> xmlParserCtxtPtr?
    typealias UseOptions = @convention(c) (xmlParserCtxtPtr?, Int32) -> Int32
    typealias ParseChunk = @convention(c) (xmlParserCtxtPtr?, UnsafePointer<CChar>?, Int32, Int32) -> Int32
    typealias ContextFunction = @convention(c) (xmlParserCtxtPtr?) -> Void
    typealias LineNumber = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    typealias SetStructuredErrors = @convention(c) (UnsafeMutableRawPointer?, xmlStructuredErrorFunc?) -> Void
    typealias FreeDocument = @convention(c) (xmlDocPtr?) -> Void
    typealias NewHTMLContext = @convention(c) () -> htmlParserCtxtPtr?
    typealias ReadHTMLMemory =
        @convention(c) (
            htmlParserCtxtPtr?, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            Int32
        ) -> htmlDocPtr?
    typealias EntityLookup = @convention(c) (UnsafePointer<xmlChar>?) -> UnsafePointer<htmlEntityDesc>?
    typealias GetProperty =
        @convention(c) (UnsafePointer<xmlNode>?, UnsafePointer<xmlChar>?) -> UnsafeMutablePointer<xmlChar>?
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    let createPushParser: CreatePushParser
    let useOptions: UseOptions
    let parseChunk: ParseChunk
    let stopParser: ContextFunction
    let freeParserContext: ContextFunction
    let lineNumber: LineNumber
    let setStructuredErrors: SetStructuredErrors
    let freeDocument: FreeDocument
    let newHTMLContext: NewHTMLContext
    let freeHTMLContext: ContextFunction
    let readHTMLMemory: ReadHTMLMemory
    let htmlEntityLookup: EntityLookup
    let getProperty: GetProperty
    private let freeFunction: Free

    /// Why libxml2 could not be loaded: the loader's message or the functions it lacks.
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

    private init() throws(LoadFailure) {
        guard let handle = dlopen(LibXML2.libraryName, RTLD_NOW | RTLD_LOCAL) else {
            throw LoadFailure(
                reason: dlerror().map { String(cString: $0) } ?? "\(LibXML2.libraryName) not found")
        }
        var missing: [String] = []
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(handle, name) else {
                missing.append(name)
                return nil
            }
            return unsafeBitCast(address, to: type)
        }
        typealias Initialize = @convention(c) () -> Void
        let initialize = symbol("xmlInitParser", as: Initialize.self)
        let create = symbol("xmlCreatePushParserCtxt", as: CreatePushParser.self)
        let options = symbol("xmlCtxtUseOptions", as: UseOptions.self)
        let chunk = symbol("xmlParseChunk", as: ParseChunk.self)
        let stop = symbol("xmlStopParser", as: ContextFunction.self)
        let freeContext = symbol("xmlFreeParserCtxt", as: ContextFunction.self)
        let line = symbol("xmlSAX2GetLineNumber", as: LineNumber.self)
        let errors = symbol("xmlSetStructuredErrorFunc", as: SetStructuredErrors.self)
        let freeDoc = symbol("xmlFreeDoc", as: FreeDocument.self)
        let newHTML = symbol("htmlNewParserCtxt", as: NewHTMLContext.self)
        let freeHTML = symbol("htmlFreeParserCtxt", as: ContextFunction.self)
        let readHTML = symbol("htmlCtxtReadMemory", as: ReadHTMLMemory.self)
        let entity = symbol("htmlEntityLookup", as: EntityLookup.self)
        let property = symbol("xmlGetProp", as: GetProperty.self)
        // xmlFree is a variable holding the deallocator, not a function.
        let freeVariable = symbol("xmlFree", as: UnsafeMutablePointer<Free?>.self)
        guard let initialize, let create, let options, let chunk, let stop, let freeContext, let line,
            let errors, let freeDoc, let newHTML, let freeHTML, let readHTML, let entity, let property,
            let free = freeVariable?.pointee
        else {
            throw LoadFailure(
                reason: "\(LibXML2.libraryName) lacks "
                    + (missing.isEmpty ? "xmlFree" : missing.joined(separator: ", ")))
        }
        initialize()
        createPushParser = create
        useOptions = options
        parseChunk = chunk
        stopParser = stop
        freeParserContext = freeContext
        lineNumber = line
        setStructuredErrors = errors
        freeDocument = freeDoc
        newHTMLContext = newHTML
        freeHTMLContext = freeHTML
        readHTMLMemory = readHTML
        htmlEntityLookup = entity
        getProperty = property
        freeFunction = free
    }

    /// Frees memory libxml2 allocated and handed over (attribute values).
    func free(_ pointer: UnsafeMutableRawPointer?) {
        if let pointer { freeFunction(pointer) }
    }
}
