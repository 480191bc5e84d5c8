/// The files opened together (every path of one open or reload, folders' files included),
/// as one file of them sees it: what decides how the file is kept in memory.
///
/// Memory follows the bytes opened, not the number of files: in a load of
/// ``OpenedSource/bodiesOnDemandSize`` bytes or more, every file is mapped (its pages given
/// back once indexed) and every feed that can be cut parses its bodies again when they are
/// needed, as one big feed does; only the load's first file keeps the bodies of its first
/// screen's stories. (300 small feeds of 52 MB in all, each kept whole, took 125 MB.) The
/// bodies parsed again are kept in one cache for the whole load, bounded in bytes.
public struct SourceLoad: Sendable, Equatable {
    /// The bytes of every file of the load, as their sizes said before any was opened.
    public var bytes: Int
    /// Whether the file is the load's first, whose stories the first screen shows.
    public var isFirst: Bool
    /// Where the feeds of the load keep the items they parse again.
    public var rereadCache: RereadCache

    /// A load of `bytes` bytes in all; `isFirst`: the file is its first; `rereadCache`: the
    /// load's (a new one when not given).
    public init(bytes: Int, isFirst: Bool, rereadCache: RereadCache = RereadCache()) {
        self.bytes = bytes
        self.isFirst = isFirst
        self.rereadCache = rereadCache
    }

    /// A file opened alone: the file's own size decides; it has a cache of its own.
    public static var alone: SourceLoad { SourceLoad(bytes: 0, isFirst: true) }

    /// Loads are alike in their bytes, their first file and their cache.
    public static func == (lhs: SourceLoad, rhs: SourceLoad) -> Bool {
        lhs.bytes == rhs.bytes && lhs.isFirst == rhs.isFirst && lhs.rereadCache === rhs.rereadCache
    }

    /// Whether the load is big enough for its files to be mapped and its feeds' bodies
    /// parsed again when needed, whatever each file's size.
    public var isBig: Bool { bytes >= OpenedSource.bodiesOnDemandSize }

    /// How many items at the start of a feed of the load keep their bodies where the others'
    /// are parsed again: the first screen's, in the load's first file only.
    public var keptBodiesAtStart: Int { isFirst ? OpenedSource.bodiesKeptAtStart : 0 }
}
