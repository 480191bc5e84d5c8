import Foundation

/// Rewrites UTF-8 XML, a chunk at a time, into what a strict XML parser accepts, keeping
/// every line break so that line numbers stay those of the file:
/// - before the root element, only comments, processing instructions and line breaks are
///   kept: junk text, the XML declaration (the text is UTF-8 now, whatever it said, and it
///   may not be first in the file) and the DOCTYPE (its internal entities are remembered)
///   are dropped;
/// - comments are dropped everywhere (a `--` inside one is an error);
/// - a CDATA section longer than libxml2 reads is cut into several (`XMLCDATASections`);
/// - an attribute value longer than ``maxValueBytes`` is cut (at a character's start, never
///   inside a reference, its quote closed), and a tag's attributes past ``maxTagBytes`` are
///   left out; an element or attribute name longer than libxml2 reads is cut, its end tag's
///   alike (`XMLLongName`); in a tag, outside values, a run of white space is written as its
///   first byte and its line breaks (libxml2 stops at a tag over 10,000,000 bytes, however
///   they are spent);
/// - a `<` that cannot start a tag (`a < b`, `<3`, `<!x` in the content) becomes `&lt;`, and
///   so does one whose start tag breaks before its `>` (`if x<y then z</p>`, `it's x<y's`):
///   a name or attribute no tag has, or another `<`;
/// - HTML named entities (`&nbsp;`) become numeric references, internal DTD entities are
///   expanded, and an `&` that starts no reference becomes `&amp;`; text holding references
///   becomes CDATA (see `text`);
/// - numeric references and raw bytes that XML forbids (controls, `&#0;`) are dropped or
///   replaced, and C1 references get their windows-1252 meaning (`&#146;` is U+2019);
/// - a terminal escape sequence goes whole (`XMLEscapeSequence`), an OSC 8 hyperlink's start
///   and end in text marked for the reader (`XMLHyperlinkMark`);
/// - raw HTML is made well-formed as browsers read it: an HTML void element (`<br>`,
///   `<img …>`) closes itself and, inside a feed's text element (see `XMLOpenElements`), an
///   end tag closes the elements left open inside the one it names
///   (`<description>a <p>b</description>`), and one that names no open element is dropped;
/// - in a start tag, an unquoted attribute value is quoted (`width=300` is `width="300"`) and
///   an attribute without one is given its name (`nowrap` is `nowrap="nowrap"`). The value
///   ends at a space or `>`, and for a void element at a `/` before the `>` too
///   (`<br clear=all/>`); in others a `/` is part of it, as in HTML (`<a href=http://x/>`).
struct XMLSanitizer {
    private enum Mode {
        case prolog
        case content
        case cdata
        case comment
        case doctype
        case tagName
        case tag
        case instruction
    }

    /// How far the name of a tag has been read.
    private enum TagName {
        /// Nothing after the `<` yet.
        case none
        case start
        case end
    }

    /// What the tag being read does.
    private enum TagKind {
        /// Opens an element, unless it ends in `/>`.
        case start
        /// An HTML void element's start tag: written closed.
        case void
        /// An end tag, written.
        case end
        /// An end tag that names no open element: left out.
        case dropped
        /// An end tag's `</` followed by no name (`</ 3>`): written as it is.
        case other
    }

    /// Where a start tag is read among its attributes, outside quoted values.
    private enum Attribute {
        /// Not in a start tag, or past something in one that is no attribute (`<p "x">`,
        /// `<p a,b>`): the rest is left as it is.
        case none
        /// Between attributes.
        case beforeName
        case name
        /// Spaces after a name: an `=` or the next attribute follows.
        case afterName
        case afterEquals
        case unquotedValue
        /// A void element's unquoted value where the chunk ended in a `/`, not written yet: a
        /// `>` next ends the tag there.
        case unquotedValueSlash

        /// Outside a name and a value: white space there only parts them.
        var isBetween: Bool {
            switch self {
            case .none, .beforeName, .afterName, .afterEquals: return true
            case .name, .unquotedValue, .unquotedValueSlash: return false
            }
        }
    }

    private var mode = Mode.prolog
    /// Where the start tag being read began, in this chunk's input and in the output, while
    /// it can still be taken back as text (see ``tagIsText``).
    private var tagStart: (input: Int, output: Int)?
    private var attribute = Attribute.none
    /// The name of the attribute being read, once its end is known to matter (or the chunk
    /// ended inside it).
    private var attributeName: [UInt8] = []
    private var tagQuote: UInt8 = 0
    private var tagName = TagName.none
    private var tagKind = TagKind.other
    /// Attributes read in the tag so far; past ``maxAttributes`` the rest of the tag is left
    /// out (`droppingAttributes`).
    private var attributesRead = 0
    private var droppingAttributes = false
    /// Most bytes of a start tag held back at a chunk's end, to be read again with the next
    /// chunk; a longer one is written as it goes (no chunk is read twice over).
    static let heldTagBytes = 4096
    /// Most attributes kept in one tag: libxml2 compares each with every one before it (a
    /// feed's item with 200,000 of them took minutes, the reader frozen; found by QA).
    static let maxAttributes = 256
    /// Most bytes of one attribute value: a longer one is cut at a character's start, never
    /// inside a reference, and its quote closed. libxml2 stops at a value over 10,000,000
    /// bytes (the item was lost, and every later story when it came first; found by QA); a
    /// mebibyte is more than any address a browser opens (Chrome's limit is 2 MB, most others
    /// far less) and than any real feed's value here, and 4 of them fit in a tag (below).
    let maxValueBytes: Int
    /// The ``maxValueBytes`` that the feeds are read with.
    static let defaultMaxValueBytes = 1 << 20
    /// Most bytes of a start tag's attributes: past this, the rest of them is left out, as
    /// past ``maxAttributes``. libxml2 holds a tag whole, and stops when it is larger than
    /// 10,000,000 bytes (12 values of 1 MB lost their item).
    let maxTagBytes: Int
    /// The ``maxTagBytes`` that the feeds are read with.
    static let defaultMaxTagBytes = 4 << 20
    /// The last byte of the tag read so far, when the chunk ended inside it.
    private var tagLastByte: UInt8 = 0
    /// Where the attribute value being read reaches ``maxValueBytes``, as an index in this
    /// chunk (moved back by what its references and escapes add); past it the value is cut.
    private var valueEnd = 0
    /// Whether the value being read was cut: the rest of it is read and not written.
    private var valueIsCut = false
    /// Line breaks in the part of a value left out, written after its closing quote (line
    /// numbers stay the file's).
    private var cutLines = 0
    /// Bytes written of the tag being read since its name, and the output's count less them
    /// in this chunk.
    private var tagBytes = 0
    private var tagOutputBase = 0
    /// The name of the end tag being read.
    private var endTagName: [UInt8] = []
    /// The length of the tag's name, and of the attribute's being read, for a cut.
    private var elementName: XMLLongName
    private var attributeNameLength: XMLLongName
    private var openElements = XMLOpenElements()
    /// The end of the last chunk when it was the start of a marker cut short (`<![CDA`): read
    /// again in front of the next chunk.
    private var pending: [UInt8] = []
    /// Whether ``pending`` holds a terminal escape sequence that the chunk ended inside: read
    /// at the file's end if no chunk follows.
    private var pendingIsSequence = false
    /// Whether the text being read is the last: a sequence at its end is not held back.
    private var atFileEnd = false
    /// The last two bytes read inside a CDATA section or comment, for an end (`]]>`, `-->`)
    /// that straddles two chunks.
    private var markupTail: (UInt8, UInt8) = (0, 0)
    /// The CDATA section being read, written cut into sections libxml2 reads.
    private var cdataSections: XMLCDATASections
    /// The byte before the current one inside a processing instruction (its end is `?>`).
    private var instructionLastByte: UInt8 = 0
    private var modeAfterComment = Mode.prolog
    private var doctypeText: [UInt8] = []
    private var doctypeDepth = 0
    private var doctypeQuote: UInt8 = 0
    private var entities: [String: [UInt8]] = [:]
    /// Where text inside a feed's text element is set aside for the reader, when it is
    /// (``XMLTextAside``); nil: all of it is written in the XML.
    var textAside: XMLTextAside?
    /// Bytes of input taken, and bytes that internal entities have expanded to so far.
    private var inputBytes = 0
    private var expandedBytes = 0

    /// Most bytes internal entities expand to: this much, plus twice the input so far. A small
    /// file that repeats one big entity thousands of times (quadratic growth: 200 KB became
    /// 4 GB) has the references past it left as written.
    static let entityExpansionAllowance = 8 << 20

    /// A sanitizer that cuts CDATA sections past `cdataSectionMaxBytes`, attribute values past
    /// `maxValueBytes`, tags past `maxTagBytes` and names past `maxNameBytes` (tests give small
    /// limits).
    init(
        cdataSectionMaxBytes: Int = XMLCDATASections.defaultMaxBytes,
        maxValueBytes: Int = XMLSanitizer.defaultMaxValueBytes,
        maxTagBytes: Int = XMLSanitizer.defaultMaxTagBytes,
        maxNameBytes: Int = XMLLongName.defaultMaxBytes
    ) {
        cdataSections = XMLCDATASections(maxBytes: cdataSectionMaxBytes)
        self.maxValueBytes = maxValueBytes
        self.maxTagBytes = maxTagBytes
        elementName = XMLLongName(maxBytes: maxNameBytes)
        attributeNameLength = XMLLongName(maxBytes: maxNameBytes)
    }

    mutating func process(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        if !pending.isEmpty {
            var joined = pending
            joined.append(contentsOf: raw)
            inputBytes -= pending.count
            pending = []
            pendingIsSequence = false
            joined.withUnsafeBytes { process($0, into: &output) }
            return
        }
        let input = raw.bindMemory(to: UInt8.self)
        inputBytes += input.count
        var index = 0
        // A tag is taken back only within the chunk it starts in.
        defer { tagStart = nil }
        while index < input.count {
            switch mode {
            case .prolog: index = prolog(input, from: index, into: &output)
            case .content: index = content(input, from: index, into: &output)
            case .cdata: index = cdata(input, from: index, into: &output)
            case .comment: index = comment(input, from: index, into: &output)
            case .doctype: index = doctype(input, from: index, into: &output)
            case .tagName: index = tagName(input, from: index, into: &output)
            case .tag: index = tag(input, from: index, into: &output)
            case .instruction: index = instruction(input, from: index, into: &output)
            }
        }
        valueEnd -= input.count
        // A chunk that ends inside a start tag: the tag is read again with the next chunk, which
        // may show that it is none.
        if let start = tagStart, mode == .tagName || mode == .tag,
            input.count - start.input <= XMLSanitizer.heldTagBytes
        {
            openElements.dropName()
            output.removeSubrange(start.output...)
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: input[start.input...]))
            mode = .content
            attribute = .none
        }
    }

    /// What ends the text at the file's end: a terminal escape sequence's text held back at
    /// the last chunk's end, read now, and `]]>` when a CDATA section is still open (a
    /// download cut short inside one).
    mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if pendingIsSequence {
            let held = pending
            pending = []
            pendingIsSequence = false
            inputBytes -= held.count
            atFileEnd = true
            held.withUnsafeBytes { process($0, into: &output) }
        }
        guard mode == .cdata else { return output }
        mode = .content
        output.append(contentsOf: "]]>".utf8)
        return output
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ text: StaticString)
        -> Bool
    {
        let count = text.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<count where input[index + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    /// Whether the chunk ends in the first bytes of `marker` from `index` on, but not all of them.
    private static func endsShort(of marker: StaticString, _ input: UnsafeBufferPointer<UInt8>, _ index: Int)
        -> Bool
    {
        let rest = input.count - index
        guard rest < marker.utf8CodeUnitCount else { return false }
        let pointer = marker.utf8Start
        for offset in 0..<rest where input[index + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        FeedItemDraft.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func appendNewlines(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to output: inout [UInt8]
    ) {
        for index in range where input[index] == 0x0A { output.append(0x0A) }
    }

    private mutating func prolog(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            guard byte == UInt8(ascii: "<") else {
                if byte == 0x0A { output.append(0x0A) }
                index += 1
                continue
            }
            if XMLSanitizer.endsShort(of: "<!DOCTYPE", input, index)
                || XMLSanitizer.endsShort(of: "<!--", input, index)
                || XMLSanitizer.endsShort(of: "<?", input, index)
            {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: input[index...]))
                return input.count
            }
            if XMLSanitizer.matches(input, index, "<!--") {
                mode = .comment
                markupTail = (0, 0)
                modeAfterComment = .prolog
                return index + 4
            }
            if XMLSanitizer.matches(input, index, "<!DOCTYPE") {
                mode = .doctype
                doctypeText = []
                doctypeDepth = 0
                doctypeQuote = 0
                return index + 9
            }
            if XMLSanitizer.matches(input, index, "<?") {
                var end = index + 2
                while end < input.count
                    && !(input[end] == UInt8(ascii: ">") && input[end - 1] == UInt8(ascii: "?"))
                {
                    end += 1
                }
                end = min(end + 1, input.count)
                // Processing instructions carry nothing a reader needs, and FoundationXML crashes
                // on one without data (`<?x?>`): all of them go, the declaration too.
                XMLSanitizer.appendNewlines(input, index..<end, to: &output)
                index = end
                continue
            }
            if index + 1 < input.count && XMLSanitizer.isNameStart(input[index + 1]) {
                mode = .content
                return index
            }
            index += 1
        }
        return index
    }

    private mutating func comment(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            if byte == 0x0A {
                output.append(0x0A)
            } else if byte == UInt8(ascii: ">") && endsMarker(UInt8(ascii: "-"), input, start, index) {
                mode = modeAfterComment
                return index + 1
            }
            index += 1
        }
        keepTail(input, start)
        return index
    }

    /// Whether the two bytes before `index` (in this chunk from `start`, or the last one's
    /// tail) are `byte` twice: a `>` there ends a comment or CDATA section.
    private func endsMarker(_ byte: UInt8, _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int)
        -> Bool
    {
        let last = index - 1 >= start ? input[index - 1] : markupTail.1
        let before = index - 2 >= start ? input[index - 2] : index - 1 >= start ? markupTail.1 : markupTail.0
        return last == byte && before == byte
    }

    /// Keeps the last two bytes of a chunk that ends inside a comment or CDATA section.
    private mutating func keepTail(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) {
        let count = input.count
        if count - start >= 2 {
            markupTail = (input[count - 2], input[count - 1])
        } else if count - start == 1 {
            markupTail = (markupTail.1, input[count - 1])
        }
    }

    private mutating func doctype(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            doctypeText.append(byte)
            if byte == 0x0A { output.append(0x0A) }
            index += 1
            if doctypeQuote != 0 {
                if byte == doctypeQuote { doctypeQuote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                doctypeQuote = byte
            } else if byte == UInt8(ascii: "[") {
                doctypeDepth += 1
            } else if byte == UInt8(ascii: "]") {
                doctypeDepth = max(0, doctypeDepth - 1)
            } else if byte == UInt8(ascii: ">") && doctypeDepth == 0 {
                readEntityDeclarations()
                mode = .prolog
                return index
            }
        }
        return index
    }

    /// Remembers `<!ENTITY name "value">` declarations of the internal subset, the entities
    /// their values refer to expanded in them (see ``XMLEntityExpansion``).
    private mutating func readEntityDeclarations() {
        let text = String(decoding: doctypeText, as: UTF8.self)
        var rest = text[...]
        var names: [String] = []
        while let range = rest.range(of: "<!ENTITY") {
            rest = rest[range.upperBound...]
            let words = rest.drop { $0.isWhitespace }
            guard let first = words.first, first != "%" else { continue }
            let name = words.prefix { !$0.isWhitespace }
            let afterName = words.dropFirst(name.count).drop { $0.isWhitespace }
            guard let quote = afterName.first, quote == "\"" || quote == "'" else { continue }
            let value = afterName.dropFirst().prefix { $0 != quote }
            entities[String(name)] = Array(value.utf8)
            names.append(String(name))
        }
        entities = XMLEntityExpansion.values(of: entities, names: names)
    }

    private mutating func cdata(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        var runStart = start
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: ">") && endsMarker(UInt8(ascii: "]"), input, start, index) {
                cdataSections.append(UnsafeBufferPointer(rebasing: input[runStart...index]), to: &output)
                mode = .content
                return index + 1
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                cdataSections.append(UnsafeBufferPointer(rebasing: input[runStart..<index]), to: &output)
                runStart = index + 1
                if byte == 0x1B,
                    let end = escapeSequenceEnd(input, at: index, limit: input.count, inCDATA: true)
                {
                    // A terminal escape sequence goes whole (``XMLEscapeSequence``), a hyperlink's
                    // start or end marked (``XMLHyperlinkMark``).
                    if markHyperlink(
                        input, from: index, to: end, limit: input.count, inCDATA: true, into: &output)
                    {
                        cdataSections.open()
                    }
                    index = end
                    runStart = end
                    continue
                }
            }
            index += 1
        }
        cdataSections.append(UnsafeBufferPointer(rebasing: input[runStart..<index]), to: &output)
        keepTail(input, start)
        return index
    }

    private mutating func content(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        let count = input.count
        guard let base = input.baseAddress else { return count }
        let found = memchr(base + start, Int32(UInt8(ascii: "<")), count - start)
        let runEnd = found.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? count
        if runEnd > start { text(input, start..<runEnd, into: &output) }
        guard runEnd < count else { return count }
        if XMLSanitizer.endsShort(of: "<![CDATA[", input, runEnd)
            || XMLSanitizer.endsShort(of: "<!--", input, runEnd)
            || XMLSanitizer.endsShort(of: "<?", input, runEnd)
        {
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: input[runEnd...]))
            return count
        }
        if XMLSanitizer.matches(input, runEnd, "<![CDATA[") {
            output.append(contentsOf: "<![CDATA[".utf8)
            mode = .cdata
            cdataSections.open()
            markupTail = (0, 0)
            return runEnd + 9
        }
        if XMLSanitizer.matches(input, runEnd, "<!--") {
            mode = .comment
            markupTail = (0, 0)
            modeAfterComment = .content
            return runEnd + 4
        }
        if XMLSanitizer.matches(input, runEnd, "<?") {
            mode = .instruction
            instructionLastByte = 0
            return runEnd + 2
        }
        mode = .tagName
        tagName = .none
        tagStart = (runEnd, output.count)
        endTagName.removeAll(keepingCapacity: true)
        elementName.start()
        return runEnd + 1
    }

    /// Whether `byte` ends a tag's name.
    @inline(__always)
    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || byte == 0x0A || byte == 0x09
            || byte == 0x0D
    }

    /// After a `<`, up to the end of the tag's name: what the tag does is known then.
    private mutating func tagName(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        if case .none = tagName {
            if input[index] == UInt8(ascii: "/") {
                tagName = .end
                tagStart = nil
                index += 1
                guard index < input.count else { return index }
            } else if !XMLSanitizer.isNameStart(input[index]) {
                // A `<` that starts no tag (`a < b`, `<3`, `<!x`: a CDATA section or comment was
                // found before) is text, as browsers read it: the parser took it for a broken
                // tag, and the item it was in was lost.
                output.append(contentsOf: "&lt;".utf8)
                mode = .content
                return index
            } else {
                output.append(UInt8(ascii: "<"))
                tagName = .start
            }
        }
        if case .end = tagName, endTagName.isEmpty, !XMLSanitizer.isNameStart(input[index]) {
            output.append(contentsOf: "</".utf8)
            return beginTag(.other, at: index)
        }
        let nameStart = index
        while index < input.count && !XMLSanitizer.endsName(input[index]) { index += 1 }
        var name = UnsafeBufferPointer(rebasing: input[nameStart..<index])
        if case .start = tagName, tagStart != nil, !name.dropFirst().allSatisfy(XMLSanitizer.isNameByte) {
            return tagIsText(into: &output)
        }
        // A name longer than libxml2 reads is cut, its end tag's alike (`XMLLongName`).
        name = UnsafeBufferPointer(rebasing: name[0..<elementName.keptCount(of: name)])
        if case .start = tagName {
            output.append(contentsOf: name)
            openElements.appendName(name)
            guard index < input.count else { return index }
            return beginTag(openElements.pendingNameIsVoid ? .void : .start, at: index)
        }
        endTagName.append(contentsOf: name)
        guard index < input.count else { return index }
        switch openElements.endTag(endTagName) {
        case .drop: return beginTag(.dropped, at: index)
        case .closes(let count): openElements.close(count, writingTo: &output)
        case .keep: break
        }
        openElements.removeInnermost()
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: endTagName)
        return beginTag(.end, at: index)
    }

    /// Reads the rest of a tag from `index` as `kind` says.
    private mutating func beginTag(_ kind: TagKind, at index: Int) -> Int {
        mode = .tag
        tagKind = kind
        tagQuote = 0
        tagLastByte = 0
        attributesRead = 0
        droppingAttributes = false
        tagBytes = 0
        switch kind {
        case .start, .void: attribute = .beforeName
        case .end, .dropped, .other: attribute = .none
        }
        return index
    }

    /// Takes back the start tag being read, which breaks before its end (`if x<y then z</p>`,
    /// `x<y's`, `<p "x">`: the parser stopped there, and the item it was in was lost): its `<`
    /// is written as `&lt;` and what followed it is read again as text.
    private mutating func tagIsText(into output: inout [UInt8]) -> Int {
        guard let start = tagStart else { return 0 }
        tagStart = nil
        openElements.dropName()
        output.removeSubrange(start.output...)
        output.append(contentsOf: "&lt;".utf8)
        mode = .content
        attribute = .none
        return start.input + 1
    }

    /// Inside a processing instruction in the content, dropped up to its `?>` (line breaks kept).
    private mutating func instruction(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == 0x0A { output.append(0x0A) }
            if byte == UInt8(ascii: ">") && instructionLastByte == UInt8(ascii: "?") {
                mode = .content
                return index
            }
            instructionLastByte = byte
        }
        return index
    }

    /// Inside a tag, up to its `>` (not one inside a quoted attribute value).
    private mutating func tag(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        if case .dropped = tagKind { return droppedTag(input, from: start, into: &output) }
        var index = start
        var runStart = start
        var nameStart = start
        tagOutputBase = output.count - tagBytes
        if case .unquotedValueSlash = attribute {
            if input[index] == UInt8(ascii: ">") {
                output.append(contentsOf: "\"/".utf8)
                attribute = .beforeName
            } else {
                attribute = .unquotedValue
                if !valueIsCut { output.append(UInt8(ascii: "/")) }
            }
        }
        while index < input.count {
            let byte = input[index]
            if droppingAttributes {
                // Past the last attribute kept: read to the tag's end, and nothing written but it
                // and the line breaks (line numbers stay the file's).
                if endsTagOutsideQuotes(byte) {
                    attribute = .none
                    return closeTag(input, index..<index, at: index, from: start, into: &output)
                }
                if byte == 0x0A { output.append(0x0A) }
                index += 1
                runStart = index
                continue
            }
            if tagQuote == 0 && (byte == 0x20 || byte == 0x09 || byte == 0x0D) && attribute.isBetween
                && XMLSanitizer.isTagSpace(index > start ? input[index - 1] : tagLastByte)
            {
                // White space after white space, between attributes: left out.
                XMLSanitizer.flush(input, index, &runStart, into: &output)
                index += 1
                runStart = index
                continue
            }
            if tagQuote != 0 {
                if index >= valueEnd && byte != tagQuote && (valueIsCut || !UTF8.isContinuation(byte)) {
                    index = cutQuotedValue(input, index, &runStart, into: &output)
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    // XML allows no "<" in a value (`title="a<b"`: the item was lost).
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                    output.append(contentsOf: "&lt;".utf8)
                    runStart = index + 1
                    valueEnd -= 3
                } else if byte == tagQuote {
                    tagQuote = 0
                    // Where attributes are not followed one by one, each quoted value counts.
                    if case .none = attribute {
                        attributesRead += 1
                        if attributesRead >= XMLSanitizer.maxAttributes
                            || output.count - tagOutputBase + index - runStart >= maxTagBytes
                        {
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...index]))
                            runStart = index + 1
                            droppingAttributes = true
                        }
                    }
                    if cutLines > 0 {
                        XMLSanitizer.flush(input, index + 1, &runStart, into: &output)
                        output.append(contentsOf: repeatElement(0x0A, count: cutLines))
                        cutLines = 0
                    }
                }
            } else if case .none = attribute {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    tagQuote = byte
                    openValue(at: index + 1)
                } else if byte == UInt8(ascii: ">") {
                    return closeTag(input, runStart..<index, at: index, from: start, into: &output)
                }
            } else {
                let inValue = attribute == .unquotedValue
                if inValue && index >= valueEnd && (valueIsCut || !UTF8.isContinuation(byte))
                    && !endsCutValue(input, index)
                {
                    // The rest of a value cut is left out, up to a byte that may end it.
                    valueIsCut = true
                    XMLSanitizer.flush(input, index, &runStart, into: &output)
                    index += 1
                    while index < input.count {
                        let next = input[index]
                        if next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D
                            || next == UInt8(ascii: ">")
                            || (next == UInt8(ascii: "/")
                                && (index + 1 == input.count || input[index + 1] == UInt8(ascii: ">")))
                        {
                            break
                        }
                        index += 1
                    }
                    runStart = index
                    continue
                }
                let wasBeforeName = attribute == .beforeName
                if attributeByte(input, index, &runStart, &nameStart, into: &output) {
                    index += 1
                    continue
                }
                // A quote where an attribute's name goes (`<p "x">`) is no attribute either.
                if tagStart != nil,
                    attribute == .none
                        || (wasBeforeName && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")))
                {
                    return tagIsText(into: &output)
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    tagQuote = byte
                    openValue(at: index + 1)
                } else if byte == UInt8(ascii: ">") {
                    endTag(
                        input, runStart..<index,
                        closedByItself: !inValue
                            && (index > start ? input[index - 1] : tagLastByte) == UInt8(ascii: "/"),
                        into: &output)
                    mode = .content
                    return index + 1
                }
            }
            if tagQuote != 0, byte == 0x1B || byte == UInt8(ascii: "&"),
                let end = quotedEscapeSequenceEnd(input, at: index)
            {
                // A terminal escape sequence goes whole (``XMLEscapeSequence``).
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                index = end
                runStart = end
                continue
            }
            if byte == UInt8(ascii: "&") {
                let (length, reference) = self.reference(input, at: index)
                if let rewritten = XMLSanitizer.rewritten(reference) {
                    if rewritten.count > length && (tagQuote != 0 || attribute == .unquotedValue) {
                        // A value is cut before a reference whose text would take it past its
                        // most bytes (an internal entity's can be megabytes).
                        if valueEnd - index < rewritten.count {
                            valueEnd = index
                            continue
                        }
                        valueEnd -= rewritten.count - length
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                    output.append(contentsOf: rewritten)
                    runStart = index + length
                }
                index += length
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        if case .name = attribute {
            let kept =
                nameStart
                + attributeNameLength.keptCount(of: UnsafeBufferPointer(rebasing: input[nameStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<kept]))
            attributeName.append(contentsOf: UnsafeBufferPointer(rebasing: input[nameStart..<kept]))
        } else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        }
        if index > start { tagLastByte = input[index - 1] }
        tagBytes = output.count - tagOutputBase
        return index
    }

    /// Where the terminal escape sequence at `index` in a quoted value ends; nil when none
    /// starts there.
    private mutating func quotedEscapeSequenceEnd(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int?
    {
        guard XMLEscapeSequence.mayStart(input, at: index), XMLEscapeSequence.isEscape(input, at: index),
            let base = input.baseAddress
        else { return nil }
        let quote = memchr(base + index, Int32(tagQuote), input.count - index)
        let limit = quote.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? input.count
        return escapeSequenceEnd(input, at: index, limit: limit, inCDATA: false, mayHold: false)
    }

    /// An attribute value starts at `index`.
    private mutating func openValue(at index: Int) {
        valueEnd = index + maxValueBytes
        valueIsCut = false
    }

    /// Cuts the quoted value being read at `index`, past its most bytes: the run before is
    /// written and the rest left out up to its closing quote, where reading goes on.
    private mutating func cutQuotedValue(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, into output: inout [UInt8]
    ) -> Int {
        valueIsCut = true
        XMLSanitizer.flush(input, index, &runStart, into: &output)
        var end = input.count
        if let base = input.baseAddress,
            let found = memchr(base + index, Int32(tagQuote), input.count - index)
        {
            end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
        for offset in index..<end where input[offset] == 0x0A { cutLines += 1 }
        runStart = end
        return end
    }

    /// Whether `input[index]` ends an unquoted value that was cut (a space, the tag's `>`, or
    /// a `/` that may close the element), rather than being left out with it.
    private func endsCutValue(_ input: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        switch input[index] {
        case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "/"):
            return !slashIsValue && (index + 1 == input.count || input[index + 1] == UInt8(ascii: ">"))
        default:
            return false
        }
    }

    /// Whether a `/` before `>` in an unquoted value is the value's (as in HTML) rather than
    /// closing the element: a void element's, and a feed element's that holds nothing
    /// (`<enclosure … type=audio/mpeg/>`), outside a text element, is closed by it.
    private var slashIsValue: Bool {
        if case .start = tagKind {
            return openElements.isInsideTextElement || !openElements.pendingNameIsEmptyFeedElement
        }
        return false
    }

    /// Reads `input[index]`, outside quotes in a start tag, for its attributes: writes what
    /// the run up to it lacks (a value's quotes, a missing value). True when the byte is
    /// taken (written or held back); false when the caller reads it as before (a quote, the
    /// tag's `>`, an `&`).
    @inline(__always)
    private mutating func attributeByte(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, _ nameStart: inout Int,
        into output: inout [UInt8]
    ) -> Bool {
        let byte = input[index]
        let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        let endsTag = byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        switch attribute {
        case .none, .unquotedValueSlash:
            return false
        case .beforeName:
            break
        case .name:
            if byte == UInt8(ascii: "=") {
                endAttributeName(input, index, &runStart, nameStart, into: &output)
                attribute = .afterEquals
            } else if isSpace || endsTag {
                let kept = endAttributeName(input, index, &runStart, nameStart, into: &output)
                attributeName.append(contentsOf: UnsafeBufferPointer(rebasing: input[nameStart..<kept]))
                attribute = .afterName
                if endsTag { valueless(input, index, &runStart, into: &output) }
            } else if !XMLSanitizer.isNameByte(byte) {
                attribute = .none
            }
            return false
        case .afterName:
            if isSpace { return false }
            if byte == UInt8(ascii: "=") {
                attribute = .afterEquals
                return false
            }
            valueless(input, index, &runStart, into: &output)
            if endsTag { return false }
            output.append(0x20)
        case .afterEquals:
            if isSpace { return false }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                attribute = .beforeName
                return false
            }
            XMLSanitizer.flush(input, index, &runStart, into: &output)
            if byte == UInt8(ascii: ">") {
                output.append(contentsOf: "\"\"".utf8)
                attribute = .beforeName
                return false
            }
            output.append(UInt8(ascii: "\""))
            attribute = .unquotedValue
            openValue(at: index)
            return unquotedValueByte(input, index, &runStart, into: &output)
        case .unquotedValue:
            return unquotedValueByte(input, index, &runStart, into: &output)
        }
        // Between attributes.
        if isSpace || endsTag || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return false }
        if XMLSanitizer.isNameStart(byte) {
            attributesRead += 1
            if attributesRead > XMLSanitizer.maxAttributes
                || output.count - tagOutputBase + index - runStart >= maxTagBytes
            {
                // The rest of the tag is left out from this name on.
                XMLSanitizer.flush(input, index, &runStart, into: &output)
                runStart = index + 1
                attribute = .none
                droppingAttributes = true
                return true
            }
            attribute = .name
            nameStart = index
            attributeName.removeAll(keepingCapacity: true)
            attributeNameLength.start()
        } else {
            attribute = .none
        }
        return false
    }

    /// Ends the attribute name read from `nameStart` at `index`, cut when too long (the rest
    /// of it left out of the run, see `XMLLongName`); returns where its kept part ends.
    @discardableResult
    private mutating func endAttributeName(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, _ nameStart: Int,
        into output: inout [UInt8]
    ) -> Int {
        let kept =
            nameStart
            + attributeNameLength.keptCount(of: UnsafeBufferPointer(rebasing: input[nameStart..<index]))
        if kept < index {
            XMLSanitizer.flush(input, kept, &runStart, into: &output)
            runStart = index
        }
        return kept
    }

    /// White space in a tag: space, tab, line feed, carriage return.
    @inline(__always)
    private static func isTagSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || FeedItemDraft.isDigit(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    /// Writes the run up to `index`.
    @inline(__always)
    private static func flush(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, into output: inout [UInt8]
    ) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        runStart = index
    }

    /// Gives the attribute just read, which has no value, its name for one.
    private mutating func valueless(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, into output: inout [UInt8]
    ) {
        XMLSanitizer.flush(input, index, &runStart, into: &output)
        output.append(contentsOf: "=\"".utf8)
        output.append(contentsOf: attributeName)
        output.append(UInt8(ascii: "\""))
        attribute = .beforeName
    }

    /// Reads a byte of an unquoted attribute value, whose opening quote is written.
    @inline(__always)
    private mutating func unquotedValueByte(
        _ input: UnsafeBufferPointer<UInt8>, _ index: Int, _ runStart: inout Int, into output: inout [UInt8]
    ) -> Bool {
        let byte = input[index]
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: ">"):
            XMLSanitizer.flush(input, index, &runStart, into: &output)
            output.append(UInt8(ascii: "\""))
            attribute = .beforeName
            return false
        case UInt8(ascii: "\""), UInt8(ascii: "<"):
            XMLSanitizer.flush(input, index, &runStart, into: &output)
            output.append(contentsOf: byte == UInt8(ascii: "<") ? "&lt;".utf8 : "&quot;".utf8)
            valueEnd -= byte == UInt8(ascii: "<") ? 3 : 5
            runStart = index + 1
            return true
        case UInt8(ascii: "'"):
            return true
        case UInt8(ascii: "/"):
            // Before `>`, a `/` closes a void element, and a feed element that holds nothing
            // (`<enclosure … type=audio/mpeg/>`: the item was lost); elsewhere it is the value's,
            // as in HTML (`<a href=http://x/>`, `<source url=http://s/>Name</source>`).
            if slashIsValue { return true }
            if index + 1 < input.count {
                if input[index + 1] == UInt8(ascii: ">") {
                    XMLSanitizer.flush(input, index, &runStart, into: &output)
                    output.append(UInt8(ascii: "\""))
                    attribute = .beforeName
                }
                return true
            }
            XMLSanitizer.flush(input, index, &runStart, into: &output)
            runStart = index + 1
            attribute = .unquotedValueSlash
            return true
        default:
            return false
        }
    }

    /// Writes the end of a tag, `input[run]` then its `>`, and opens its element when it
    /// opens one.
    private mutating func endTag(
        _ input: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, closedByItself: Bool,
        into output: inout [UInt8]
    ) {
        tagStart = nil
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run]))
        switch tagKind {
        case .start:
            if closedByItself { openElements.dropName() } else { openElements.open() }
        case .void:
            openElements.dropName()
            if !closedByItself { output.append(UInt8(ascii: "/")) }
        case .end, .dropped, .other:
            break
        }
        output.append(UInt8(ascii: ">"))
    }

    /// Inside an end tag left out, up to its `>` (line breaks kept).
    private mutating func droppedTag(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]
    ) -> Int {
        var index = start
        while index < input.count {
            let byte = input[index]
            index += 1
            if endsTagOutsideQuotes(byte) {
                mode = .content
                return index
            }
            if byte == 0x0A { output.append(0x0A) }
        }
        return index
    }

    /// Ends the tag at its `>` at `index` (the chunk's text from `start`), writing `run` before
    /// it; returns where the content goes on.
    private mutating func closeTag(
        _ input: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, at index: Int, from start: Int,
        into output: inout [UInt8]
    ) -> Int {
        endTag(
            input, run, closedByItself: (index > start ? input[index - 1] : tagLastByte) == UInt8(ascii: "/"),
            into: &output)
        mode = .content
        return index + 1
    }

    /// Follows `byte` of a tag's text for quotes: true when it is the `>` that ends the tag.
    private mutating func endsTagOutsideQuotes(_ byte: UInt8) -> Bool {
        if tagQuote != 0 {
            if byte == tagQuote { tagQuote = 0 }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            tagQuote = byte
        } else if byte == UInt8(ascii: ">") {
            return true
        }
        return false
    }

    /// The high bit of each of 8 bytes that may be an `&` or below 0x20, none when none is.
    /// Only the lowest is sure (a borrow may flag a byte after it): the bytes before it are
    /// neither, and are skipped.
    @inline(__always)
    private static func mayNeedWork(_ word: UInt64) -> UInt64 {
        let ampersands = word ^ 0x2626_2626_2626_2626
        let zeroAmpersand = (ampersands &- 0x0101_0101_0101_0101) & ~ampersands
        let below32 = (word &- 0x2020_2020_2020_2020) & ~word
        return (zeroAmpersand | below32) & 0x8080_8080_8080_8080
    }

    /// Text between tags. Text with references becomes a CDATA section of the characters
    /// they stand for: the parser then hands it over in one piece instead of one call per
    /// reference, which is most of the cost of entity-escaped HTML.
    private mutating func text(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]
    ) {
        var index = range.lowerBound
        var hasReference = false
        var hasControl = false
        let raw = UnsafeRawBufferPointer(input)
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let flags = XMLSanitizer.mayNeedWork(
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if flags == 0 {
                    index += 8
                    continue
                }
                // On to the first byte that may need work (read little-endian: the lowest is first).
                index += flags.trailingZeroBitCount >> 3
            }
            let byte = input[index]
            if byte == UInt8(ascii: "&") {
                hasReference = true
                break
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { hasControl = true }
            index += 1
        }
        if !hasReference && !hasControl {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
            return
        }
        let sectionStart = output.count
        if hasReference { output.append(contentsOf: "<![CDATA[".utf8) }
        // Whether the section will hold the characters alone, to be set aside for the reader
        // (``XMLTextAside``): not one cut by a hyperlink's mark or by `]]>`, nor an internal
        // entity's text (it may hold what XML refuses, and the parser's break is kept).
        var setsAside = hasReference && textAside != nil && openElements.isInsideTextElement
        index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            if index + 8 <= range.upperBound {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let closers = word ^ 0x3E3E_3E3E_3E3E_3E3E
                let flags =
                    (closers &- 0x0101_0101_0101_0101) & ~closers & 0x8080_8080_8080_8080
                    | XMLSanitizer.mayNeedWork(word)
                if flags == 0 {
                    index += 8
                    continue
                }
                // On to the first byte that may be a `>` or need work, as above.
                index += flags.trailingZeroBitCount >> 3
            }
            let byte = input[index]
            if byte == 0x1B || (byte == UInt8(ascii: "&") && XMLEscapeSequence.mayStart(input, at: index)),
                let end = escapeSequenceEnd(input, at: index, limit: range.upperBound, inCDATA: false)
            {
                // A terminal escape sequence goes whole (``XMLEscapeSequence``), a hyperlink's
                // start or end marked (``XMLHyperlinkMark``).
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                setsAside = false
                markHyperlink(
                    input, from: index, to: end, limit: range.upperBound, inCDATA: false,
                    closingCDATA: hasReference, into: &output)
                index = end
                runStart = end
                continue
            }
            if byte == UInt8(ascii: "&") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                let (length, reference) = self.reference(input, at: index)
                switch reference {
                case .keep(let value), .scalar(let value):
                    if value == UInt32(UInt8(ascii: ">")) && XMLSanitizer.breakCDATAIfNeeded(&output) {
                        setsAside = false
                    }
                    FeedTextDecoder.appendScalar(value, to: &output)
                case .text(let bytes):
                    setsAside = false
                    output.append(contentsOf: bytes)
                case .bare:
                    output.append(UInt8(ascii: "&"))
                case .control:
                    break
                }
                index += length
                runStart = index
                continue
            }
            if byte == UInt8(ascii: ">") && hasReference {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                if XMLSanitizer.breakCDATAIfNeeded(&output) { setsAside = false }
                runStart = index
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
            }
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
        if hasReference { output.append(contentsOf: "]]>".utf8) }
        if setsAside { setAside(sectionFrom: sectionStart, in: &output) }
    }

    /// Sets the characters of the CDATA section written from `start` aside for the reader
    /// (``XMLTextAside``), its mark in its place; an empty one, or one holding U+FFFE or U+FFFF
    /// (libxml2 refuses them, and its break is kept), stays.
    private mutating func setAside(sectionFrom start: Int, in output: inout [UInt8]) {
        let textStart = start + 9
        let textEnd = output.count - 3
        guard textEnd > textStart, textAside != nil else { return }
        let taken = output.withUnsafeBufferPointer {
            textAside?.take(UnsafeBufferPointer(rebasing: $0[textStart..<textEnd]))
        }
        guard let taken else { return }
        output.removeSubrange(start...)
        XMLTextAside.writeMark(taken, into: &output)
    }

    /// Where the terminal escape sequence at `index` ends (``XMLEscapeSequence``), in text up
    /// to `limit`; nil when none starts there. Where `limit` is the chunk's end and the
    /// sequence may run on past it, it is held back to be read again in front of the next
    /// chunk (or at the file's end, see ``finish()``), and its end is `limit`; a tag's value is
    /// never held (`mayHold` false: its tag is read again whole, see ``process(_:into:)``).
    private mutating func escapeSequenceEnd(
        _ input: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int, inCDATA: Bool, mayHold: Bool = true
    ) -> Int? {
        let final =
            !mayHold || limit < input.count || atFileEnd || limit - index > XMLSanitizer.heldTagBytes
        switch XMLEscapeSequence.end(in: input, at: index, limit: limit, inCDATA: inCDATA, final: final) {
        case nil:
            return nil
        case .at(let end):
            return end
        case .pastLimit:
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<limit]))
            pendingIsSequence = true
            return limit
        }
    }

    /// Writes the mark of the OSC 8 hyperlink whose sequence is `input[start..<end]`
    /// (``XMLHyperlinkMark``), outside the CDATA section the output is in when `inCDATA` or
    /// `closingCDATA`; nothing for another sequence, or one held back whole (`end` is `limit`)
    /// to be read with the next chunk. Whether a mark was written.
    @discardableResult
    private func markHyperlink(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, limit: Int, inCDATA: Bool,
        closingCDATA: Bool = false, into output: inout [UInt8]
    ) -> Bool {
        guard !(pendingIsSequence && end == limit),
            let address = XMLEscapeSequence.hyperlinkTarget(in: input, from: start, to: end, inCDATA: inCDATA)
        else { return false }
        XMLHyperlinkMark.write(address, inCDATA: inCDATA || closingCDATA, into: &output)
        return true
    }

    /// Ends and restarts the CDATA section when a `>` would follow `]]`; whether it did.
    @discardableResult
    private static func breakCDATAIfNeeded(_ output: inout [UInt8]) -> Bool {
        let count = output.count
        if count >= 2 && output[count - 1] == UInt8(ascii: "]") && output[count - 2] == UInt8(ascii: "]") {
            output.append(contentsOf: "]]><![CDATA[".utf8)
            return true
        }
        return false
    }

    /// What a reference stands for.
    private enum Reference {
        /// A reference XML accepts as written (`&lt;`, `&#8217;`), and its character.
        case keep(UInt32)
        /// A character whose reference XML does not accept (`&nbsp;`, `&#146;`).
        case scalar(UInt32)
        /// An internal DTD entity's replacement text.
        case text([UInt8])
        /// An `&` that starts no reference.
        case bare
        /// A C0 control that is no white space (`&#7;`): nothing is written.
        case control
    }

    /// The reference to write for one that XML does not accept as written; nil when it does.
    private static func rewritten(_ reference: Reference) -> [UInt8]? {
        switch reference {
        case .keep: return nil
        case .scalar(let value): return Array("&#\(value);".utf8)
        case .text(let bytes): return bytes
        case .bare: return Array("&amp;".utf8)
        case .control: return []
        }
    }

    /// The reference at `index` (an `&`): its length in bytes and what it stands for.
    private mutating func reference(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Reference) {
        var end = index + 1
        let count = input.count
        if end < count && input[end] == UInt8(ascii: "#") {
            end += 1
            let hex = end < count && input[end] | 0x20 == UInt8(ascii: "x")
            if hex { end += 1 }
            var value: UInt32 = 0
            let digitsStart = end
            while end < count && end - digitsStart < 8 {
                let byte = input[end]
                if FeedItemDraft.isDigit(byte) {
                    value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
                } else if hex && (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f") {
                    value = value * 16 + UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                } else {
                    break
                }
                end += 1
            }
            guard end > digitsStart, end < count, input[end] == UInt8(ascii: ";") else { return (1, .bare) }
            let length = end + 1 - index
            if let mapped = HTMLEntityTable.windows1252(value) { return (length, .scalar(mapped)) }
            let allowed =
                value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0xD7FF)
                || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
            if allowed { return (length, .keep(value)) }
            // A control referenced alone (`&#7;`, `&#0;`) goes, as a raw one does and as
            // ``TerminalSanitizer`` removes it: it showed as U+FFFD. Whatever else XML refuses
            // (a surrogate, U+FFFE) is U+FFFD.
            return (length, value < 0x20 ? .control : .scalar(0xFFFD))
        }
        while end < count && end - index <= 40 {
            let byte = input[end]
            guard
                FeedItemDraft.isLetter(byte) || FeedItemDraft.isDigit(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
            else { break }
            end += 1
        }
        guard end > index + 1, end < count, input[end] == UInt8(ascii: ";") else { return (1, .bare) }
        let length = end + 1 - index
        let name = UnsafeBufferPointer(rebasing: input[index + 1..<end])
        if let value = XMLSanitizer.predefined(name) { return (length, .keep(value)) }
        let text = String(decoding: name, as: UTF8.self)
        if let value = entities[text] {
            // Past the allowance, the reference stays as written (a bare `&`, then its name).
            guard expandedBytes + value.count <= XMLSanitizer.entityExpansionAllowance + 2 * inputBytes else {
                return (1, .bare)
            }
            expandedBytes += value.count
            return (length, .text(value))
        }
        if let value = HTMLEntityTable.codePoints[text] { return (length, .scalar(value)) }
        return (1, .bare)
    }

    /// The character of `lt`, `gt`, `amp`, `quot` or `apos`.
    static func predefined(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        switch name.count {
        case 2 where name[1] == UInt8(ascii: "t"):
            if name[0] == UInt8(ascii: "l") { return 0x3C }
            if name[0] == UInt8(ascii: "g") { return 0x3E }
            return nil
        case 3:
            return name.elementsEqual("amp".utf8) ? 0x26 : nil
        case 4:
            if name.elementsEqual("quot".utf8) { return 0x22 }
            if name.elementsEqual("apos".utf8) { return 0x27 }
            return nil
        default:
            return nil
        }
    }
}
