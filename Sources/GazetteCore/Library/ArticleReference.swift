/// What an argument naming a story (`gazette show`, `gazette mark`) names: a number in the
/// list, an id, or the start of an id.
public enum ArticleReference: Equatable, Sendable {
    /// The story at this position of the catalog.
    case found(Int)
    /// The start of the ids of `count` stories, of which `positions` are the first few.
    case ambiguous(positions: [Int], count: Int)
    /// No story is named so.
    case notFound
    /// Digits with a leading zero that are both story `number` (as `seq -w` writes it) and the
    /// start of the ids of `count` stories, of which `positions` are the first few.
    case numberOrIDStart(number: Int, positions: [Int], count: Int)

    /// The fewest characters of an id that name a story by the id's start.
    public static let shortestPrefix = 4
    /// How many of the stories an ambiguous start names are kept in ``ambiguous(positions:count:)``.
    public static let positionsKept = 5
}

extension ArticleCatalog {
    /// What `reference` names (as the `resolve` of several says).
    public func resolve(_ reference: String) -> ArticleReference {
        resolve([reference])[0]
    }

    /// What each of `references` names. Digits that make a number from 1 to the count (`5`,
    /// `0005`, as `seq -w` writes them) are a story's number; anything else is an id (an id may
    /// be all digits: `0005023574948040` is no number in range), else the start of one or more
    /// ids, of ``ArticleReference/shortestPrefix`` characters or more. Such a number with a
    /// leading zero that also starts an id is ``ArticleReference/numberOrIDStart(number:positions:count:)``
    /// (a copied `0227…` marked story 227; found by QA). The starts are all looked for in one
    /// pass over the ids.
    public func resolve(_ references: [String]) -> [ArticleReference] {
        var results = [ArticleReference](repeating: .notFound, count: references.count)
        var starts = PrefixTable()
        // The start each reference looked for by its start is, by number.
        var startOf: [(reference: Int, start: Int)] = []
        for (index, reference) in references.enumerated() {
            if let number = storyNumber(reference) {
                results[index] = .found(number - 1)
                if ArticleCatalog.mayStartAnID(reference) {
                    startOf.append((index, starts.insert(reference.utf8)))
                }
            } else if let exact = position(of: ArticleID(reference)) {
                results[index] = .found(exact)
            } else if reference.count >= ArticleReference.shortestPrefix {
                startOf.append((index, starts.insert(reference.utf8)))
            }
        }
        guard !startOf.isEmpty else { return results }
        var counts = [Int](repeating: 0, count: starts.count)
        var firstPositions = [[Int]](repeating: [], count: starts.count)
        for (position, entry) in entries.enumerated() {
            starts.forEachPrefix(of: entry.summary.id.rawValue.utf8) { start in
                counts[start] += 1
                if firstPositions[start].count < ArticleReference.positionsKept {
                    firstPositions[start].append(position)
                }
            }
        }
        for (reference, start) in startOf {
            if case .found(let position) = results[reference] {
                if counts[start] > 0 {
                    results[reference] = .numberOrIDStart(
                        number: position + 1, positions: firstPositions[start], count: counts[start])
                }
                continue
            }
            switch counts[start] {
            case 0: results[reference] = .notFound
            case 1: results[reference] = .found(firstPositions[start][0])
            default: results[reference] = .ambiguous(positions: firstPositions[start], count: counts[start])
            }
        }
        return results
    }

    /// Whether each of `references` names in this catalog what it names in any catalog these
    /// articles start (the same files read further): a number up to the count of articles
    /// here, or an id found here that is no number from 1 up (such an id is a number once
    /// there are that many). A start of ids, or anything not found yet, may name more later.
    public func settles(_ references: [String]) -> Bool {
        references.allSatisfy { reference in
            // A number with a leading zero may start an id further on.
            if ArticleCatalog.mayStartAnID(reference) { return false }
            if let number = Int(reference), number >= 1 { return number <= entries.count }
            return position(of: ArticleID(reference)) != nil
        }
    }

    /// Whether `references` are settled (``settles(_:)``) and so are the previous ids their
    /// stories carry: a dump's story may have a copy further on that carries one its marks are
    /// kept under (``CopiesPreviousIDs``; only a dump's stories carry one), so naming one reads
    /// the files to their end (`mark FOLDER 1 --unflag` changed nothing where the older copy,
    /// in a later file, carried the previous id its flag was kept under; found by QA).
    public func settlesWithCopies(_ references: [String]) -> Bool {
        guard settles(references) else { return false }
        return resolve(references).allSatisfy { result in
            guard case .found(let position) = result, case .bytes = entries[position].summary.location else {
                return true
            }
            return false
        }
    }

    /// Whether `reference`, were it a story's number, could also be the start of an id: digits
    /// with a leading zero, as long as the shortest start (`5` or `42` are numbers only, and
    /// an id's start without a leading zero is told from a number by giving more of it than
    /// the count has digits).
    public static func mayStartAnID(_ reference: String) -> Bool {
        reference.utf8.first == UInt8(ascii: "0") && reference.utf8.count >= ArticleReference.shortestPrefix
            && reference.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `reference` as a story's number: a number from 1 to the count, leading zeros and all (a
    /// script's `seq -w` numbers marked the story whose id starts so; found by QA).
    private func storyNumber(_ reference: String) -> Int? {
        guard let number = Int(reference), number >= 1, number <= entries.count else { return nil }
        return number
    }
}

/// Byte strings, each numbered, looked up as the starts of other byte strings: a tree of their
/// bytes, walked along a string as far as it leads, so that finding which of them a string
/// starts with costs at most a step per byte of it, however many there are.
private struct PrefixTable {
    /// A node's number shifted left by 8, with a byte → the node that byte leads to.
    private var edges: [Int: Int] = [:]
    private var nodes = 1
    /// The node a string ends at → its number.
    private var ends: [Int: Int] = [:]
    /// How many different strings there are.
    private(set) var count = 0

    /// Adds `bytes` (when new); returns its number.
    mutating func insert(_ bytes: String.UTF8View) -> Int {
        var node = 0
        for byte in bytes {
            let key = node << 8 | Int(byte)
            if let next = edges[key] {
                node = next
            } else {
                edges[key] = nodes
                node = nodes
                nodes += 1
            }
        }
        if let known = ends[node] { return known }
        ends[node] = count
        count += 1
        return count - 1
    }

    /// Tells `body` the number of each string `bytes` starts with.
    func forEachPrefix(of bytes: String.UTF8View, _ body: (Int) -> Void) {
        var node = 0
        for byte in bytes {
            guard let next = edges[node << 8 | Int(byte)] else { return }
            node = next
            if let end = ends[node] { body(end) }
        }
    }
}
