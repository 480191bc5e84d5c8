/// An address in angle brackets in HTML (`<jane@example.com>`, `<https://example.com>`), as
/// mailing-list archives and Mastodon bridges carry over from plain text: what would be its
/// element's name (up to a space, "/" or ">") holds an "@" or a ".", or is a scheme followed by
/// "//" (`https:` in `<https://…>`), which no HTML element's name does. A browser drops it as
/// an unknown tag, and so did the story's text; here it is text, as it was written.
enum HTMLAddressTag {
    /// `html` with the "<" and ">" of each address in angle brackets written `&lt;` and `&gt;`;
    /// `html` itself when it holds none.
    static func escaped(_ html: String) -> String {
        var source = html
        return source.withUTF8 { bytes -> String in
            guard let first = nextAddress(in: bytes, from: 0) else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var copied = 0
            var next: (start: Int, end: Int, closed: Bool)? = first
            while let found = next {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<found.start]))
                output.append(contentsOf: "&lt;".utf8)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(found.start + 1)..<found.end]))
                copied = found.end
                if found.closed {
                    output.append(contentsOf: "&gt;".utf8)
                    copied += 1
                }
                next = nextAddress(in: bytes, from: copied)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether `html` may hold an address in angle brackets (a quick look for "<" with "@" or
    /// "://" after it).
    static func mayHold(_ html: String) -> Bool {
        var source = html
        return source.withUTF8 { nextAddress(in: $0, from: 0) != nil }
    }

    /// The first address in angle brackets from `start` on: where its "<" is, where the text
    /// it shows ends (at its ">", a space or the next "<"), and whether a ">" closes it there.
    private static func nextAddress(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (start: Int, end: Int, closed: Bool)? {
        var index = start
        // Each "<" found with memchr: the bytes between cannot start an address.
        while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: index), open + 1 < bytes.count {
            index = open
            guard FeedItemDraft.isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            // The name, as HTML reads a tag's: up to white space, "/" or ">".
            var end = index + 1
            var holdsAddressMark = false
            while end < bytes.count, !HTMLByte.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "/"),
                bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<")
            {
                if bytes[end] == UInt8(ascii: "@") || bytes[end] == UInt8(ascii: ".") {
                    holdsAddressMark = true
                }
                end += 1
            }
            let isScheme =
                bytes[end - 1] == UInt8(ascii: ":") && end + 1 < bytes.count
                && bytes[end] == UInt8(ascii: "/") && bytes[end + 1] == UInt8(ascii: "/")
            guard holdsAddressMark || isScheme else {
                index = end
                continue
            }
            // The address runs on to its ">" (an autolink's path holds "/"), if one comes
            // before white space or another "<".
            while end < bytes.count, !HTMLByte.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
                bytes[end] != UInt8(ascii: "<")
            {
                end += 1
            }
            return (index, end, end < bytes.count && bytes[end] == UInt8(ascii: ">"))
        }
        return nil
    }
}
