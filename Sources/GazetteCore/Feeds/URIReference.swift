/// A URI reference in its five parts (RFC 3986 §3, split as Appendix B does), resolved against
/// a base that may itself be relative: what a relative `xml:base` with no absolute base around
/// it makes of the links under it (``XMLBase``).
///
/// The transform is §5.2.2's with the base's parts as they are, so `post1` under `/blog/` is
/// `/blog/post1` and `../x` under `//cdn.example/a/b/` is `//cdn.example/a/x`. Where the merged
/// path is relative (a base `a/b/`), the `..` segments that climb above its start are kept
/// (`../../c` under `a/` is `../c`) rather than dropped as §5.2.4 drops them from an absolute
/// path: resolving the result against an absolute base later gives what resolving the base
/// first would have.
struct URIReference: Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// The parts of `text` (every string is some URI reference by Appendix B's reading).
    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
            !rest[..<colon].contains(where: { $0 == "/" })
        {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let start = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[start...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[start..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The reference written out again (§5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// `reference` resolved against `base` (§5.2.2), `base` relative or not.
    static func resolve(_ reference: String, against base: String) -> String {
        URIReference(reference).resolved(against: URIReference(base)).text
    }

    /// This reference resolved against `base` (§5.2.2).
    func resolved(against base: URIReference) -> URIReference {
        if scheme != nil {
            return URIReference(
                scheme: scheme, authority: authority, path: Self.removingDots(path), query: query,
                fragment: fragment)
        }
        if authority != nil {
            return URIReference(
                scheme: base.scheme, authority: authority, path: Self.removingDots(path), query: query,
                fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(
                scheme: base.scheme, authority: base.authority, path: base.path, query: query ?? base.query,
                fragment: fragment)
        }
        let merged = path.hasPrefix("/") ? path : Self.merge(base, path)
        return URIReference(
            scheme: base.scheme, authority: base.authority, path: Self.removingDots(merged), query: query,
            fragment: fragment)
    }

    /// §5.2.3: the base's path up to its last `/`, then `path`.
    private static func merge(_ base: URIReference, _ path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// §5.2.4's dot segments removed; in a relative path (no leading `/`), the `..` segments
    /// with nothing before them to cancel are kept.
    static func removingDots(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let absolute = path.hasPrefix("/")
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if absolute { segments.removeFirst() }
        var output: [String] = []
        // A last segment of "." or ".." leaves the path ending in "/".
        var endsInSlash = false
        for segment in segments {
            endsInSlash = segment == "." || segment == ".."
            switch segment {
            case ".":
                continue
            case "..":
                if let last = output.last, last != ".." {
                    output.removeLast()
                } else if !absolute {
                    output.append("..")
                }
            default:
                output.append(segment)
            }
        }
        var result = (absolute ? "/" : "") + output.joined(separator: "/")
        if endsInSlash && !output.isEmpty { result += "/" }
        // A relative path that comes to nothing is its base's directory, not the base itself.
        return result.isEmpty ? "./" : result
    }
}
