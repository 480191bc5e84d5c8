/// A terminal escape sequence in a feed's XML, its ESC raw (`ESC [31m`, `ESC ] 8 ; ; url ESC \`)
/// or an XML reference (`&#27;[31m`): ``XMLSanitizer`` leaves it out whole, read as
/// ``TerminalSanitizer`` reads it. XML forbids the controls, and only they were dropped: the
/// rest showed as text ("T[31mRED one"). An OSC 8 hyperlink's is marked in text for the reader
/// to make a link of (``XMLHyperlinkMark``). A sequence in HTML escaped once more
/// (`&amp;#27;[31m`) is removed later, with the HTML (``FeedEscapeSequences``).
enum XMLEscapeSequence {
    /// Where a sequence ends.
    enum End: Equatable {
        /// Before this index.
        case at(Int)
        /// Maybe past the text's limit: more text is needed to know.
        case pastLimit
    }

    /// Where the sequence whose ESC (raw or a reference) is at `start` ends, in text that runs
    /// to `limit` (in a CDATA section, `]]>` ends it too); nil when no ESC is there. Unless
    /// `final`, one that may go on past `limit` (a chunk's end, more text to come) is
    /// ``End/pastLimit``. A sequence that would hold a tag's start (`<`, `&lt;`) is its ESC
    /// alone, as in ``FeedEscapeSequences``.
    static func end(
        in input: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, inCDATA: Bool, final: Bool
    ) -> End? {
        guard let (escape, next) = scalar(in: input, at: start, limit: limit, inCDATA: inCDATA),
            escape == 0x1B
        else { return nil }
        var ranOut = false
        var end = TerminalSanitizer.endOfEscapeSequence(from: next) { index in
            guard let read = scalar(in: input, at: index, limit: limit, inCDATA: inCDATA) else {
                // The text's end, unless it is the CDATA section's: more may follow the limit.
                if !(inCDATA && endsCDATA(input, at: index, limit: limit)) { ranOut = true }
                return nil
            }
            return read
        }
        if ranOut && !final { return .pastLimit }
        var index = next
        while index < end {
            guard let (value, following) = scalar(in: input, at: index, limit: limit, inCDATA: inCDATA) else {
                break
            }
            if value == 0x3C {
                end = next
                break
            }
            index = following
        }
        return .at(end)
    }

    /// The address of the OSC 8 hyperlink whose sequence is `input[start..<end]` (its ESC first,
    /// as ``end(in:at:limit:inCDATA:final:)`` found it), its references read as the parser reads
    /// them (`&amp;` is `&`): empty for the one that ends a link, nil for another sequence.
    static func hyperlinkTarget(
        in input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, inCDATA: Bool
    ) -> [UInt8]? {
        guard let (_, afterEscape) = scalar(in: input, at: start, limit: end, inCDATA: inCDATA),
            let target = FeedEscapeSequences.hyperlinkTarget(
                from: afterEscape, to: end,
                scalar: { scalar(in: input, at: $0, limit: end, inCDATA: inCDATA) })
        else { return nil }
        return inCDATA || !target.contains(UInt8(ascii: "&")) ? target : readingReferences(target)
    }

    /// XML text with its references read: XML's five entities and numeric references to
    /// characters; any other `&` stays as written.
    private static func readingReferences(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "&"),
                let semicolon = text[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                output.append(text[index])
                index += 1
                continue
            }
            let name = text[(index + 1)..<semicolon]
            var value: UInt32?
            if name.first == UInt8(ascii: "#") {
                let hex = name.dropFirst().first.map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
                let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
                value = UInt32(digits, radix: hex ? 16 : 10)
            } else {
                value = name.withUnsafeBufferPointer { XMLSanitizer.predefined($0) }
            }
            guard let value, let character = Unicode.Scalar(value) else {
                output.append(text[index])
                index += 1
                continue
            }
            output.append(contentsOf: UTF8.encode(character).map(Array.init) ?? [])
            index = semicolon + 1
        }
        return output
    }

    /// Whether `input[index]` may start a sequence: an ESC, or an `&` that may be a reference
    /// to one.
    @inline(__always)
    static func mayStart(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        input[index] == 0x1B
            || (input[index] == UInt8(ascii: "&") && index + 1 < input.count
                && input[index + 1] == UInt8(ascii: "#"))
    }

    /// Whether an ESC, raw or a reference, is at `index`.
    static func isEscape(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        scalar(in: input, at: index, limit: input.count, inCDATA: false)?.value == 0x1B
    }

    /// The scalar at `index` and the index after it, nil at `limit` (or a CDATA section's
    /// `]]>`, or a character cut by `limit`): `&lt;` reads as `<` and a reference to one of
    /// `FeedEscapeSequences.referencedControls` as that control, anything else as the UTF-8 character it is.
    private static func scalar(
        in input: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int, inCDATA: Bool
    ) -> (value: UInt32, next: Int)? {
        guard index < limit else { return nil }
        let byte = input[index]
        if inCDATA, byte == UInt8(ascii: "]"), index + 2 >= limit || endsCDATA(input, at: index, limit: limit)
        {
            return nil
        }
        if !inCDATA, byte == UInt8(ascii: "&") {
            if index + 4 <= limit, input[index + 1] == UInt8(ascii: "l"),
                input[index + 2] == UInt8(ascii: "t"),
                input[index + 3] == UInt8(ascii: ";")
            {
                return (0x3C, index + 4)
            }
            if let (value, next) = FeedEscapeSequences.controlReference(in: input, at: index, limit: limit) {
                return (value, next)
            }
            return (UInt32(byte), index + 1)
        }
        guard byte >= 0xC0 else { return (UInt32(byte), index + 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + length <= limit else { return nil }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var next = index + 1
        while next < index + length, UTF8.isContinuation(input[next]) {
            value = value << 6 | UInt32(input[next] & 0x3F)
            next += 1
        }
        return (value, next)
    }

    /// Whether a CDATA section's `]]>` is at `index`.
    private static func endsCDATA(_ input: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index + 2 < limit && input[index] == UInt8(ascii: "]") && input[index + 1] == UInt8(ascii: "]")
            && input[index + 2] == UInt8(ascii: ">")
    }
}
