import Foundation

/// JSON as the commands print it: pretty, keys sorted, slashes unescaped.
enum JSONText {
    /// `value` as JSON; with `indent`, every line but the first indented by that many spaces
    /// (an element of an array printed one at a time).
    static func encode<T: Encodable>(_ value: T, indent: Int = 0) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        guard indent > 0 else { return String(decoding: data, as: UTF8.self) }
        // Line breaks in JSON text are the layout's only: within strings they are escaped.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 8)
        data.withUnsafeBytes { raw in
            for byte in raw {
                bytes.append(byte)
                if byte == 0x0A { bytes.append(contentsOf: repeatElement(0x20, count: indent)) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
