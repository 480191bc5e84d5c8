/// Receives the events of a depth-first walk over an HTML tree.
protocol HTMLTreeSink {
    /// An element starts (its name lowercased), with its attributes and, where the walk can
    /// tell, how many list items it holds (a reversed list counts down from that). Returns
    /// whether to walk its children; when it returns true, a matching `closeElement()` follows.
    mutating func openElement(_ name: String, attribute: (String) -> String?, listItems: () -> Int?) -> Bool
    /// The element last entered with `openElement` returning true ends.
    mutating func closeElement()
    /// Character data (UTF-8, entities already decoded).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension HTMLTreeSink {
    /// An element starts, in a walk that cannot count its list items ahead (events, flat text).
    mutating func openElement(_ name: String, attribute: (String) -> String?) -> Bool {
        openElement(name, attribute: attribute, listItems: { nil })
    }
}

/// How the renderer treats an element; elements without a kind are inline.
enum HTMLElementKind {
    /// Dropped with everything inside.
    case dropped
    /// Starts and ends a paragraph.
    case block
    case list
    case item
    case quote
    case preformatted
    case row
    case cell
    case lineBreak
    case rule
    case image
    /// An embedded player or page (iframe, video, audio): a placeholder and its source's link.
    case media
    case link

    private static let kinds: [String: HTMLElementKind] = {
        var kinds: [String: HTMLElementKind] = [
            "ul": .list, "ol": .list, "menu": .list, "dir": .list, "li": .item, "blockquote": .quote,
            "pre": .preformatted, "listing": .preformatted, "xmp": .preformatted, "plaintext": .preformatted,
            "tr": .row, "td": .cell, "th": .cell, "br": .lineBreak, "hr": .rule, "img": .image, "a": .link,
            "iframe": .media, "video": .media, "audio": .media, "embed": .media,
        ]
        // A form's lists of choices (`select`, `datalist`) are no text of the story: a contact
        // form's or poll's options ran together in a line ("K 1st grade 2nd grade"; found by QA).
        for name in [
            "script", "style", "noscript", "template", "object", "head", "title", "svg", "select", "datalist",
        ] {
            kinds[name] = .dropped
        }
        for name in [
            "p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption",
            "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
            "caption", "nav", "address", "details", "summary", "center", "fieldset", "legend", "form",
            "body", "html", "hgroup",
        ] {
            kinds[name] = .block
        }
        return kinds
    }()

    /// Inline elements that dress words (`b`, `em`, `code`, `span`…), which have no kind.
    static let phrasing: Set<String> = [
        "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    ]

    /// The lowercased names of the elements that have a kind.
    static var names: Dictionary<String, HTMLElementKind>.Keys { kinds.keys }

    /// The kind of the element with this lowercased name; nil for inline elements.
    static func of(_ name: String) -> HTMLElementKind? {
        kinds[name]
    }

    /// Whether the element's edges separate words and lines (everything but inline elements,
    /// links, images, media and dropped elements).
    var separates: Bool {
        switch self {
        case .dropped, .image, .media, .link: false
        default: true
        }
    }

    /// What the element with this lowercased name is to plain text: left out with what it
    /// holds (`nil`), a break with nothing inside (line breaks, rules: `.breaks`), or walked,
    /// its edges separating words or not.
    static func plainTextRole(of name: String) -> PlainTextRole? {
        let kind = of(name)
        switch kind {
        case .dropped, .image: return nil
        // A frame's content is not shown; a video's or audio's fallback text is where the
        // player has no source, and its words are counted as before.
        case .media: return name == "iframe" ? nil : .walked(separating: false)
        case .lineBreak, .rule: return .breaks
        default: return .walked(separating: kind?.separates ?? false)
        }
    }

    enum PlainTextRole {
        case breaks
        case walked(separating: Bool)
    }
}

/// Collects the text of an HTML tree as one line: tags removed, whitespace collapsed; for a
/// title, `sup` and `sub` written as the body writes them (`HTMLScriptText`).
struct HTMLPlainTextCollector: HTMLTreeSink {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    /// For each element entered, whether its edges separate words, and for a `sup` or `sub`
    /// whose text is written raised or lowered, where its text starts in `bytes`.
    private var separates: [(separating: Bool, script: (superscript: Bool, start: Int)?)] = []
    /// Whether `sup` and `sub` are written as the body writes them ("E=mc²" for a title).
    private let writesScripts: Bool

    init(writesScripts: Bool = false) {
        self.writesScripts = writesScripts
    }

    mutating func openElement(_ name: String, attribute: (String) -> String?, listItems: () -> Int?) -> Bool {
        if HTMLHiddenElement.isHidden(attribute: attribute) { return false }
        switch HTMLElementKind.plainTextRole(of: name) {
        case nil:
            return false
        case .breaks:
            pendingSpace = true
            return false
        case .walked(let separating):
            if separating { pendingSpace = true }
            let isScript = writesScripts && (name == "sup" || name == "sub")
            separates.append((separating, isScript ? (name == "sup", bytes.count) : nil))
            return true
        }
    }

    mutating func closeElement() {
        guard let element = separates.popLast() else { return }
        if element.separating { pendingSpace = true }
        if let script = element.script { writeScript(superscript: script.superscript, from: script.start) }
    }

    private mutating func writeScript(superscript: Bool, from start: Int) {
        var begin = start
        while begin < bytes.count, bytes[begin] == HTMLByte.space { begin += 1 }
        guard begin < bytes.count,
            let written = HTMLScriptText.written(
                String(decoding: bytes[begin...], as: UTF8.self), superscript: superscript,
                before: HTMLScriptText.lastScalar(of: bytes[..<start]))
        else { return }
        bytes.replaceSubrange(begin..., with: written.utf8)
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        for byte in text {
            if HTMLByte.isSpace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(HTMLByte.space) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
    }

    /// The text so far, without surrounding whitespace (NBSP included).
    var result: String {
        FeedItemDraft.trimmed(String(decoding: bytes, as: UTF8.self))
    }
}
