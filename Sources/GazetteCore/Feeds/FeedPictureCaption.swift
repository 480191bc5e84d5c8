/// The caption of an item's picture, from Media RSS (https://www.rssboard.org/media-rss): the
/// `media:description` of an image's `media:content`, or of the item or its `media:group` when
/// the media beside it are pictures (`media:content` images, `media:thumbnail`); it was dropped
/// beside a description (found by QA). It shows as a picture with its alt text does in a body,
/// "[image: caption]", before the body's first paragraph, unless the body already says it (an
/// `<img>` with the caption as its alt text, as most feeds that give both write it, or the
/// picture itself: an `<img>` of the same address).
enum FeedPictureCaption {
    /// A caption, and the addresses of the pictures it is said of (none when not known); `kind`
    /// is what it shows as ("image", or "video" and "audio" for a file's, ``FeedMediaFiles``).
    struct Caption: Equatable {
        var text: String
        var pictures: [String]
        var kind = "image"
    }

    /// What an item's media fields say of its pictures, as they are read.
    struct Found {
        /// The descriptions of `media:content`s that are images (text, whether it is HTML, and
        /// the image's address).
        var ofPictures: [(text: String, isHTML: Bool, picture: String?)] = []
        /// The addresses of the item's pictures (`media:content` images, `media:thumbnail`s),
        /// up to ``FeedPictureCaption/maxCaptions``: what the item's own descriptions are said of.
        var pictureAddresses: [String] = []
        /// The descriptions of the item and its `media:group`: captions when its media are
        /// pictures only (a video's is the video's description).
        var ofItem: [(text: String, isHTML: Bool)] = []
        var hasPicture = false
        var hasOtherMedia = false

        /// Keeps a description of a picture (`ofPicture`, at `picture`) or of the item, up to
        /// ``FeedPictureCaption/maxCaptions`` of each.
        mutating func add(_ text: String, isHTML: Bool, ofPicture: Bool, picture: String? = nil) {
            if ofPicture {
                if ofPictures.count < FeedPictureCaption.maxCaptions {
                    ofPictures.append((text, isHTML, picture))
                }
            } else if ofItem.count < FeedPictureCaption.maxCaptions {
                ofItem.append((text, isHTML))
            }
        }

        /// Keeps the address of one of the item's pictures.
        mutating func addPicture(_ address: String?) {
            guard let address, pictureAddresses.count < FeedPictureCaption.maxCaptions else { return }
            pictureAddresses.append(address)
        }

        /// The addresses kept, each made another (a relative one absolute).
        mutating func mapAddresses(_ transform: (String) -> String) {
            pictureAddresses = pictureAddresses.map(transform)
            ofPictures = ofPictures.map { ($0.text, $0.isHTML, $0.picture.map(transform)) }
        }

        /// The captions as plain text on one line, each once, with the pictures they are said of.
        var captions: [Caption] {
            guard !ofPictures.isEmpty || hasPicture && !hasOtherMedia && !ofItem.isEmpty else { return [] }
            let ofItem = hasPicture && !hasOtherMedia ? ofItem : []
            let found =
                ofPictures.map { ($0.text, $0.isHTML, $0.picture.map { [$0] } ?? []) }
                + ofItem.map { ($0.text, $0.isHTML, pictureAddresses) }
            var seen: [String: Int] = [:]
            var result: [Caption] = []
            for (text, isHTML, pictures) in found {
                let line = isHTML ? HTMLRenderer.plainText(text) : WordJoin.collapsedAtWhitespace(text)
                guard !line.isEmpty else { continue }
                if let index = seen[line] {
                    // Said of a picture the first did not name: shown unless the body shows both.
                    if result[index].pictures.isEmpty || pictures.isEmpty {
                        result[index].pictures = []
                    } else {
                        result[index].pictures += pictures
                    }
                } else {
                    seen[line] = result.count
                    result.append(Caption(text: line, pictures: pictures))
                }
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

    /// The captions of `item`'s pictures by their addresses' ``FeedPictureAddress/key(_:)``,
    /// the first caption said of an address: an `<img>` of it without alt text shows it
    /// (it showed "[image]", the caption lost; found by QA). An alt text stays as it is: it is
    /// what the body's own writer put there, often the caption in other words.
    static func byPicture(_ item: FeedItem) -> [Substring: String] {
        var result: [Substring: String] = [:]
        for text in item.pictureCaptions {
            for picture in item.captionedPictures[text] ?? []
            where result[FeedPictureAddress.key(picture)] == nil {
                result[FeedPictureAddress.key(picture)] = text
            }
        }
        return result
    }

    /// `rendered` with a "[image: caption]" paragraph (its kind's) before its first for each caption its
    /// text (alt texts and all) does not say already, and whose pictures it does not show (a
    /// picture given both as media and as an `<img>` of the same address showed twice).
    static func placed(_ captions: [Caption], before rendered: RenderedHTML) -> RenderedHTML {
        let said = CaptionWords(rendered.paragraphs)
        let pictures = Set(rendered.pictures.map(FeedPictureAddress.key))
        let shown = captions.filter { caption in
            caption.pictures.isEmpty
                || !caption.pictures.allSatisfy { pictures.contains(FeedPictureAddress.key($0)) }
        }.filter { !said.say($0.text) }
        guard !shown.isEmpty else { return rendered }
        let added = shown.count
        var result = RenderedHTML(
            paragraphs: shown.map { "[" + $0.kind + ": " + $0.text + "]" } + rendered.paragraphs,
            links: rendered.links,
            headings: Set(rendered.headings.map { $0 + added }))
        result.pictures = rendered.pictures
        result.preformatted = Set(rendered.preformatted.map { $0 + added })
        for (index, table) in rendered.tables { result.tables[index + added] = table }
        for (index, lines) in rendered.headingLines { result.headingLines[index + added] = lines }
        return result
    }
}
