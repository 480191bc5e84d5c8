import Foundation

/// Character references and tag detection in text that is not (yet) parsed as HTML.
enum HTMLEntities {
    /// `text` with its numeric character references written so that libxml2's HTML parser
    /// reads them as HTML5 does: a reference to a C1 code point (`&#146;`, `&#x92;`) as what
    /// browsers show for it (`&#8217;`, windows-1252; libxml2 gives the control itself, which
    /// no screen shows); one to no character (zero, a surrogate, past U+10FFFF) as U+FFFD; one
    /// to another control (form feed, DEL) as a space, as the control itself reads; and
    /// `&#` without digits (`&#;`, `&#xZZ;`) as the text it is. libxml2 drops those last two.
    /// With `html5Names`, a named reference HTML5 adds to HTML 4's (`&check;`, `&period;`;
    /// ``HTML5EntityNames``) as the numeric reference of its characters: libxml2 knows only
    /// HTML 4's names, and left the others as text (found by QA). So is one of the names HTML5
    /// reads without their ";" (`&copy 2024`, `AT&T &amp Co`; ``HTMLLegacyEntityNames``), in
    /// text and in an `alt` or `title`, unless a letter, digit or "=" follows: HTML5's rule for
    /// attributes, taken for text too, where an address written out (`?id=1&section=2`) or a
    /// word glued on (`News&notes`) read as "§ion" and "¬es" (found by QA). Never in a link's
    /// address (`?a=1&copy=2`, `?x&reg`).
    static func normalizingReferences(_ text: String, html5Names: Bool = true) -> String {
        var text = text
        let normalized: [UInt8]? = text.withUTF8 { normalizingReferences(in: $0, html5Names: html5Names) }
        return normalized.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Whether `text`, read as HTML, holds a named reference that HTML5 reads and HTML 4 does
    /// not: a name HTML5 adds (``HTML5EntityNames``), or one without its ";"
    /// (``HTMLLegacyEntityNames``).
    static func containsHTML5Name(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var place = HTMLTextPlace()
            return utf8.indices.contains {
                utf8[$0] == UInt8(ascii: "&")
                    && (html5Reference(in: utf8, at: $0) != nil
                        || legacyReference(in: utf8, at: $0, place: &place) != nil)
            }
        }
    }

    /// The bytes with their references normalized, or nil when none needed it.
    private static func normalizingReferences(in utf8: UnsafeBufferPointer<UInt8>, html5Names: Bool)
        -> [UInt8]?
    {
        guard let base = utf8.baseAddress else { return nil }
        var output: [UInt8]?
        var copied = 0
        var index = 0
        var place = HTMLTextPlace()
        while index + 1 < utf8.count {
            // Only "&#" matters: memchr finds each "&".
            guard let found = memchr(base + index, Int32(UInt8(ascii: "&")), utf8.count - index) else {
                break
            }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "#") else {
                if html5Names, let (replacement, end) = html5Reference(in: utf8, at: index) {
                    output = output ?? []
                    output?.append(contentsOf: utf8[copied..<index])
                    output?.append(contentsOf: replacement.utf8)
                    copied = end
                    index = end
                } else if html5Names,
                    let (codePoint, end) = legacyReference(in: utf8, at: index, place: &place)
                {
                    output = output ?? []
                    output?.append(contentsOf: utf8[copied..<index])
                    output?.append(contentsOf: "&#\(codePoint);".utf8)
                    copied = end
                    index = end
                } else {
                    index += 1
                }
                continue
            }
            var cursor = index + 2
            let hex = cursor < utf8.count && utf8[cursor] | 0x20 == UInt8(ascii: "x")
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < utf8.count, let digit = digitValue(utf8[cursor], radix: hex ? 16 : 10) {
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
                cursor += 1
            }
            let replacement: String
            if cursor == digitsStart {
                // Not a reference: its "&" is text.
                replacement = "&amp;"
                cursor = index + 1
            } else {
                if let mapped = HTMLEntityTable.windows1252(value) {
                    replacement = "&#\(mapped);"
                } else if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) {
                    replacement = "&#xFFFD;"
                } else if HTMLByte.isControl(value) {
                    // libxml2 drops a control's reference: between two words it is their space
                    // ("FF&#12;and" read "FFand"; found by QA).
                    replacement = " "
                } else {
                    index = cursor
                    continue
                }
                if cursor < utf8.count && utf8[cursor] == UInt8(ascii: ";") { cursor += 1 }
            }
            output = output ?? []
            output?.append(contentsOf: utf8[copied..<index])
            output?.append(contentsOf: replacement.utf8)
            copied = cursor
            index = cursor
        }
        output?.append(contentsOf: utf8[copied...])
        return output
    }

    /// The numeric references of the characters of the named reference HTML5 adds that starts
    /// with the "&" at `start`, and where the reference ends; nil for any other text.
    private static func html5Reference(in utf8: UnsafeBufferPointer<UInt8>, at start: Int) -> (String, Int)? {
        var end = start + 1
        while end < utf8.count, end - start <= HTML5EntityNames.longestName, isAlphanumeric(utf8[end]) {
            end += 1
        }
        guard end > start + 1, end < utf8.count, utf8[end] == UInt8(ascii: ";"),
            !isFrequentHTML4Name(UnsafeBufferPointer(rebasing: utf8[start + 1..<end])),
            let characters = HTML5EntityNames.characters(
                named: String(decoding: UnsafeBufferPointer(rebasing: utf8[start + 1..<end]), as: UTF8.self))
        else { return nil }
        return (
            characters.map { "&#x" + String($0.value, radix: 16, uppercase: true) + ";" }.joined(), end + 1
        )
    }

    /// Whether `name` is `amp`, `lt`, `gt`, `quot` or `nbsp`: HTML 4's, most of a feed's
    /// references, told without a search of the names HTML5 adds.
    private static func isFrequentHTML4Name(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        func named(_ text: StaticString) -> Bool {
            text.utf8CodeUnitCount == name.count
                && text.withUTF8Buffer { $0.elementsEqual(name) }
        }
        switch name.count {
        case 2: return named("lt") || named("gt")
        case 3: return named("amp")
        case 4: return named("quot") || named("nbsp")
        default: return false
        }
    }

    /// The code point of the name HTML5 reads without its ";" (``HTMLLegacyEntityNames``) that
    /// the "&" at `start` begins, where HTML5 reads it (see ``normalizingReferences(_:html5Names:)``),
    /// and where the name ends; nil for any other text, and for a name with its ";" that
    /// libxml2 reads itself (`&copy;`).
    private static func legacyReference(
        in utf8: UnsafeBufferPointer<UInt8>, at start: Int, place: inout HTMLTextPlace
    ) -> (UInt32, Int)? {
        var end = start + 1
        while end < utf8.count, end - start <= HTML5EntityNames.longestName, isAlphanumeric(utf8[end]) {
            end += 1
        }
        guard end > start + 2,
            let (length, codePoint, readWithSemicolon) = HTMLLegacyEntityNames.longestPrefix(
                of: UnsafeBufferPointer(rebasing: utf8[start + 1..<end]))
        else { return nil }
        if end < utf8.count, utf8[end] == UInt8(ascii: ";") {
            // The name whole (`&copy;`, most often) is told by its entry; a longer one by HTML 4's table.
            if length == end - start - 1 {
                if readWithSemicolon { return nil }
            } else {
                let name = String(
                    decoding: UnsafeBufferPointer(rebasing: utf8[start + 1..<end]), as: UTF8.self)
                if name == "apos" || HTMLEntityTable.codePoints[name] != nil { return nil }
            }
        }
        let after = start + 1 + length
        if place.place(of: start, in: utf8) == .markup { return nil }
        if after < utf8.count, isAlphanumeric(utf8[after]) || utf8[after] == UInt8(ascii: "=") { return nil }
        return (codePoint, after)
    }

    /// `text` with its character references decoded once, numeric ones and HTML 4's named ones
    /// (`&#8217;`, `&amp;`); nothing else in it is read as markup.
    static func decodingReferences(_ text: String) -> String {
        decode(text) { HTMLEntityTable.codePoints[$0] }
    }

    /// Decodes numeric references and the named ones `named` knows (name without "&" and ";" →
    /// code point). References without a ";" and unknown names are left as they are.
    static func decode(_ text: String, named: (String) -> UInt32?) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: index, named: named)
            {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The character of the reference starting with "&" at `start`, and the reference's length.
    private static func reference(
        in bytes: [UInt8], at start: Int, named: (String) -> UInt32?
    ) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var radix: UInt32 = 10
            if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            let digitsStart = index
            var value: UInt32 = 0
            while index < bytes.count, let digit = digitValue(bytes[index], radix: radix) {
                value = min(value * radix + digit, 0x11_0000)
                index += 1
            }
            guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
                return nil
            }
            return (scalar(forCodePoint: value), index + 1 - start)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let value = name == "apos" ? 0x27 : named(name), let scalar = Unicode.Scalar(value) else {
            return nil
        }
        return (scalar, index + 1 - start)
    }

    private static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if value >= 0x80 && value <= 0x9F {
            return HTMLEntityTable.windows1252(value).flatMap(Unicode.Scalar.init) ?? replacement
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return replacement }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16:
            return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16:
            return UInt32(byte - UInt8(ascii: "A") + 10)
        default:
            return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// Whether the text holds something an HTML parser would take for markup: a start or end
    /// tag ("<p>", "<a href", "</b", "<br/>"), a comment or a doctype.
    static func containsMarkup(_ text: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var cursor = bytes.index(after: open)
            index = cursor
            guard cursor < bytes.endIndex else { return false }
            if bytes[cursor] == UInt8(ascii: "!") {
                let rest = bytes[bytes.index(after: cursor)...]
                if rest.starts(with: "--".utf8)
                    || rest.prefix(7).map({ $0 | 0x20 }).elementsEqual("doctype".utf8)
                {
                    return true
                }
                continue
            }
            if bytes[cursor] == UInt8(ascii: "/") { cursor = bytes.index(after: cursor) }
            guard cursor < bytes.endIndex, isLetter(bytes[cursor]) else { continue }
            while cursor < bytes.endIndex,
                isAlphanumeric(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-")
                    || bytes[cursor] == UInt8(ascii: ":")
            {
                cursor = bytes.index(after: cursor)
            }
            guard cursor < bytes.endIndex else { return true }
            let next = bytes[cursor]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x20 || next == 0x09
                || next == 0x0A || next == 0x0D || next == 0x0C
            {
                return true
            }
        }
        return false
    }
}
