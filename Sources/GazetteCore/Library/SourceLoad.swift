/// The files opened together (every path of one open or reload, folders' files included),
/// as one file of them sees it: what decides how the file is kept in memory.
///
/// Memory follows the bytes opened, not the number of files: in a load of
/// ``OpenedSource/bodiesOnDemandSize`` bytes or more, every file is mapped (its pages given
/// back once indexed) and every feed that can be cut parses its bodies again when they are
/// needed, as one big feed does; only the load's first file keeps the bodies of its first
/// screen's stories. (300 small feeds of 52 MB in all, each kept whole, took 125 MB.)
public struct SourceLoad: Sendable, Equatable {
    /// The bytes of every file of the load, as their sizes said before any was opened.
    public var bytes: Int
    /// Whether the file is the load's first, whose stories the first screen shows.
    public var isFirst: Bool

    /// A load of `bytes` bytes in all; `isFirst`: the file is its first.
    public init(bytes: Int, isFirst: Bool) {
        self.bytes = bytes
        self.isFirst = isFirst
    }

    /// A file opened alone: the file's own size decides.
    public static let alone = SourceLoad(bytes: 0, isFirst: true)

    /// Whether the load is big enough for its files to be mapped and its feeds' bodies
    /// parsed again when needed, whatever each file's size.
    public var isBig: Bool { bytes >= OpenedSource.bodiesOnDemandSize }

    /// How many items at the start of a feed of the load keep their bodies where the others'
    /// are parsed again: the first screen's, in the load's first file only.
    public var keptBodiesAtStart: Int { isFirst ? OpenedSource.bodiesKeptAtStart : 0 }
}
