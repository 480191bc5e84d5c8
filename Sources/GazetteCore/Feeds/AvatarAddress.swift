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

    /// The lowercased host of an absolute or scheme-relative address, nil when it has none.
    private static func host(of address: String) -> String? {
        guard let slashes = address.firstRange(of: "//") else { return nil }
        // Only a scheme (letters, digits, `+`, `-`, `.`, then `:`) or nothing before the `//`.
        let before = address[..<slashes.lowerBound]
        if !before.isEmpty {
            guard before.last == ":",
                before.dropLast().utf8.allSatisfy({ isSchemeByte($0) })
            else { return nil }
        }
        let authority = address[slashes.upperBound...].prefix { !"/?#\\".contains($0) }
        // Without the user before an `@` and the port after the last `:`.
        var host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        guard !host.isEmpty else { return nil }
        return host.lowercased()
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
