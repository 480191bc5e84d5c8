import Foundation

/// A `file:` address named for a file (`file:///home/me/feed.xml`, as a browser's address
/// bar gives it): it said "No such file or directory" of a file that is there (found by QA).
enum FileAddress {
    /// The path `argument` stands for when it is a `file:` address on this machine (no host,
    /// or `localhost`), percent-decoded, without a query or fragment; nil for anything else.
    static func path(of argument: String) -> String? {
        guard argument.utf8.count > 5, argument.prefix(5).lowercased() == "file:" else { return nil }
        var rest = argument.dropFirst(5)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let host = rest.prefix { $0 != "/" }
            guard host.isEmpty || host.lowercased() == "localhost" else { return nil }
            rest = rest.dropFirst(host.count)
        }
        guard rest.hasPrefix("/") else { return nil }
        let encoded = rest.prefix { $0 != "?" && $0 != "#" }
        guard let path = String(encoded).removingPercentEncoding, !path.contains("\0") else { return nil }
        return path
    }

    /// The path to open for `argument`: the file a `file:` address stands for, unless a file
    /// is named so (`file:` then a folder in the current one).
    static func openedPath(_ argument: String) -> String {
        guard let path = path(of: argument), access(argument, F_OK) != 0 else { return argument }
        return path
    }
}
