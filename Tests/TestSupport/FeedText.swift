import Foundation
import GazetteCore

/// Builds feed text for tests.
public enum FeedText {
    /// An Atom feed of `count` entries with XHTML bodies, entry N holding `words(N)` filler
    /// words and, with `authors`, an author.
    public static func atom(
        entries count: Int, title: String, authors: Bool = false, words: (Int) -> Int = { _ in 0 }
    ) -> String {
        var text = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/base/">
            <title>\(title)</title>

            """
        for index in 1...count {
            let filler = String(repeating: " word", count: words(index))
            let author = authors ? "\n<author><name>Author \(index % 9)</name></author>" : ""
            text += """
                <entry><title>Entry \(index)</title><id>urn:e:\(index)</id><link href="e/\(index)"/>\(author)
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>\(index)</b>\(filler)</p></div></content></entry>

                """
        }
        return text + "</feed>\n"
    }

    /// An RSS feed with no encoding anywhere (no XML declaration, no charset): its channel
    /// and one item titled `title`, the item's description `description`, bytes as given.
    public static func undeclaredRSS(title: [UInt8], description: [UInt8]) -> [UInt8] {
        Array("<rss version=\"2.0\"><channel><title>".utf8) + title
            + Array("</title><link>https://news.example/</link><item><title>".utf8) + title
            + Array("</title><link>https://news.example/1</link><description>".utf8) + description
            + Array("</description></item></channel></rss>\n".utf8)
    }

    /// `text` in windows-1255 (Foundation on Linux has no encoder for it): ASCII as it is, the
    /// points, letters, Yiddish ligatures and gershayim from 0xC0, anything else "?".
    public static func windows1255(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0...0x7F: return UInt8(scalar.value)
            case 0x05B0...0x05C3: return UInt8(scalar.value - 0x05B0 + 0xC0)
            case 0x05D0...0x05EA: return UInt8(scalar.value - 0x05D0 + 0xE0)
            case 0x05F0...0x05F4: return UInt8(scalar.value - 0x05F0 + 0xD4)
            default: return 0x3F
            }
        }
    }

    /// An RSS feed titled "F" of `count` items: item N has the guid gN, an author "Writer N"
    /// and an entity-escaped HTML body of 4 + N words.
    public static func rssWithHTMLBodies(items count: Int) -> String {
        let items = (1...count).map { index in
            "<item><guid>g\(index)</guid><title>Story \(index)</title><author>Writer \(index)</author>"
                + "<description>&lt;p&gt;Words of &lt;b&gt;story&lt;/b&gt; \(index)&lt;/p&gt;"
                + "&lt;p&gt;\(String(repeating: "more ", count: index))&lt;/p&gt;</description></item>"
        }.joined()
        return "<rss version=\"2.0\"><channel><title>F</title>\(items)</channel></rss>"
    }

    /// The articles of an RSS feed whose channel holds `items` after a title, the channel's
    /// element given `namespaces` (xmlns attributes) and `channelHead` before the items.
    public static func articles(
        ofRSSItems items: String, namespaces: String = "", channelHead: String = ""
    ) -> [Article] {
        let rss = """
            <rss version="2.0" \(namespaces)><channel><title>F</title>
            \(channelHead)\(items)</channel></rss>
            """
        return articles(of: rss, format: .rss)
    }

    /// The articles of `feed`, a file in `format` (named f.xml, or f.json for a JSON Feed).
    public static func articles(of feed: String, format: SourceFormat) -> [Article] {
        let opened = OpenedSource(
            source: Source(path: format == .jsonFeed ? "f.json" : "f.xml", displayName: "F", format: format),
            bytes: FileBytes(bytes: Array(feed.utf8)))
        return opened.indexAll().compactMap { opened.article($0) }
    }
}

extension FeedText {
    /// Writes two feeds into `folder`: "Avian’s Blog" with 3 stories (`a.xml`), then "F" with
    /// 2 (`b.xml`, left out when not `both`); their paths, in that order.
    @discardableResult
    public static func writeTwoFeeds(in folder: URL, both: Bool = true) throws -> [String] {
        let avian = folder.appendingPathComponent("a.xml")
        try Data(
            rssWithHTMLBodies(items: 3).replacingOccurrences(
                of: "<title>F</title>", with: "<title>Avian’s Blog</title>"
            ).utf8
        ).write(to: avian)
        guard both else { return [avian.path] }
        let other = folder.appendingPathComponent("b.xml")
        try Data(rssWithHTMLBodies(items: 2).utf8).write(to: other)
        return [avian.path, other.path]
    }
}
