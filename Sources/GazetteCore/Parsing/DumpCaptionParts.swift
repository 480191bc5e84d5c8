import Foundation

/// What a dump story's caption lines, as shown, say: a byline and its day where the caption
/// goes (``DumpCaptionByline``), a day alone (``DumpCaptionDate``), and the caption's lines
/// left.
struct DumpCaptionParts {
    /// The caption's lines that are none of the others.
    private(set) var caption: [String] = []
    /// Who wrote the story, when a byline is among the lines.
    private(set) var author: String?
    /// The day the lines name, if they name one.
    private(set) var date: Date?

    /// What `parts`, the caption's lines decoded, say; `readingDates`: false to leave lines
    /// that only name a day among the caption's (none credits anyone; a list of headlines, which
    /// asks every story's credits, has no use for its date).
    init(_ parts: [String], readingDates: Bool = true) {
        if let byline = DumpCaptionByline(parts) {
            author = byline.author
            date = byline.date
            return
        }
        guard readingDates else {
            caption = parts
            return
        }
        for part in parts {
            if let day = DumpCaptionDate.day(part) {
                date = date ?? day
            } else {
                caption.append(part)
            }
        }
        // The day above the byline.
        if date != nil, let byline = DumpCaptionByline(caption), byline.date == nil {
            author = byline.author
            caption = []
        }
    }
}
