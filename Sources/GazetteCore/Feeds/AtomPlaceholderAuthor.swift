/// An Atom author that names no one: Blogger writes `<name>Unknown</name>` with its
/// `noreply@blogger.com` address for every post whose author shows no name, and the list's
/// credit and the byline read "Unknown" on each (found by QA on feeds written as Blogger
/// writes them). Such an author is no author; one with a name keeps it, whatever its address.
enum AtomPlaceholderAuthor {
    /// Whether an `<author>` of `names` and `email` is Blogger's author of no name.
    static func matches(names: [String], email: String?) -> Bool {
        names == ["Unknown"] && email?.lowercased() == "noreply@blogger.com"
    }
}
