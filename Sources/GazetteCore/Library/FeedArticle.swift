import Foundation

/// Turns feed items into what the reader shows: clean titles, rendered bodies.
enum FeedArticle {
    /// The title to list: markup and entities removed, whitespace collapsed; an item without
    /// a title is named by the start of its text (``TitleFromText``), or its link, or the name
    /// of its first media file.
    static func title(of item: FeedItem) -> String {
        titles(of: item).shown
    }

    /// The title to list, and the one the item's id is made of where its id needs a title
    /// (``OpenedSource/articleIDs(of:identifyingTitle:)``). They differ where a title reads
    /// otherwise than when ids were first made of it, so that no id changes: superscripts and
    /// subscripts written as in a body ("E=mc²", its id made of "E=mc2"), the named references
    /// HTML5 adds to HTML 4's read (`&check;` as "✓", its id made of "&check;"), terminal escape
    /// sequences removed (its id made of their payloads), addresses in angle brackets kept
    /// (``HTMLAddressTag``; its id made without them), markup as sloppy generators write it read
    /// as the HTML5 spec reads it (`</br>` a line break, CDATA markers dropped; its id made as
    /// libxml2 read it), and a title from a long text cut to a width.
    static func titles(of item: FeedItem) -> (shown: String, identifying: String) {
        if let own = ownTitles(of: item) { return own }
        let text = plainText(of: item)
        if !TerminalSanitizer.showsNothing(text) {
            let titles = TitleFromText.titles(of: text)
            let html5Names = item.contentIsHTML && HTMLEntities.containsHTML5Name(item.content)
            guard item.contentIsHTML,
                html5Names || FeedEscapeSequences.mayHold(item.content)
                    || HTMLAddressTag.mayHold(item.content) || HTMLRenderer.mayHoldSloppyMarkup(item.content)
            else {
                return titles
            }
            let asRead = HTMLRenderer.plainText(item.content, html5Names: !html5Names, sequences: false)
            return (titles.shown, TitleFromText.titles(of: asRead).identifying)
        }
        // An item of media alone is named after its first file (its id as before), its id made
        // of the feed's link where the link shown is the page that one redirects to.
        let name = item.link ?? item.enclosures.first.flatMap(fileName(of:)) ?? Article.untitled
        return (name, item.linkInID ?? item.link ?? Article.untitled)
    }

    /// The file name an address ends in, decoded ("episode 12.mp3"); nil when it ends in none.
    private static func fileName(of address: String) -> String? {
        guard let url = URL(string: address) else { return nil }
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "/" else { return nil }
        return name.removingPercentEncoding ?? name
    }

    /// ``titles(of:)`` when the item has a title of its own (one that shows something); nil
    /// when it is named otherwise.
    private static func ownTitles(of item: FeedItem) -> (shown: String, identifying: String)? {
        let title =
            item.titleIsHTML ? HTMLRenderer.titleText(item.title, writingScripts: true) : collapse(item.title)
        // A title of invisible characters is none: its row was blank (found by QA).
        guard !TerminalSanitizer.showsNothing(title) else { return nil }
        // Shown as a reader reads it: the tags a JSON Feed title is dressed in left out, and
        // references left from escaping twice decoded (``TitleEscapedTwice``).
        let shown = TitleEscapedTwice.shown(item.shownTitle ?? title)
        // Ids are made of the title as read before tags named in its prose were kept as text.
        let mayHoldTags =
            item.titleIsHTML
            && item.title.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
        guard item.titleIsHTML,
            HTMLScriptText.mayHoldWritten(title) || HTMLEntities.containsHTML5Name(item.title)
                || FeedEscapeSequences.mayHold(item.title)
        else {
            return (
                shown,
                mayHoldTags
                    ? HTMLRenderer.titleText(item.title, loneTagsAsText: false, sloppyMarkup: false) : title
            )
        }
        return (
            shown,
            HTMLRenderer.titleText(
                item.title, writingScripts: false, html5Names: false, loneTagsAsText: false,
                sloppyMarkup: false)
        )
    }

    /// The body as plain text on one line (an untitled item is named by its start).
    static func plainText(of item: FeedItem) -> String {
        item.contentIsHTML ? HTMLRenderer.plainText(item.content) : collapse(item.content)
    }

    /// The body as the article shows it: paragraphs, with numbered links, after the captions
    /// of its pictures and the descriptions of its videos and sounds that it does not say
    /// (``FeedPictureCaption``, ``FeedMediaFiles``).
    /// The item's own title said again at the top of the body is left out (``FeedTitleInBody``).
    private static func rendered(_ item: FeedItem, title: String?) -> RenderedHTML {
        let rendered =
            item.contentIsHTML
            ? HTMLRenderer.render(
                item.content, baseURL: item.bodyBaseAddress,
                pictureCaptions: FeedPictureCaption.byPicture(item))
            : RenderedHTML(
                paragraphs: paragraphs(ofText: item.content, keepingLineIndents: item.textKeepsIndents),
                links: [])
        let body = title.map { FeedTitleInBody.withoutTitle($0, in: rendered) } ?? rendered
        let captions =
            item.pictureCaptions.map { .init(text: $0, pictures: item.captionedPictures[$0] ?? []) }
            + fileCaptions(of: item, title: title)
        guard !captions.isEmpty else { return body }
        return FeedPictureCaption.placed(captions, before: body)
    }

    /// What the item's videos and sounds show, as the feed says it (``FeedMediaFiles``), each
    /// once, as captions "[video: description]": none that is the story's title again.
    private static func fileCaptions(of item: FeedItem, title: String?) -> [FeedPictureCaption.Caption] {
        let described = item.mediaFiles.described
        guard !described.isEmpty else { return [] }
        let titleWords = title.map { CaptionWords([$0]) }
        var seen: Set<String> = []
        var captions: [FeedPictureCaption.Caption] = []
        for file in described where titleWords?.sayOnly(file.text) != true && seen.insert(file.text).inserted
        {
            captions.append(.init(text: file.text, pictures: [], kind: file.kind))
        }
        return captions
    }

    /// What a search looks at: the title, the author the byline shows (as a dump's caption and
    /// its credit are searched), and the paragraphs the article shows (markup that a story
    /// shows as text, such as code, is searched as shown).
    static func searchText(of item: FeedItem, title: String) -> String {
        let byline = item.author.map { [collapse($0)] } ?? []
        return ([title] + byline + rendered(item, title: ownTitles(of: item)?.shown).paragraphs).joined(
            separator: "\n")
    }

    /// The whole article: the body rendered to paragraphs with numbered links. Its word count
    /// is its row's (``details(of:)``: the text's words, not the links' `[1]` marks), so the
    /// list and the article tell the same reading time.
    static func article(of item: FeedItem, id: ArticleID, source: String) -> Article {
        let own = ownTitles(of: item)?.shown
        let title = own ?? title(of: item)
        let rendered = rendered(item, title: own)
        let counted = details(of: item)
        let words = counted.wordCount
        // The media an item carries (a podcast's audio) follow the links of its text.
        var links = rendered.links
        var labels: [Int: String] = [:]
        // Each once, its raw spaces encoded as the body's links' are (``AddressSpaces``).
        func list(_ address: String, label: String?) {
            let encoded = AddressSpaces.encoded(address)
            guard !links.contains(encoded) else { return }
            labels[links.count] = label
            links.append(encoded)
        }
        // None that no browser is handed (``UnlistedAddress``), as in a body.
        let enclosures = item.enclosures.filter { !UnlistedAddress.matches($0) }
        for enclosure in enclosures { list(enclosure, label: item.enclosureLabels[enclosure]) }
        // Videos and sounds given in media fields, as enclosures are (``FeedMediaFiles``).
        for file in item.mediaFiles.addresses { list(file, label: item.mediaFiles.labels[file]) }
        // Pictures given only in media fields are listed as enclosures are (``FeedMediaPictures``).
        if enclosures.isEmpty && rendered.pictures.isEmpty {
            for picture in item.mediaPictures.listed {
                list(picture, label: item.mediaPictures.labels[picture])
            }
        }
        var article = Article(
            id: id, title: title, caption: nil, credit: item.author.map(collapse),
            paragraphs: rendered.paragraphs, wordCount: words,
            readingMinutes: counted.readingMinutes, source: source,
            link: item.link.map(AddressSpaces.encoded),
            date: item.date, links: links)
        article.dateOffset = item.dateOffset
        article.headings = rendered.headings
        article.headingLines = rendered.headingLines
        article.preformatted = rendered.preformatted
        article.tables = rendered.tables
        article.linkLabels = labels
        return article
    }

    /// Credit and reading time of an item. A text that shows nothing has no words, as an
    /// empty one (``HTMLRenderer/wordCounts(_:)``).
    static func details(of item: FeedItem) -> ArticleDetails {
        var words = WordCounter()
        if !item.contentIsHTML {
            let text = collapse(item.content)
            if !TerminalSanitizer.showsNothing(text) { words.add(text) }
        }
        let counts =
            item.contentIsHTML ? HTMLRenderer.wordCounts(item.content) : (words.count, words.ideographs)
        return ArticleDetails(credited: credits(of: item), wordCount: counts.0, ideographs: counts.1)
    }

    /// Whom an item credits: its author.
    static func credits(of item: FeedItem) -> ArticleCredits {
        ArticleCredits(byline: item.author.map(collapse))
    }

    /// Plain text split into paragraphs at blank lines, lines of a paragraph kept as line breaks;
    /// one that shows nothing (spaces, zero-width spaces, bidi marks) is none.
    /// An indented line of its own keeps its indent when `keepingLineIndents`.
    private static func paragraphs(ofText text: String, keepingLineIndents: Bool) -> [String] {
        let parts = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        // A text that indents its paragraphs' first lines (prose) has no indented lines of their
        // own: its paragraphs of one line are trimmed as the others.
        let indentsProse =
            !keepingLineIndents
            || parts.contains { blockIndent(of: $0) == nil && !firstIndent(of: $0).isEmpty }
        return parts.map { paragraph in
            let trimmed = paragraph.trimmingSpaces()
            guard let indent = blockIndent(of: paragraph), !trimmed.isEmpty else { return trimmed }
            if indentsProse && !ByteSearch.contains(0x0A, in: trimmed) { return trimmed }
            return indent + trimmed
        }.filter { !TerminalSanitizer.showsNothing($0) }
    }

    /// The spaces and tabs before the text on a paragraph's first line.
    private static func firstIndent(of paragraph: String) -> String {
        let beforeText = paragraph.prefix { $0.isWhitespace }
        return String(beforeText.reversed().prefix { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The indent a paragraph keeps: its first line's, when every line of it is indented. An
    /// indented block (code) keeps its first line in line with the others (it was shown flush
    /// left, the rest indented; found by QA), and an indented line of its own its indent (it
    /// lost it; found by QA). Nil for none (a paragraph whose first line alone is indented).
    private static func blockIndent(of paragraph: String) -> String? {
        let indent = firstIndent(of: paragraph)
        guard !indent.isEmpty else { return nil }
        let trimmed = paragraph.trimmingSpaces()
        guard ByteSearch.contains(0x0A, in: trimmed) else { return indent }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        return lines.allSatisfy({ $0.first == " " || $0.first == "\t" }) ? indent : nil
    }

    /// The words of `text` with one space between them.
    private static func collapse(_ text: String) -> String {
        WordJoin.collapsedAtWhitespace(text)
    }
}
