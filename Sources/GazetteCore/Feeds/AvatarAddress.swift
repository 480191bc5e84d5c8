/// The address of a person's portrait on a service that serves people's avatars: Gravatar
/// (`gravatar.com` and its hosts `0.gravatar.com`, `secure.gravatar.com`…), or a host named for
/// them (`avatars.githubusercontent.com`). WordPress.com and Jetpack give every item its
/// author's Gravatar as a `media:content` picture (titled with the author's login), which was
/// listed among the story's links as its picture ("image: https://0.gravatar.com/avatar/…");
/// found by QA on feeds written as those generators write them. Such a picture is not the
/// story's and is not listed (``FeedMediaPictures``).
enum AvatarAddress {
    /// Whether `address` is one: its host, read without its case, port or user, is
    /// `gravatar.com` or under it, or its first label is `avatars`.
    static func matches(_ address: String) -> Bool {
        guard let host = host(of: address) else { return false }
        return host == "gravatar.com" || host.hasSuffix(".gravatar.com") || host.hasPrefix("avatars.")
    }

    /// The lowercased host of an absolute or scheme-relative address (its authority as
    /// ``URIReference`` reads it), nil when it has none.
    private static func host(of address: String) -> String? {
        guard let authority = URIReference(address).authority else { return nil }
        // Without the user before an `@` and the port after the last `:`.
        var host =
            authority.split(separator: "@", omittingEmptySubsequences: false).last ?? Substring(authority)
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        guard !host.isEmpty else { return nil }
        return host.lowercased()
    }
}
