/// The end tag `</br>`, which template-generated feeds (PHP CMSs, club and forum sites) write
/// for a line break: the HTML5 parsing spec reads it as `<br>`, as every browser does. libxml2
/// dropped it, and the lines around it ran together ("Monday: 9-17Tuesday: closed"; found by QA).
enum HTMLBreakEndTag {
    /// `html` with each `</br>` (in any case, with white space, a "/" or attributes before its
    /// ">") written `<br>`; `html` itself when it holds none. One cut before its ">" is left as
    /// it is.
    static func asBreaks(_ html: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            guard var next = nextTag(in: bytes, from: 0) else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var copied = 0
            while true {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<next.start]))
                output.append(contentsOf: "<br>".utf8)
                copied = next.end
                guard let found = nextTag(in: bytes, from: copied) else { break }
                next = found
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `html` holds a `</br>` that ``asBreaks(_:)`` writes otherwise.
    static func mayHold(_ html: String) -> Bool {
        var source = html
        return source.withUTF8 { nextTag(in: $0, from: 0) != nil }
    }

    /// The first `</br>` from `start` on: where its "<" is, and the index after its ">".
    private static func nextTag(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (
        start: Int, end: Int
    )? {
        var index = start
        while index + 4 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index + 1) ?? bytes.count
                continue
            }
            let open = index
            index += 1
            guard bytes[open + 1] == UInt8(ascii: "/"), bytes[open + 2] | 0x20 == UInt8(ascii: "b"),
                bytes[open + 3] | 0x20 == UInt8(ascii: "r")
            else { continue }
            let after = bytes[open + 4]
            guard HTMLByte.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") else {
                continue
            }
            // To its ">"; a "<" first is another tag's, and this one never ends.
            var cursor = open + 4
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "<")
            {
                cursor += 1
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else {
                index = cursor
                continue
            }
            return (open, cursor + 1)
        }
        return nil
    }
}
