/// Cuts an element or attribute name that is longer than libxml2 reads, a part at a time.
///
/// libxml2 stops at a name (or a namespace prefix) over 50,000 bytes unless all of its limits
/// are lifted (`XML_PARSE_HUGE`, which lifts those on nesting and entity expansion too): the
/// item it was in was lost, and every later story of the file when it came first (found by
/// QA). Past ``maxBytes`` the name is cut at the first character's start that follows no `:`
/// (a name may not end in one). The cut depends on the name's bytes alone, so a start tag and
/// its end tag are cut alike and still match; names up to ``maxBytes`` are left as they are.
struct XMLLongName {
    /// Most bytes kept of a name that the feeds are read with: a little under libxml2's
    /// 50,000, so that no name it read before is changed.
    static let defaultMaxBytes = 48 << 10

    /// Most bytes kept of a name, unless no place to cut is found sooner.
    let maxBytes: Int

    /// Bytes of the name kept so far.
    private var kept = 0
    private var lastByte: UInt8 = 0
    /// Whether the name was cut: the rest of it is left out.
    private(set) var isCut = false

    /// Names cut past `maxBytes` (tests give a small limit).
    init(maxBytes: Int = XMLLongName.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// A new name starts.
    mutating func start() {
        kept = 0
        lastByte = 0
        isCut = false
    }

    /// How many of `part`, the name's next bytes, are kept (all, until the name is too long).
    mutating func keptCount(of part: UnsafeBufferPointer<UInt8>) -> Int {
        if isCut { return 0 }
        if kept + part.count <= maxBytes {
            kept += part.count
            if let last = part.last { lastByte = last }
            return part.count
        }
        var index = max(0, maxBytes - kept)
        while index < part.count {
            let before = index > 0 ? part[index - 1] : lastByte
            if !UTF8.isContinuation(part[index]) && before != UInt8(ascii: ":") {
                isCut = true
                break
            }
            index += 1
        }
        kept += index
        if index > 0 { lastByte = part[index - 1] }
        return index
    }
}
