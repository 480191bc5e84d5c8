/// The caption of an item's picture, from Media RSS (https://www.rssboard.org/media-rss): the
/// `media:description` of an image's `media:content`, or of the item or its `media:group` when
/// the media beside it are pictures (`media:content` images, `media:thumbnail`); it was dropped
/// beside a description (found by QA). It shows as a picture with its alt text does in a body,
/// "[image: caption]", before the body's first paragraph, unless the body already says it (an
/// `<img>` with the caption as its alt text, as most feeds that give both write it).
enum FeedPictureCaption {
    /// What an item's media fields say of its pictures, as they are read.
    struct Found {
        /// The descriptions of `media:content`s that are images (text, and whether it is HTML).
        var ofPictures: [(text: String, isHTML: Bool)] = []
        /// The descriptions of the item and its `media:group`: captions when its media are
        /// pictures only (a video's is the video's description).
        var ofItem: [(text: String, isHTML: Bool)] = []
        var hasPicture = false
        var hasOtherMedia = false

        /// Keeps a description of a picture (`ofPicture`) or of the item, up to
        /// ``FeedPictureCaption/maxCaptions`` of each.
        mutating func add(_ text: String, isHTML: Bool, ofPicture: Bool) {
            if ofPicture {
                if ofPictures.count < FeedPictureCaption.maxCaptions { ofPictures.append((text, isHTML)) }
            } else if ofItem.count < FeedPictureCaption.maxCaptions {
                ofItem.append((text, isHTML))
            }
        }

        /// The captions as plain text on one line, each once.
        var captions: [String] {
            guard !ofPictures.isEmpty || hasPicture && !hasOtherMedia && !ofItem.isEmpty else { return [] }
            let found = ofPictures + (hasPicture && !hasOtherMedia ? ofItem : [])
            var seen: Set<String> = []
            var result: [String] = []
            for (text, isHTML) in found {
                let line = isHTML ? HTMLRenderer.plainText(text) : WordJoin.collapsedAtWhitespace(text)
                if !line.isEmpty, seen.insert(line).inserted { result.append(line) }
            }
            return result
        }
    }

    /// How many captions of each kind an item keeps: a story shows a few pictures, and each
    /// caption is looked for in the body.
    static let maxCaptions = 16

    /// Whether a `media:content` with `attributes` is a picture: `medium="image"`, an image
    /// type, or neither said and an image's file name.
    static func isPicture(_ attributes: XMLAttributes) -> Bool {
        if let medium = XMLFeedReader.attribute("medium", in: attributes) {
            return medium.lowercased() == "image"
        }
        if let type = XMLFeedReader.attribute("type", in: attributes) {
            return type.lowercased().hasPrefix("image/")
        }
        guard let url = XMLFeedReader.attribute("url", in: attributes) else { return false }
        let path = url.lowercased().prefix { $0 != "?" && $0 != "#" }
        return pictureExtensions.contains { path.hasSuffix($0) }
    }

    private static let pictureExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]

    /// `rendered` with a "[image: caption]" paragraph before its first for each caption its
    /// text (alt texts and all) does not say already.
    static func placed(_ captions: [String], before rendered: RenderedHTML) -> RenderedHTML {
        let said = CaptionWords(rendered.paragraphs)
        let shown = captions.filter { !said.say($0) }
        guard !shown.isEmpty else { return rendered }
        let added = shown.count
        var result = RenderedHTML(
            paragraphs: shown.map { "[image: " + $0 + "]" } + rendered.paragraphs, links: rendered.links,
            headings: Set(rendered.headings.map { $0 + added }))
        for (index, table) in rendered.tables { result.tables[index + added] = table }
        for (index, lines) in rendered.headingLines { result.headingLines[index + added] = lines }
        return result
    }
}
