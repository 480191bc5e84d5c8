import Foundation

/// Makes the links of HTML text absolute against a base URL: the `href` and `src` of its
/// tags, as inline XHTML's are when it is read (an `xml:base` holds for escaped HTML too).
///
/// Tags are found as an HTML parser finds them: not in comments, nor in the text of script,
/// style and other raw-text elements. Links with a scheme, empty ones and fragments stay as
/// written.
enum HTMLLinkBase {
    /// `html` with its relative `href` and `src` values resolved against `base`.
    static func resolvingLinks(in html: String, against base: URL) -> String {
        resolvingLinks(in: html) { XMLFeedReader.resolve($0, against: base) }
    }

    /// `html` with its relative `href` and `src` values (not empty ones nor fragments) replaced
    /// by what `resolve` makes of them.
    static func resolvingLinks(in html: String, with resolve: (String) -> String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            if bytes[(index + 1)...].starts(with: "!--".utf8) {
                index = find("-->", in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard FeedItemDraft.isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            var cursor = index + 1
            while cursor < bytes.count, !isNameEnd(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[(index + 1)..<cursor].map { $0 | 0x20 }, as: UTF8.self)
            // Attributes, up to the tag's ">".
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                if HTMLByte.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") {
                    cursor += 1
                    continue
                }
                let nameStart = cursor
                cursor += 1
                while cursor < bytes.count, !isNameEnd(bytes[cursor]), bytes[cursor] != UInt8(ascii: "=") {
                    cursor += 1
                }
                let attribute = String(decoding: bytes[nameStart..<cursor].map { $0 | 0x20 }, as: UTF8.self)
                var after = cursor
                while after < bytes.count, HTMLByte.isSpace(bytes[after]) { after += 1 }
                guard after < bytes.count, bytes[after] == UInt8(ascii: "=") else { continue }
                after += 1
                while after < bytes.count, HTMLByte.isSpace(bytes[after]) { after += 1 }
                guard after < bytes.count else {
                    cursor = after
                    break
                }
                let value: Range<Int>
                if bytes[after] == UInt8(ascii: "\"") || bytes[after] == UInt8(ascii: "'") {
                    let close = bytes[(after + 1)...].firstIndex(of: bytes[after]) ?? bytes.count
                    value = (after + 1)..<close
                    cursor = min(close + 1, bytes.count)
                } else {
                    var valueEnd = after
                    while valueEnd < bytes.count, !HTMLByte.isSpace(bytes[valueEnd]),
                        bytes[valueEnd] != UInt8(ascii: ">")
                    {
                        valueEnd += 1
                    }
                    value = after..<valueEnd
                    cursor = valueEnd
                }
                guard attribute == "href" || attribute == "src" else { continue }
                let link = String(decoding: bytes[value], as: UTF8.self)
                let resolved = HTMLLinkBase.resolve(link, with: resolve)
                guard resolved != link else { continue }
                output.append(contentsOf: bytes[copied..<value.lowerBound])
                output.append(contentsOf: resolved.utf8)
                copied = value.upperBound
            }
            index = min(cursor + 1, bytes.count)
            if rawTextElements.contains(name) {
                index = find("</\(name)", in: bytes, from: index) ?? bytes.count
            }
        }
        guard copied > 0 else { return html }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// `link` made absolute against `base`, unless it is empty or only a fragment (`#fn1`):
    /// those refer to the story itself (RFC 3986 §4.4), and are left as written.
    static func resolve(_ link: String, against base: URL?) -> String {
        resolve(link) { XMLFeedReader.resolve($0, against: base) }
    }

    /// `link` trimmed and handed to `resolve`, unless it is empty or only a fragment.
    static func resolve(_ link: String, with resolve: (String) -> String) -> String {
        let trimmed = FeedItemDraft.trimmed(link)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return link }
        return resolve(trimmed)
    }

    /// Elements whose content is text to an HTML parser, not tags.
    private static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "textarea", "title", "iframe", "noembed", "noframes", "plaintext",
    ]

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        HTMLByte.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// Where `marker` next starts at or after `start`, ASCII case aside.
    private static func find(_ marker: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(marker.utf8).map { $0 | 0x20 }
        var index = start
        while index + pattern.count <= bytes.count {
            if pattern.indices.allSatisfy({ bytes[index + $0] | 0x20 == pattern[$0] }) { return index }
            index += 1
        }
        return nil
    }
}
