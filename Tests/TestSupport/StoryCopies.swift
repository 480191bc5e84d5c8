import Foundation
import GazetteCore

/// One dump story laid out three ways that show alike and share one id: plainly, with a tab
/// for a space in its first paragraph, and with one in its title. Each of the two with a tab
/// carries the id earlier versions gave it (its previous id), each another; a file holds a
/// copy and a story of its own (an older scrape and a newer one of the same news).
public enum StoryCopies {
    /// How a copy of the story is laid out.
    public enum Layout: String, CaseIterable, Sendable {
        case plain, tabInBody, tabInTitle
    }

    /// The story's id, whatever its layout.
    public static let id = ArticleID("b2b04887d753bac3")
    /// The title all copies show.
    public static let title = "Storm floods the old harbour district"

    /// The previous id a copy laid out so carries (none for the plain one).
    public static func previousID(_ layout: Layout) -> ArticleID? {
        switch layout {
        case .plain: return nil
        case .tabInBody: return ArticleID("bc497ebb025f3e62")
        case .tabInTitle: return ArticleID("d2a459446680bf71")
        }
    }

    /// The story laid out as `layout` says.
    public static func story(_ layout: Layout) -> String {
        let first = "The river rose two metres in the night and flooded the harbour district."
        return DumpText.article(
            title: layout == .tabInTitle ? "Storm floods the old\tharbour district" : title,
            caption: "Boats in a flooded street (AFP)",
            paragraphs: [
                layout == .tabInBody
                    ? first.replacingOccurrences(of: "The river", with: "The\triver") : first,
                "Residents were moved to schools on the hill, officials said.",
            ])
    }

    /// A dump holding a copy laid out as `layout`, then a story titled `other` of its own.
    public static func file(_ layout: Layout, other: String) -> String {
        story(layout) + "\n\n\n"
            + DumpText.article(title: other, caption: "A caption (AP)", paragraphs: ["\(other): the news."])
    }

    /// Writes a file of `file(_:other:)` for each layout of `layouts`, in `folder`, named in
    /// that order (`1-plain.txt`, `2-tabInBody.txt`: the order a folder is read in), the other
    /// story of each titled after its file; returns their paths in that order.
    public static func write(_ layouts: [Layout], in folder: URL) throws -> [String] {
        try layouts.enumerated().map { index, layout in
            let url = folder.appendingPathComponent("\(index + 1)-\(layout.rawValue).txt")
            try Data(file(layout, other: "News beside copy \(index + 1)").utf8).write(to: url)
            return url.path
        }
    }
}
