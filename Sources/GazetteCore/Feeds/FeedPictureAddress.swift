import Foundation

/// A picture's address as a feed's media fields and its body are compared: the same picture
/// given by both is shown once.
enum FeedPictureAddress {
    /// What two addresses of one picture share: the address without its scheme (`http:` and
    /// `https:` name one picture) or fragment. Its query stays: it may name another picture.
    static func key(_ address: String) -> Substring {
        var text = Substring(address)
        if let fragment = text.firstIndex(of: "#") { text = text[..<fragment] }
        if let scheme = text.range(of: "://"), text[..<scheme.lowerBound].allSatisfy(\.isLetter) {
            text = text[scheme.upperBound...]
        }
        return text
    }
}
