import Foundation

/// What scopes a feed's item ids that are unique only in their feed (`2`, `post-42`): its link
/// and its title, else its link, else its title, else nothing. A web link is taken in its normal
/// form (``normalLink(_:)``), so that a site's usual moves (to `https`, to `www.` or from it, the
/// host's case, a trailing `/`) keep its stories' ids, and the marks kept under them; the title
/// tells apart feeds that share a link and guids (a podcast network's shows, `episode-1`…), by
/// its letters and digits alone (``titleTag(_:)``).
struct FeedIDScope: Sendable, Equatable {
    /// The link or title as the feed writes it: ids were scoped by it before links were taken
    /// in their normal form, and an item whose id is the feed's own link is told by it.
    let written: String
    /// The link in its normal form, else ``written``.
    let normal: String
    /// What a short guid follows in its id: ``normal`` and `#`, then the title's tag and `#`
    /// where the feed has a link and a title.
    let prefix: String
    /// The scopes earlier versions gave the ids, where they differ from ``prefix``: the normal
    /// link alone (a feed with a title), then the link as written (where not in its normal form);
    /// none but the scope now for a feed with a link and no title.
    let earlier: FeedEarlierScopes?

    /// The scope of a feed with `header` (none: a feed that broke before it, scoped by "").
    init(header: FeedHeader?) {
        guard let link = header?.link else {
            written = header?.title ?? ""
            normal = written
            prefix = written + "#"
            earlier = nil
            return
        }
        written = link
        normal = FeedIDScope.normalLink(link) ?? link
        let asWritten = normal == written ? nil : written + "#"
        if let tag = header?.shownTitle.flatMap(FeedIDScope.titleTag) {
            prefix = normal + "#" + tag + "#"
            earlier = FeedEarlierScopes(newest: normal + "#", older: asWritten, titled: prefix)
        } else {
            // Untitled, it may have had a title, whose tag its file's state keeps.
            prefix = normal + "#"
            earlier = FeedEarlierScopes(newest: asWritten, untitled: prefix)
        }
    }

    /// The id of an item whose feed id `id` is unique only in the feed, and the ids earlier
    /// versions gave it (scoped by the link alone, and by the link as written) where they differ.
    func ids(of id: String) -> (id: ArticleID, earlier: EarlierIDs) {
        // The guid alone was its id before 426d7d1 (nothing to carry when it still is).
        let earlierIDs =
            earlier.map { EarlierIDs(scopes: $0, followedBy: id) }
            ?? (prefix.isEmpty ? EarlierIDs() : EarlierIDs(guidAlone: id))
        return (ArticleID(prefix + id), earlierIDs)
    }

    /// What a feed's `title` adds to its scope (`feed:` and 8 hex digits), nil for a title of
    /// blanks: a hash of its letters and digits in lowercase (NFKC), so that a title rewritten
    /// only in its case, spaces, punctuation or markup keeps its stories' ids; of the title as
    /// shown when it has none (`🎙️`).
    static func titleTag(_ title: String) -> String? {
        if let ascii = asciiTitleTag(title) { return ascii }
        let compatible = title.precomposedStringWithCompatibilityMapping.lowercased()
        var folded = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            folded.append(scalar)
        }
        let hashed =
            folded.isEmpty ? compatible.trimmingCharacters(in: .whitespacesAndNewlines) : String(folded)
        guard !hashed.isEmpty else { return nil }
        var fingerprint = ContentFingerprint()
        fingerprint.add(hashed)
        return "feed:" + String(fingerprint.hexDigest.prefix(8))
    }

    /// ``titleTag(_:)`` of a title in ASCII, worked out on its bytes (NFKC leaves ASCII as it is,
    /// and its letters and digits are `A`–`Z`, `a`–`z`, `0`–`9`): the same tag, without the
    /// first use of Foundation's normalisation on the indexing's way to a feed's first screen
    /// (a third of a millisecond there). `.some(nil)` for a title of blanks; nil when not ASCII.
    private static func asciiTitleTag(_ title: String) -> String?? {
        var folded: [UInt8] = []
        var first = -1
        var last = -1
        var index = 0
        for byte in title.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                folded.append(byte)
            default: break
            }
            // `.whitespacesAndNewlines` in ASCII: tab, the line ends, vertical tab, form feed, space.
            if !(byte == 0x20 || byte >= 0x09 && byte <= 0x0D) {
                if first < 0 { first = index }
                last = index
            }
            index += 1
        }
        if folded.isEmpty {
            // No letter nor digit: the title trimmed (nothing to lowercase).
            guard first >= 0 else { return .some(nil) }
            folded = Array(Array(title.utf8)[first...last])
        }
        var fingerprint = ContentFingerprint()
        fingerprint.add(folded)
        return .some("feed:" + String(fingerprint.hexDigest.prefix(8)))
    }

    /// `link` in the normal form of its site when it is an `http` or `https` address: `https`,
    /// the host in lowercase without a leading `www.` (when a dot is left) nor the scheme's
    /// default port, the path without a trailing `/` (a bare host's path is `/`); the path,
    /// query and fragment are kept as written (a path's case may name another page). Nil for
    /// another link, kept as written.
    static func normalLink(_ link: String) -> String? {
        // The standard library's search, not Foundation's: the first use of either costs the
        // indexing's way to a feed's first screen; this one's is the smaller.
        guard let schemeEnd = link.firstRange(of: "://") else { return nil }
        let scheme = link[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let afterScheme = link[schemeEnd.upperBound...]
        let authorityEnd =
            afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        var authority = afterScheme[..<authorityEnd]
        var userInfo = ""
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[...at])
            authority = authority[authority.index(after: at)...]
        }
        var host = authority
        var port = ""
        // A port follows the last `:` outside an IPv6 address's brackets.
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            host = authority[..<colon]
            port = String(authority[authority.index(after: colon)...])
        }
        var normalHost = host.lowercased()
        guard !normalHost.isEmpty else { return nil }
        if normalHost.hasPrefix("www."), normalHost.dropFirst(4).contains(".") {
            normalHost.removeFirst(4)
        }
        if port.isEmpty || port == (scheme == "http" ? "80" : "443") {
            port = ""
        } else {
            port = ":" + port
        }
        let rest = afterScheme[authorityEnd...]
        let pathEnd = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        var path = rest[..<pathEnd]
        while path.last == "/" { path = path.dropLast() }
        let normalPath = path.isEmpty ? "/" : String(path)
        return "https://" + userInfo + normalHost + port + normalPath + String(rest[pathEnd...])
    }
}
