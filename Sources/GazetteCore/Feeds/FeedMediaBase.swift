import Foundation

/// The base a relative address of an item's media is resolved against (an enclosure, a
/// `media:content` or `media:thumbnail` picture, a `media:content` video or sound, an Atom
/// `<content src>`): as the body's links are, the `xml:base` in scope at its element, else the
/// item's own link, else the feed's address (an Atom feed's `rel="self"` link, an RSS channel's
/// link). An Atom entry's relative picture was resolved against the feed's address whatever the
/// entry's link said.
extension FeedItemDraft {
    /// The item's media addresses still relative (no `xml:base` was in scope at their element)
    /// made absolute against its link (its body's base, ``FeedBodyBase``) when that is a web
    /// address, else against `feedBase`.
    mutating func resolveMediaAddresses(feedBase: URL?) {
        guard
            enclosures.contains(where: Self.isRelative)
                || mediaPictures.contents.contains(where: Self.isRelative)
                || mediaPictures.thumbnail.map(Self.isRelative) == true
                || mediaFiles.addresses.contains(where: Self.isRelative)
                || pictures.pictureAddresses.contains(where: Self.isRelative)
                || pictures.ofPictures.contains(where: { $0.picture.map(Self.isRelative) == true })
        else { return }
        let page: String? =
            switch bodyBase {
            case .link: link
            case .address(let address): address
            }
        let ownBase = page.flatMap { XMLFeedReader.isWebAddress($0) ? URL(string: $0) : nil }
        guard let base = ownBase ?? feedBase, base.scheme != nil else { return }
        let resolve = { (address: String) in XMLFeedReader.resolve(address, against: base) }
        enclosures = enclosures.map(resolve)
        // An absolute address keeps its label; a relative one's goes to the address it names.
        var labels = enclosureLabels.filter { !Self.isRelative($0.key) }
        for (address, label) in enclosureLabels where Self.isRelative(address) {
            labels[resolve(address)] = labels[resolve(address)] ?? label
        }
        enclosureLabels = labels
        mediaPictures.mapAddresses(resolve)
        mediaFiles.mapAddresses(resolve)
        pictures.mapAddresses(resolve)
    }

    /// Whether a media address is relative (has no scheme).
    private static func isRelative(_ address: String) -> Bool {
        !XMLFeedReader.hasScheme(address)
    }
}
