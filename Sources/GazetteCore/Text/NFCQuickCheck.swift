import Foundation

/// A line of UTF-8 in normalization form C (NFC, composed: "é" as one code point, Hangul as
/// syllables), as an id is made of it: the same text written decomposed (NFD) gets the same id.
///
/// A line is first read with the quick check of UAX #15: ASCII, and text whose code points are
/// all "yes" with their marks in order (nearly all text as written), is NFC as it stands and
/// costs one pass; only a line that may not be is normalised.
enum NFCQuickCheck {
    /// The bytes of `line` in NFC, or nil when they are the same as written (or the line is not
    /// valid UTF-8: it is kept as written).
    static func composed(_ line: LineSpan, in bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let text = UnsafeRawBufferPointer(rebasing: bytes[line.start..<line.end])
        guard !isComposed(text), let written = String(validating: text, as: UTF8.self) else { return nil }
        let composed = Array(written.precomposedStringWithCanonicalMapping.utf8)
        return composed.elementsEqual(text) ? nil : composed
    }

    /// Whether the quick check says `text` is NFC: false where it may not be, or is not valid UTF-8.
    static func isComposed(_ text: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = text.count
        // ASCII, eight bytes at a time.
        while index + 8 <= count,
            text.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            index += 8
        }
        var lastClass: UInt8 = 0
        while index < count {
            let lead = text[index]
            if lead < 0x80 {
                lastClass = 0
                index += 1
                continue
            }
            guard let (scalar, length) = decode(text, at: index, lead: lead) else { return false }
            index += length
            let kind = scalar < 0x1_0000 ? basicKinds[Int(scalar)] : kind(of: scalar)
            // A mark after one of a higher class is reordered by NFC.
            if kind == 255 || kind != 0 && lastClass > kind { return false }
            lastClass = kind
        }
        return true
    }

    /// The code point of the multi-byte sequence at `index` and its length; nil when it is not
    /// well-formed UTF-8.
    private static func decode(_ text: UnsafeRawBufferPointer, at index: Int, lead: UInt8) -> (UInt32, Int)? {
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= text.count else { return nil }
        for offset in 1..<length {
            let byte = text[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and code points past U+10FFFF.
        let smallest: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x1_0000 : 0x80
        guard scalar >= smallest, scalar <= 0x10_FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, length)
    }

    /// The kind of each code point of the Basic Multilingual Plane (see ``ranges``; 0 where
    /// not listed).
    private static let basicKinds: [UInt8] = {
        var kinds = [UInt8](repeating: 0, count: 0x1_0000)
        for range in ranges where range.first < 0x1_0000 {
            for scalar in range.first...min(range.last, 0xFFFF) { kinds[Int(scalar)] = range.kind }
        }
        return kinds
    }()

    /// The kind of a code point past the Basic Multilingual Plane, found in ``ranges``.
    private static func kind(of scalar: UInt32) -> UInt8 {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].last < scalar {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].first <= scalar ? ranges[low].kind : 0
    }
}
