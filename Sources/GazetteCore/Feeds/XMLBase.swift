import Foundation

/// The base URI in effect inside an element of a feed (XML Base,
/// https://www.w3.org/TR/xmlbase/, read as RFC 3986 §5.1 says): each `xml:base` is resolved
/// against the base around it, so nested bases compose. A relative `xml:base` with no absolute
/// one around it is kept as written, outermost first, and resolved at use against the
/// document's address: a file read from disk has none but the one it names (an Atom feed's
/// `rel="self"` link, else its alternate link; an RSS channel's link), which may come after the
/// element. With none, the relative declarations compose into a relative base (``relative``):
/// `post1` under `xml:base="/blog/"` is `/blog/post1`.
struct XMLBase: Equatable {
    /// The absolute base the declarations in scope come to, when one of them is absolute or was
    /// resolved against one.
    private(set) var absolute: URL?
    /// The relative declarations in scope with no absolute base around them, outermost first.
    private(set) var pending: [String] = []

    /// No `xml:base` in scope.
    static let none = XMLBase()

    /// The base inside an element that declares `xml:base="declared"`; a value that is no
    /// URI reference (or is empty: the same document) leaves the base as it is.
    func declaring(_ declared: String) -> XMLBase {
        guard let reference = URL(string: declared) else { return self }
        if reference.scheme != nil { return XMLBase(absolute: reference.absoluteURL) }
        if let absolute {
            guard let resolved = URL(string: declared, relativeTo: absolute)?.absoluteURL else { return self }
            return XMLBase(absolute: resolved)
        }
        return XMLBase(pending: pending + [declared])
    }

    /// The relative declarations in scope composed into one relative reference (each resolved
    /// against the one around it, ``URIReference``): the base of the links under them while no
    /// document address is known; nil when an absolute base is in scope or none is declared.
    var relative: String? {
        guard absolute == nil, var composed = pending.first else { return nil }
        for declared in pending.dropFirst() { composed = URIReference.resolve(declared, against: composed) }
        return composed
    }

    /// The base made absolute: the absolute one in scope, else the relative declarations
    /// resolved in turn against `document` (when that has a scheme); nil when neither gives one.
    func resolved(document: URL?) -> URL? {
        if let absolute { return absolute }
        guard !pending.isEmpty, var base = document, base.scheme != nil else { return nil }
        for declared in pending {
            guard let next = URL(string: declared, relativeTo: base)?.absoluteURL else { return nil }
            base = next
        }
        return base
    }
}
