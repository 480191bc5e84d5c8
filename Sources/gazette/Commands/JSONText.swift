import Foundation
import GazetteCore

/// JSON as the commands print it: pretty, keys sorted, slashes unescaped, and every character
/// a terminal would take as a control escaped (`\u009b`, `\u202e`): printed to a terminal,
/// the text stays text, and it is still the same text when parsed.
enum JSONText {
    /// `value` as JSON; with `indent`, every line but the first indented by that many spaces
    /// (an element of an array printed one at a time).
    static func encode<T: Encodable>(_ value: T, indent: Int = 0) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = Data(emptyContainersClosed(Array(try encoder.encode(value))))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 8)
        data.withUnsafeBytes { raw in
            let input = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte < 0x7F {
                    bytes.append(byte)
                    // Line breaks in JSON text are the layout's only: within strings they are escaped.
                    if byte == 0x0A && indent > 0 {
                        bytes.append(contentsOf: repeatElement(0x20, count: indent))
                    }
                    index += 1
                    continue
                }
                // Outside the ASCII range, only the insides of strings (valid UTF-8, as the
                // encoder writes it): escaped where a control. Every such control is below U+10000.
                let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let end = min(input.count, index + length)
                var value = UInt32(byte)
                if length == 2 && end == index + 2 {
                    value = UInt32(byte & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F)
                } else if length == 3 && end == index + 3 {
                    value =
                        UInt32(byte & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6
                        | UInt32(input[index + 2] & 0x3F)
                }
                if length < 4, let scalar = Unicode.Scalar(value), TerminalSanitizer.isControl(scalar) {
                    bytes.append(contentsOf: escaped(scalar).utf8)
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                }
                index = end
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `json` with its empty arrays and objects written `[]` and `{}`: the encoder writes them
    /// over two lines with a blank one between. (A line break is never inside a string.)
    static func emptyContainersClosed(_ json: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(json.count)
        var index = 0
        while index < json.count {
            let byte = json[index]
            result.append(byte)
            index += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{"), index < json.count,
                json[index] == 0x0A
            else { continue }
            var next = index
            while next < json.count && (json[next] == 0x0A || json[next] == 0x20) { next += 1 }
            let closing = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if next < json.count && json[next] == closing {
                result.append(closing)
                index = next + 1
            }
        }
        return result
    }

    /// `\u` and four hex digits.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
