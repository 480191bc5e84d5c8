#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Environment variables by name: the few that Gazette looks at.
///
/// A list, not a dictionary: the first dictionary of a key type costs the Swift run time a
/// search of every conformance in the program (0.1 ms), which the first screen cannot spare
/// for `String` keys alone.
public struct EnvironmentVariables: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var pairs: [Pair]
    /// The variables read by ``ofThisProcess(_:)`` whose values are not UTF-8 (kept with
    /// U+FFFD in place of their bad bytes: a path so made is not the one the user named).
    public private(set) var namesNotUTF8: [String] = []

    private struct Pair: Sendable, Equatable {
        let name: String
        let value: String
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { Pair(name: $0.0, value: $0.1) }
    }

    /// The variables of `values`.
    public init(_ values: [String: String]) {
        pairs = values.map { Pair(name: $0.key, value: $0.value) }
    }

    /// The value of the variable `name`; nil when it is not set.
    public subscript(name: String) -> String? {
        get { pairs.last { $0.name == name }?.value }
        set {
            pairs.removeAll { $0.name == name }
            if let newValue { pairs.append(Pair(name: name, value: newValue)) }
        }
    }

    /// This process's variables among `names` (each read with `getenv`, not the whole
    /// environment).
    public static func ofThisProcess(_ names: [String]) -> EnvironmentVariables {
        var variables: EnvironmentVariables = [:]
        for name in names {
            if let value = getenv(name) {
                if String(validatingCString: value) == nil { variables.namesNotUTF8.append(name) }
                variables.pairs.append(Pair(name: name, value: String(cString: value)))
            }
        }
        return variables
    }
}
