/// A set of feed item ids.
///
/// Not `Set<String>`: the standard library's own code for a set of strings gets its storage's
/// metadata by name, which looks conformances up at run time the first time, 0.5 ms of a
/// feed's first item (see DECISIONS.md). A set of a type of this module's does not.
struct FeedItemIDSet {
    private struct Key: Hashable {
        let id: String
    }

    private var keys: Set<Key> = []

    /// Adds `id`; true when it was not there.
    @discardableResult
    mutating func insert(_ id: String) -> Bool {
        keys.insert(Key(id: id)).inserted
    }

    func contains(_ id: String) -> Bool {
        keys.contains(Key(id: id))
    }

    /// Adds every id of `other`.
    mutating func formUnion(_ other: FeedItemIDSet) {
        keys.formUnion(other.keys)
    }
}
