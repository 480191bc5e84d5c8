/// The values of a DTD's internal entities with the entities they refer to expanded in them
/// (`<!ENTITY full "&co; Ltd">` is "ACME Corp Ltd"), bounded: a value whose expansion would
/// take more than the bytes left of ``allowance`` (all values together), nest deeper than
/// ``deepestNesting`` or refer to itself keeps its references as written, and so does every
/// value that refers to it. Only the internal subset is read: external entities never are.
struct XMLEntityExpansion {
    /// Most bytes the values of one document's entities may grow by, all together: nine
    /// levels of ten references each ("billion laughs") would be 3 GB.
    static let allowance = 1 << 20
    /// Deepest chain of entities referring to entities that is expanded.
    static let deepestNesting = 16

    private let declared: [String: [UInt8]]
    private var expanded: [String: [UInt8]] = [:]
    /// Entities whose value keeps its references as written.
    private var keptAsWritten: Set<String> = []
    private var inProgress: Set<String> = []
    private var bytesLeft = allowance

    /// The values of `declared`, taken in the order of `names`, each with its references to
    /// others of them expanded where the bounds allow.
    static func values(of declared: [String: [UInt8]], names: [String]) -> [String: [UInt8]] {
        var expansion = XMLEntityExpansion(declared: declared)
        for name in names { _ = expansion.value(of: name, depth: 0) }
        var values = declared
        for (name, value) in expansion.expanded { values[name] = value }
        return values
    }

    private init(declared: [String: [UInt8]]) {
        self.declared = declared
    }

    /// The expanded value of `name`, or nil when it is kept as written.
    private mutating func value(of name: String, depth: Int) -> [UInt8]? {
        if let done = expanded[name] { return done }
        guard let value = declared[name], !keptAsWritten.contains(name) else { return nil }
        guard value.contains(UInt8(ascii: "&")) else {
            expanded[name] = value
            return value
        }
        guard depth < XMLEntityExpansion.deepestNesting, !inProgress.contains(name) else { return nil }
        inProgress.insert(name)
        defer { inProgress.remove(name) }
        guard let result = expand(value, depth: depth) else {
            keptAsWritten.insert(name)
            return nil
        }
        bytesLeft -= max(0, result.count - value.count)
        expanded[name] = result
        return result
    }

    /// `value` with each reference to a declared entity replaced by its expanded value; nil
    /// when one is kept as written or the result passes the bytes left.
    private mutating func expand(_ value: [UInt8], depth: Int) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        var index = 0
        while index < value.count {
            let byte = value[index]
            // A name is looked for in the next 40 bytes only: no scan to the end per `&`.
            let reach = min(value.count, index + 42)
            guard byte == UInt8(ascii: "&"),
                let end = value[(index + 1)..<reach].firstIndex(of: UInt8(ascii: ";")), end > index + 1
            else {
                output.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: value[(index + 1)..<end], as: UTF8.self)
            guard declared[name] != nil else {
                output.append(byte)
                index += 1
                continue
            }
            guard let inner = self.value(of: name, depth: depth + 1) else { return nil }
            output.append(contentsOf: inner)
            guard output.count <= value.count + bytesLeft else { return nil }
            index = end + 1
        }
        return output
    }
}
