/// A feed's own address for a story or its media written with raw spaces
/// (`…/2024-12-01 Sermon Hope.mp3`): each space percent-encoded (`%20`), as a browser sends it
/// and as the body's links read (resolving a link encodes them). `o` refused such a story
/// ("not a web address"), the Links list broke the address at its space and `export` gave it
/// unencoded (found by QA). The story's id is made of the address as written.
enum AddressSpaces {
    /// `address` with each space as `%20`; as written when it holds none.
    static func encoded(_ address: String) -> String {
        guard address.utf8.contains(UInt8(ascii: " ")) else { return address }
        return address.replacingOccurrences(of: " ", with: "%20")
    }
}
