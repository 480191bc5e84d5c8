/// A stable identifier of an article, derived from its content (dumps) or its feed id.
///
/// An id of 16 lowercase hex digits (every dump story's) is kept as the 64-bit number they
/// write, inline: no string per id, none to hash. Any other id keeps its text.
public struct ArticleID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The number a hex id writes; for an id kept as text, the text's hash, worked out once
    /// where the id is made (for a big file, on an indexing thread): tables of ids on the
    /// screen's thread then neither hash the text again nor compare it with every id they pass
    /// on the way (DECISIONS.md).
    private let bits: UInt64
    /// The id's text, unless it is 16 lowercase hex digits (then `bits` alone says it).
    private let text: String?

    public init(_ rawValue: String) {
        if let value = ArticleID.hexValue(of: rawValue) {
            bits = value
            text = nil
        } else {
            bits = UInt64(bitPattern: Int64(rawValue.hashValue))
            text = rawValue
        }
    }

    /// The id written as `hex`'s 16 lowercase hex digits (a dump story's, from its hash).
    init(hex: UInt64) {
        bits = hex
        text = nil
    }

    /// The id's text.
    public var rawValue: String { text ?? ArticleID.digits(of: bits) }

    /// A 64-bit hash of the id, equal for equal ids (for tables of ids).
    var hash64: UInt64 { bits }

    public static func == (lhs: ArticleID, rhs: ArticleID) -> Bool {
        lhs.bits == rhs.bits && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bits)
    }

    public var description: String { rawValue }

    /// In the order of the ids' text (two hex ids' numbers are in the order of their digits).
    public static func < (lhs: ArticleID, rhs: ArticleID) -> Bool {
        if lhs.text == nil && rhs.text == nil { return lhs.bits < rhs.bits }
        return lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The number `text` writes when it is exactly 16 lowercase hex digits, else nil.
    private static func hexValue(of text: String) -> UInt64? {
        let utf8 = text.utf8
        guard utf8.count == 16 else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x57
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// `value` as 16 lowercase hex digits.
    static func digits(of value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { digits in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0x0F
                digits[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }
}
