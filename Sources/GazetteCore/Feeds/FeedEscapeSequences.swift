/// Terminal escape sequences written into a feed's text, raw (`ESC ] 8 ; ; … ESC \`) or as
/// references to their controls (`&#27;]8;;…&#27;\`): removed whole, with their parameters
/// and payloads, as ``TerminalSanitizer`` reads them. An OSC 8 hyperlink keeps its text, and
/// in a body its address becomes a link as an `<a href>`'s does. Their payloads showed as text
/// ("]8;;https://…"): the sanitiser saw only the controls the HTML left.
enum FeedEscapeSequences {
    /// Whether `text` may hold a sequence: an ESC, raw or as a numeric reference (`&#27;`,
    /// `&#x1B;`). Text without one is read as it is, with no copy.
    static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if ByteSearch.contains(escape, in: UnsafeRawBufferPointer(bytes)) { return true }
            // Each "&" found with memchr: a reference to ESC starts with one.
            var index = 0
            while let found = ByteSearch.next(UInt8(ascii: "&"), in: bytes, from: index) {
                if found + 1 < bytes.count, bytes[found + 1] == UInt8(ascii: "#"),
                    referencesEscape(bytes, after: found + 2)
                {
                    return true
                }
                index = found + 1
            }
            return false
        }
    }

    /// Whether the digits from `start` (after an `&#`) name ESC: `27`, `x1B`, with leading zeros.
    private static func referencesEscape(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        var index = start
        let hex = index < bytes.count && bytes[index] | 0x20 == UInt8(ascii: "x")
        if hex { index += 1 }
        while index < bytes.count, bytes[index] == UInt8(ascii: "0") { index += 1 }
        let digits: [UInt8] =
            hex ? [UInt8(ascii: "1"), UInt8(ascii: "b")] : [UInt8(ascii: "2"), UInt8(ascii: "7")]
        for digit in digits {
            guard index < bytes.count, bytes[index] | 0x20 == digit else { return false }
            index += 1
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: ";")
    }

    /// `text` (HTML or plain) without its escape sequences. With `linking`, an OSC 8 hyperlink's
    /// start becomes `<a href="…">` and its end `</a>`; without, only its text is kept.
    static func removed(_ text: String, linking: Bool) -> String {
        guard mayHold(text) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        var linkOpen = false
        let read = { (at: Int) in scalar(in: bytes, at: at) }
        while index < bytes.count {
            guard bytes[index] == escape || bytes[index] == UInt8(ascii: "&"),
                let (value, next) = read(index), value == UInt32(escape)
            else {
                index += 1
                continue
            }
            output.append(contentsOf: bytes[copied..<index])
            var end = TerminalSanitizer.endOfEscapeSequence(from: next, scalar: read)
            // No sequence holds a tag's start: a lone ESC before `</p>` goes alone.
            if bytes[next..<end].contains(UInt8(ascii: "<")) { end = next }
            if linking, let target = hyperlinkTarget(from: next, to: end, scalar: read) {
                if linkOpen { output.append(contentsOf: "</a>".utf8) }
                let anchor = self.anchor(target)
                linkOpen = anchor != nil
                output.append(contentsOf: anchor ?? [])
            }
            index = max(end, next)
            copied = index
        }
        if copied == 0 { return text }
        output.append(contentsOf: bytes[copied...])
        if linkOpen { output.append(contentsOf: "</a>".utf8) }
        return String(decoding: output, as: UTF8.self)
    }

    private static let escape: UInt8 = 0x1B

    /// The controls a sequence's grammar needs that a reference may name: ESC, BEL (an OSC's
    /// end), CAN and SUB (which cut one short).
    static let referencedControls: Set<UInt32> = [0x1B, 0x07, 0x18, 0x1A]

    /// The scalar at `index` and the index after it: a reference to one of
    /// `referencedControls` (`&#27;`, `&#x1B;`) reads as that control, anything else as the
    /// UTF-8 character it is.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (value: UInt32, next: Int)? {
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte == UInt8(ascii: "&"),
            let (value, next) = bytes.withUnsafeBufferPointer({
                controlReference(in: $0, at: index, limit: $0.count)
            })
        {
            return (value, next)
        }
        guard byte >= 0xC0 else { return (UInt32(byte), index + 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var next = index + 1
        while next < min(bytes.count, index + length), UTF8.isContinuation(bytes[next]) {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
            next += 1
        }
        return (value, next)
    }

    /// A numeric reference at `index` (an `&`) to one of `referencedControls`, and the index
    /// after its `;`, read before `limit`; at most eight digits are read.
    static func controlReference(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
        -> (UInt32, Int)?
    {
        var next = index + 1
        guard next < limit, bytes[next] == UInt8(ascii: "#") else { return nil }
        next += 1
        let hex = next < limit && bytes[next] | 0x20 == UInt8(ascii: "x")
        if hex { next += 1 }
        let digitsStart = next
        var value: UInt32 = 0
        while next < limit, next - digitsStart < 8 {
            let byte = bytes[next]
            if FeedItemDraft.isDigit(byte) {
                value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
            } else if hex, (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) {
                value = value * 16 + UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            next += 1
        }
        guard next > digitsStart, next < limit, bytes[next] == UInt8(ascii: ";"),
            referencedControls.contains(value)
        else { return nil }
        return (value, next + 1)
    }

    /// The address of an OSC 8 hyperlink whose sequence runs from `start` (after its ESC) to
    /// `end`, its characters read by `scalar` (raw, or references to controls): `] 8 ; params ;
    /// URI` and its terminator; empty for the one that ends a link, nil for another sequence.
    static func hyperlinkTarget(
        from start: Int, to end: Int, scalar: (Int) -> (value: UInt32, next: Int)?
    ) -> [UInt8]? {
        var index = start
        for expected in ["]", "8", ";"] as [Unicode.Scalar] {
            guard index < end, let (value, next) = scalar(index), value == expected.value else { return nil }
            index = next
        }
        var payload: [UInt8] = []
        while index < end, let (value, next) = scalar(index), !referencedControls.contains(value),
            value != 0x9C,
            let character = Unicode.Scalar(value)
        {
            payload.append(contentsOf: UTF8.encode(character).map(Array.init) ?? [])
            index = next
        }
        guard let separator = payload.firstIndex(of: UInt8(ascii: ";")) else { return nil }
        return Array(payload[(separator + 1)...].drop { $0 == 0x20 })
    }

    /// The start tag of the link an OSC 8 hyperlink to `target` is, `<a href="…">`, for the
    /// body's HTML to check and number as any; nil for an empty address (the link's end) or one
    /// holding a control (no address a browser is handed).
    static func anchor(_ target: [UInt8]) -> [UInt8]? {
        guard !target.isEmpty, !target.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return Array("<a href=\"".utf8) + attributeEscaped(target) + Array("\">".utf8)
    }

    /// `value` as it may stand in a quoted attribute.
    private static func attributeEscaped(_ value: [UInt8]) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(value.count)
        for byte in value {
            switch byte {
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            default: escaped.append(byte)
            }
        }
        return escaped
    }
}
