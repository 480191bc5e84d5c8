/// A terminal escape sequence in a feed's XML, its ESC raw (`ESC [31m`, `ESC ] 8 ; ; url ESC \`)
/// or an XML reference (`&#27;[31m`): ``XMLSanitizer`` leaves it out whole, read as
/// ``TerminalSanitizer`` reads it. XML forbids the controls, and only they were dropped: the
/// rest showed as text ("T[31mRED one"). A sequence in HTML escaped once more
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
