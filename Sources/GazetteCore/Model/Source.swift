import Foundation

/// The kinds of news file Gazette reads.
public enum SourceFormat: String, Sendable, Codable {
    case plainTextDump = "dump"
    case rss
    case rdf
    case atom
    case jsonFeed = "json"
}

/// One opened news file: where it came from, what to call it, what it is.
public struct Source: Sendable, Equatable {
    /// The path as given (or `-` for standard input).
    public var path: String
    /// A short name for the screen: the file name, or the feed's title.
    public var displayName: String
    public var format: SourceFormat

    /// The key reading state is remembered under: the absolute path (or `-`), without `.`,
    /// `..` or empty components, symbolic links not followed. (Foundation's
    /// `standardizedFileURL` made these keys at first; the same string is worked out here
    /// without its cost on the first screen.)
    public var stateKey: String {
        path == "-" ? "-" : StateLocation.absolute(path)
    }

    public init(path: String, displayName: String, format: SourceFormat) {
        self.path = path
        self.displayName = displayName
        self.format = format
    }
}
