/// A start tag's attributes by qualified name (`xml:base`, `rdf:about`), in the tag's order;
/// a name given twice keeps its last value.
///
/// A type of this module's, not `[String: String]`: the standard library's own code for a
/// dictionary of strings gets its storage's metadata by name, which looks conformances up at
/// run time the first time, 0.5 ms of a feed's first item (see DECISIONS.md).
struct XMLAttributes {
    private var pairs: [(name: String, value: String)] = []

    /// The value of the attribute named `name`.
    subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    /// The names and values, in the tag's order.
    var all: [(name: String, value: String)] { pairs }
}
