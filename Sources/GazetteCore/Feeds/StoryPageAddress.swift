import Foundation

/// A story's page address as links to it are told by: the same page written another way
/// (`http:` for `https:`, a host in capitals, without or with its last slash, a default port,
/// with `utm_` tracking parameters) is that page. A footnote linked so
/// (`http://blog.example/post#fn1` in `https://blog.example/post/`) was taken for a link to
/// another page, numbered among the Links.
enum StoryPageAddress {
    /// Whether `address` and `page` (both without a fragment) are one page's addresses.
    static func same(_ address: Substring, _ page: Substring) -> Bool {
        if address == page { return true }
        guard let first = key(address), let second = key(page) else { return false }
        return first == second
    }

    /// What an http(s) address is told by: its host in lower case, its port unless the
    /// scheme's default, its path without a last slash, its query without `utm_` parameters.
    /// Nil for another scheme or what is no address.
    static func key(_ address: Substring) -> String? {
        guard address.utf8.count < 4096, let components = URLComponents(string: String(address)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.percentEncodedHost?.lowercased(), !host.isEmpty
        else { return nil }
        let port = components.port.map { $0 == 80 || $0 == 443 ? "" : ":\($0)" } ?? ""
        var path = Substring(components.percentEncodedPath)
        while path.hasSuffix("/") { path = path.dropLast() }
        let query = (components.percentEncodedQuery ?? "").split(separator: "&").filter {
            !$0.lowercased().hasPrefix("utm_")
        }
        return host + port + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
