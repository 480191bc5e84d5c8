/// The pictures an item gives in its Media RSS fields (`media:content` images, `media:thumbnail`s;
/// https://www.rssboard.org/media-rss): beside no enclosure and a body that shows no picture,
/// they are listed among the story's links as an enclosure is ("image (jpeg, 52 KB)"), the
/// first thumbnail only when no `media:content` is a picture (a thumbnail is a picture's smaller
/// copy). They were not shown at all. One that no browser is handed (``UnlistedAddress``) is
/// not kept, nor a person's portrait from an avatar service (``AvatarAddress``).
struct FeedMediaPictures: Equatable, Sendable {
    /// The addresses of the `media:content` pictures and their labels, in order.
    private(set) var contents: [String] = []
    /// The first `media:thumbnail`'s address.
    private(set) var thumbnail: String?
    /// What the feed says each picture is (``FeedEnclosureLabel``), by its address.
    private(set) var labels: [String: String] = [:]

    /// How many `media:content` pictures are kept: a story lists a few.
    static let maxPictures = 16

    /// Keeps a `media:content` picture at `address` of MIME `type` and `fileSize` in bytes.
    mutating func addContent(_ address: String?, type: String?, fileSize: String?) {
        guard let address, contents.count < Self.maxPictures, !contents.contains(address),
            !UnlistedAddress.matches(address), !AvatarAddress.matches(address)
        else { return }
        contents.append(address)
        labels[address] = FeedEnclosureLabel.label(type: type ?? "image", length: fileSize)
    }

    /// Keeps a `media:thumbnail` at `address`.
    mutating func addThumbnail(_ address: String?) {
        guard let address, thumbnail == nil, !UnlistedAddress.matches(address),
            !AvatarAddress.matches(address)
        else { return }
        thumbnail = address
        labels[address] = labels[address] ?? "image"
    }

    /// The pictures with each address made another (a relative one absolute), in order.
    mutating func mapAddresses(_ transform: (String) -> String) {
        let old = self
        self = FeedMediaPictures()
        for address in old.contents {
            let new = transform(address)
            guard !contents.contains(new) else { continue }
            contents.append(new)
            labels[new] = old.labels[address]
        }
        if let address = old.thumbnail {
            let new = transform(address)
            thumbnail = new
            labels[new] = labels[new] ?? old.labels[address]
        }
    }

    /// Widest and tallest a picture given both ways may be and be an icon.
    static let maxIconSide = 64

    /// Whether a `media:content` or `media:thumbnail` with `attributes` is an icon, not the
    /// story's picture: its `width` and `height` both at most `maxIconSide` pixels (the
    /// 30-pixel avatar of a commit's author in GitHub's Atom feeds). An icon is not listed.
    static func isIcon(_ attributes: XMLAttributes) -> Bool {
        guard
            let width = XMLFeedReader.attribute("width", in: attributes).flatMap({
                Int(FeedItemDraft.trimmed($0))
            }),
            let height = XMLFeedReader.attribute("height", in: attributes).flatMap({
                Int(FeedItemDraft.trimmed($0))
            })
        else { return false }
        return width > 0 && height > 0 && width <= maxIconSide && height <= maxIconSide
    }

    /// The pictures to list, in order.
    var listed: [String] {
        contents.isEmpty ? (thumbnail.map { [$0] } ?? []) : contents
    }
}
