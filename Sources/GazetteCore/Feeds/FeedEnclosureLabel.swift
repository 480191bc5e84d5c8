/// What a feed says an item's enclosure is, shown beside its address in the story's links: its
/// media type and size ("audio (mpeg, 34 MB)"); it was an address alone at the list's end.
enum FeedEnclosureLabel {
    /// The label of an enclosure of MIME `type` ("audio/mpeg") and `length` in bytes; nil
    /// when neither says anything. The type's parameters (`; codecs="mp4a.40.2"`) are left out
    /// (they ran into the subtype: "mpegcodecsmp3"), only its letters, digits and `.+-` are
    /// kept, and a length under 1 KB (feeds put "0" or "1" where they do not know it) is left out.
    static func label(type: String?, length: String?) -> String? {
        let essence = (type ?? "").prefix { $0 != ";" }
        let kept = essence.lowercased().unicodeScalars.filter {
            $0.isASCII
                && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                    || "/.+-".unicodeScalars.contains($0))
        }
        let parts = String(String.UnicodeScalarView(kept)).prefix(60).split(
            separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
        var inside: [String] = []
        if parts.count == 2 { inside.append(String(parts[1])) }
        if let size = length.flatMap({ Int64(FeedItemDraft.trimmed($0)) }).flatMap(size) {
            inside.append(size)
        }
        guard let main = parts.first.map(String.init) else {
            return inside.isEmpty ? nil : inside.joined(separator: ", ")
        }
        return inside.isEmpty ? main : main + " (" + inside.joined(separator: ", ") + ")"
    }

    /// `bytes` in decimal units ("34 MB", "1.2 GB"); nil under 1 KB.
    private static func size(_ bytes: Int64) -> String? {
        guard bytes >= 1000 else { return nil }
        let units: [(Double, String)] = [(1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (scale, unit) in units where Double(bytes) >= scale {
            let value = Double(bytes) / scale
            let shown =
                value < 10 && unit == "GB"
                ? String(Double(Int(value * 10 + 0.5)) / 10) : String(Int(value + 0.5))
            return shown + " " + unit
        }
        return nil
    }
}
