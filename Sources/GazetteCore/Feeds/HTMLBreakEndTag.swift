/// The end tag `</br>`, which template-generated feeds (PHP CMSs, club and forum sites) write
/// for a line break: the HTML5 parsing spec reads it as `<br>`, as every browser does. libxml2
/// dropped it, and the lines around it ran together ("Monday: 9-17Tuesday: closed"; found by QA).
enum HTMLBreakEndTag {
    /// `html` with each `</br>` (in any case, with white space, a "/" or attributes before its
    /// ">") written `<br>`; `html` itself when it holds none. One cut before its ">" is left as
    /// it is.
    static func asBreaks(_ html: String) -> String {
        asBreaks(html, unless: { _, _ in false }) ?? html
    }

    /// ``asBreaks(_:)``, or nil as soon as `givesUp` says so of a "<" (its index in the bytes)
    /// that opens no `</br>`: a rule read in the same pass (``HTMLSloppyMarkup``).
    @inline(__always)
    static func asBreaks(
        _ html: String, unless givesUp: (Int, UnsafeBufferPointer<UInt8>) -> Bool
    ) -> String? {
        var source = html
        return source.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
                if givesUp(open, bytes) { return nil }
                guard let end = end(ofTagAt: open, in: bytes) else {
                    index = open + 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<open]))
                output.append(contentsOf: written)
                copied = end
                index = end
            }
            guard copied > 0 else { return html }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `html` holds a `</br>` that ``asBreaks(_:)`` writes otherwise.
    static func mayHold(_ html: String) -> Bool {
        var source = html
        return source.withUTF8 { bytes in
            var index = 0
            while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index) {
                if end(ofTagAt: open, in: bytes) != nil { return true }
                index = open + 1
            }
            return false
        }
    }

    /// How a `</br>` is written.
    static let written: [UInt8] = Array("<br>".utf8)

    /// The index after the ">" of the `</br>` whose "<" is at `open`; nil when none starts there
    /// or it never ends (a "<" before its ">" is another tag's).
    static func end(ofTagAt open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard open + 4 < bytes.count, bytes[open + 1] == UInt8(ascii: "/"),
            bytes[open + 2] | 0x20 == UInt8(ascii: "b"), bytes[open + 3] | 0x20 == UInt8(ascii: "r")
        else { return nil }
        let after = bytes[open + 4]
        guard HTMLByte.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">") else {
            return nil
        }
        var cursor = open + 4
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "<") {
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else { return nil }
        return cursor + 1
    }
}
