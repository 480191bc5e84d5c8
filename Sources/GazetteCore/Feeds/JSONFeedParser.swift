import Foundation

/// JSON Feed 1.0 and 1.1: https://www.jsonfeed.org/version/1.1/
///
/// Read with `JSONDecoder`, leniently: a field of the wrong type is treated as absent rather
/// than failing the feed. Authors come from 1.1's `authors`, else 1.0's `author`, else the
/// feed's; the link is `url`, else `external_url` (a link post's target).
enum JSONFeedParser {
    static let versionPrefix = "https://jsonfeed.org/version/"

    /// The JSON with each `\uD800`…`\uDFFF` escape that is not half of a pair turned into
    /// `\uFFFD`, or nil when there is none: the decoder refuses the whole string that holds one,
    /// which left its item without a title or text.
    static func repairingLoneSurrogates(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        /// The code unit of a `\uXXXX` escape at `index`, when there is one.
        func unit(at index: Int) -> UInt32? {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            var value: UInt32 = 0
            for offset in 2..<6 {
                guard let digit = Character(UnicodeScalar(bytes[index + offset])).hexDigitValue else {
                    return nil
                }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            guard let value = unit(at: index) else {
                index += 2  // an escape of one character (`\\`, `\"`, …)
                continue
            }
            if value >= 0xD800 && value <= 0xDBFF, let low = unit(at: index + 6),
                low >= 0xDC00 && low <= 0xDFFF
            {
                index += 12
                continue
            }
            if value >= 0xD800 && value <= 0xDFFF {
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: Array("\\ufffd".utf8))
                copied = index + 6
            }
            index += 6
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// Where the document starts when whole lines of other text come before it (HTTP headers
    /// saved with it, `curl -i`), as detection reads them (``FeedParser/leadingTextLimit``):
    /// the first line within the limit that starts with `{`; nil when the text starts with the
    /// document or there is no such line (the decoder then says what is wrong).
    static func documentStart(in data: Data) -> Int? {
        var index = data.startIndex
        var lineStart = true
        while index < data.endIndex, index - data.startIndex < FeedParser.leadingTextLimit {
            let byte = data[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lineStart = true
            } else if byte == UInt8(ascii: "{") && lineStart {
                return index == data.startIndex ? nil : index - data.startIndex
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                lineStart = false
            }
            index += 1
        }
        return nil
    }

    /// The text of `bytes` as UTF-8. JSON text is UTF-8 (RFC 8259): bytes that are not become
    /// U+FFFD, never a guessed 8-bit encoding (a stray byte read a feed as windows-1252,
    /// "TÃ("); a UTF-16 or UTF-32 byte-order mark is read as it says.
    static func utf8(of bytes: UnsafeRawBufferPointer) -> Data {
        if UTF32Text.byteOrder(of: bytes) != nil || UTF16Text.hasByteOrderMark(bytes) {
            return Data(FeedTextDecoder.decode(bytes).text.utf8)
        }
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if !hasMark && FeedTextDecoder.utf8Check(bytes, isWhole: true).isValid { return Data(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        FeedTextDecoder.repairUTF8(
            UnsafeRawBufferPointer(rebasing: bytes[(hasMark ? 3 : 0)...]), into: &output)
        return Data(output)
    }

    static func parse(
        _ bytes: UnsafeRawBufferPointer, onFirstItem: ((FeedHeader) -> Void)? = nil,
        onItem: (FeedItem) -> Bool
    ) throws(FeedError) -> (header: FeedHeader, warnings: [String]) {
        var data = utf8(of: bytes)
        if let repaired = repairingLoneSurrogates(data) { data = repaired }
        if let start = documentStart(in: data) { data = data.subdata(in: start..<data.count) }
        let document: Document
        var warnings: [String] = []
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            let shape = TextShape(of: data)
            if shape.depth > TextShape.deepest {
                throw .malformed("invalid JSON: it nests more than \(TextShape.deepest) levels deep")
            }
            guard shape.endsEarly else { throw .malformed("invalid JSON: \(describe(error))") }
            // A download cut short: the items read whole are kept, as in an XML feed.
            guard let closed = shape.closed(data),
                let whole = try? JSONDecoder().decode(Document.self, from: closed),
                whole.items?.isEmpty == false
            else {
                throw .malformed(
                    "the file ends too early, at line \(shape.lines), before an item was read whole")
            }
            document = whole
            warnings.append(
                "the file ends too early, at line \(shape.lines); the items read whole are kept")
        }
        guard let version = document.version, version.hasPrefix(versionPrefix) else {
            if document.hasRSSMember {
                throw .notAFeed("JSON but not a JSON Feed (RSS-in-JSON)")
            }
            throw .notAFeed("JSON but not a JSON Feed (no jsonfeed.org version)")
        }
        // The feed's address: its home page (the base its authors name for relative URLs, which
        // the specification leaves unsaid), else the feed's own.
        let feedAddress = [document.homePageURL, document.feedURL].lazy.compactMap {
            $0.flatMap { URL(string: FeedItemDraft.trimmed($0)) }
        }.first { $0.scheme != nil }
        let header = FeedHeader(
            format: .jsonFeed,
            title: FeedItemDraft.nonEmpty(document.title),
            link: FeedItemDraft.nonEmpty(document.homePageURL))
        let feedAuthor = names(document.authors, legacy: document.author)
        // An entry that is no object (a string, a number, null) is no item: it was one empty
        // "(untitled)" story, without a word (found by QA).
        let entries = document.items ?? []
        let items = entries.filter(\.isObject)
        if items.count < entries.count {
            let count = entries.count - items.count
            warnings.append(
                count == 1
                    ? "1 entry of items is not an object; it is left out"
                    : "\(count) entries of items are not objects; they are left out")
        }
        if !items.isEmpty { onFirstItem?(header) }
        for item in items {
            var draft = FeedItemDraft()
            draft.id = item.id
            draft.title = item.title
            draft.titleIsHTML = false
            draft.titleIsText = true
            // Text, but feeds write HTML's references in it: "It&#8217;s" was shown so (found by QA).
            draft.titleHasReferences = true
            let url = FeedItemDraft.nonEmpty(item.url).map { XMLFeedReader.resolve($0, against: feedAddress) }
            let external = FeedItemDraft.nonEmpty(item.externalURL)
            draft.link = url ?? external.map { XMLFeedReader.resolve($0, against: feedAddress) }
            // The body and attachments are the item's page's (its url), else the feed's, as an
            // RSS item's are; not the page elsewhere a link post is about (its external_url).
            let page = url.flatMap { XMLFeedReader.isWebAddress($0) ? URL(string: $0) : nil } ?? feedAddress
            if url == nil { draft.bodyBase = .address(page?.absoluteString) }
            draft.author = names(item.authors, legacy: item.author) ?? feedAuthor
            // A link post's target beside its own page, and its attachments, are links too.
            draft.enclosures = item.attachments.map { XMLFeedReader.resolve($0, against: page) }
            if let external, external != item.url {
                draft.enclosures.insert(XMLFeedReader.resolve(external, against: feedAddress), at: 0)
            }
            // Labelled as an RSS enclosure is: "audio (mpeg, 34 MB)".
            for attachment in item.attachmentDetails {
                let url = XMLFeedReader.resolve(attachment.url, against: page)
                guard draft.enclosureLabels[url] == nil else { continue }
                draft.enclosureLabels[url] = FeedEnclosureLabel.label(
                    type: attachment.mimeType, length: attachment.size)
            }
            draft.take((item.datePublished ?? item.dateModified).flatMap(FeedDate.parseWithOffset))
            if let html = FeedItemDraft.nonEmpty(item.contentHTML) {
                draft.content = html
                draft.contentIsHTML = true
            } else {
                draft.content = item.contentText
                draft.contentIsHTML = false
            }
            draft.summary = item.summary
            draft.summaryIsHTML = false
            draft.textKeepsIndents = true
            if !onItem(draft.finish()) { break }
        }
        return (header, warnings)
    }

    /// How a JSON text's brackets stand: how deep they go, whether the text ends inside a
    /// string or a bracket (cut short), and where it could be closed after a whole item.
    struct TextShape {
        /// Deeper than this, the decoder refuses the text without saying why.
        static let deepest = 512

        private(set) var depth = 0
        private(set) var endsEarly = false
        /// The lines of the text (the line it ends on).
        private(set) var lines = 1
        /// The end of the last value closed at most two brackets deep (an item of the root's
        /// `items`), and the brackets still open there.
        private var cut: Int?
        private var openAtCut: [UInt8] = []

        init(of data: Data) {
            var open: [UInt8] = []
            var inString = false
            var escaped = false
            for (offset, byte) in data.enumerated() {
                if byte == 0x0A { lines += 1 }
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    open.append(byte)
                    depth = max(depth, open.count)
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard !open.isEmpty else { continue }
                    open.removeLast()
                    if open.count <= 2 && !open.isEmpty {
                        cut = offset + 1
                        openAtCut = open
                    }
                default: break
                }
            }
            endsEarly = inString || !open.isEmpty
        }

        /// The text up to the last whole item, with the brackets open there closed; nil when
        /// no item was read whole.
        func closed(_ data: Data) -> Data? {
            guard let cut else { return nil }
            var text = data.prefix(cut)
            for bracket in openAtCut.reversed() {
                text.append(bracket == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
            return text
        }
    }

    private static func names(_ authors: [Author]?, legacy: Author?) -> String? {
        let list = (authors ?? []).compactMap { FeedItemDraft.nonEmpty($0.name) }
        if !list.isEmpty { return list.joined(separator: ", ") }
        return FeedItemDraft.nonEmpty(legacy?.name)
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .dataCorrupted(let context):
            let underlying =
                (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            return context.debugDescription
        @unknown default:
            return "\(decodingError)"
        }
    }

    /// Any JSON value, passed over.
    private struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A field as text: a string, or a number written out (ids are sometimes numbers).
    private static func text(_ container: KeyedDecodingContainer<Key>, _ key: String) -> String? {
        let codingKey = Key(key)
        if let string = try? container.decode(String.self, forKey: codingKey) { return string }
        if let number = try? container.decode(Int.self, forKey: codingKey) { return String(number) }
        if let number = try? container.decode(Double.self, forKey: codingKey) { return String(number) }
        return nil
    }

    /// A field that names a story or an address (an id, a url) as text, with no control
    /// character: terminal escape sequences are removed whole (``FeedEscapeSequences``) and any
    /// other C0 or C1 control left out, as an RSS or Atom feed cannot hold one there. An id or
    /// link kept ESC, BEL and NUL, so `export` handed a terminal's sequences to scripts, and an
    /// id with a NUL could not be given back to `mark` (found by QA).
    private static func token(_ container: KeyedDecodingContainer<Key>, _ key: String) -> String? {
        guard var value = text(container, key) else { return nil }
        if FeedEscapeSequences.mayHold(value) { value = FeedEscapeSequences.removed(value, linking: false) }
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: value.unicodeScalars.lazy.filter { !isControl($0) })
        return String(kept)
    }

    /// Whether `scalar` is a C0 or C1 control, or DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    private struct Document: Decodable {
        var version: String?
        var title: String?
        var homePageURL: String?
        var feedURL: String?
        var author: Author?
        var authors: [Author]?
        var items: [Item]?
        var hasRSSMember = false

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            version = JSONFeedParser.text(container, "version")
            title = JSONFeedParser.text(container, "title")
            homePageURL = JSONFeedParser.token(container, "home_page_url")
            feedURL = JSONFeedParser.token(container, "feed_url")
            author = try? container.decode(Author.self, forKey: Key("author"))
            authors = try? container.decode([Author].self, forKey: Key("authors"))
            items = try? container.decode([Item].self, forKey: Key("items"))
            hasRSSMember = container.contains(Key("rss"))
        }
    }

    private struct Author: Decodable {
        var name: String?

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: Key.self) else { return }
            name = JSONFeedParser.text(container, "name")
        }
    }

    private struct Item: Decodable {
        var id: String?
        var url: String?
        var externalURL: String?
        var title: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var datePublished: String?
        var dateModified: String?
        var author: Author?
        var authors: [Author]?
        /// The `url` of each attachment.
        var attachments: [String] { attachmentDetails.map(\.url) }
        /// Each attachment's `url`, `mime_type` and `size_in_bytes`.
        var attachmentDetails: [(url: String, mimeType: String?, size: String?)] = []
        /// Whether the entry is a JSON object (an item); nothing else is read of any other.
        var isObject = true

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: Key.self) else {
                isObject = false
                return
            }
            id = JSONFeedParser.token(container, "id")
            url = JSONFeedParser.token(container, "url")
            externalURL = JSONFeedParser.token(container, "external_url")
            title = JSONFeedParser.text(container, "title")
            contentHTML = JSONFeedParser.text(container, "content_html")
            contentText = JSONFeedParser.text(container, "content_text")
            summary = JSONFeedParser.text(container, "summary")
            datePublished = JSONFeedParser.text(container, "date_published")
            dateModified = JSONFeedParser.text(container, "date_modified")
            author = try? container.decode(Author.self, forKey: Key("author"))
            authors = try? container.decode([Author].self, forKey: Key("authors"))
            if var list = try? container.nestedUnkeyedContainer(forKey: Key("attachments")) {
                while !list.isAtEnd {
                    guard let attachment = try? list.nestedContainer(keyedBy: Key.self) else {
                        _ = try? list.decode(Skipped.self)
                        continue
                    }
                    // One without an address showed as a label alone ("audio (mpeg):").
                    if let url = JSONFeedParser.token(attachment, "url"), FeedItemDraft.nonEmpty(url) != nil {
                        attachmentDetails.append(
                            (
                                url, JSONFeedParser.text(attachment, "mime_type"),
                                JSONFeedParser.text(attachment, "size_in_bytes")
                            ))
                    }
                }
            }
        }
    }
}
