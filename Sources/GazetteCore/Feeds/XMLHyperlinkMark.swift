/// Where an OSC 8 hyperlink (``XMLEscapeSequence``) starts or ends in a feed's text, as
/// ``XMLSanitizer`` tells the reader: a processing instruction `<?gazette-link HEX?>`, its
/// address in hexadecimal (no address: the link's end). XML forbids the sequence's ESC, so the
/// sanitizer removes it, and its address was lost with it; the feed's own processing
/// instructions in the content are dropped (``XMLSanitizer``), so any such one is a mark. The
/// reader makes an item's HTML body a link of it (`<a href>`); elsewhere it is left out.
enum XMLHyperlinkMark {
    /// The instruction's target.
    static let target = "gazette-link"

    /// Writes the mark of a link to `address` (empty: a link's end). Inside a CDATA section
    /// (`inCDATA`) the section is closed before it and opened again after.
    static func write(_ address: [UInt8], inCDATA: Bool, into output: inout [UInt8]) {
        if inCDATA { output.append(contentsOf: "]]>".utf8) }
        output.append(contentsOf: "<?\(target)".utf8)
        if !address.isEmpty { output.append(0x20) }
        let digits = Array("0123456789abcdef".utf8)
        for byte in address {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        output.append(contentsOf: "?>".utf8)
        if inCDATA { output.append(contentsOf: "<![CDATA[".utf8) }
    }

    /// The address a mark's data holds (empty for a link's end); nil when it is no hexadecimal.
    static func address(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard data.count % 2 == 0 else { return nil }
        var address: [UInt8] = []
        address.reserveCapacity(data.count / 2)
        var index = 0
        while index < data.count {
            guard let high = value(ofDigit: data[index]), let low = value(ofDigit: data[index + 1]) else {
                return nil
            }
            address.append(high << 4 | low)
            index += 2
        }
        return address
    }

    private static func value(ofDigit byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
