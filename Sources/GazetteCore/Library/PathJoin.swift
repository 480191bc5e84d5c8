/// A path made of a folder's and a path inside it, with one slash between them.
public enum PathJoin {
    /// `name` inside `folder`: the slashes `folder` ends with and `name` starts with become one
    /// (Foundation's walk of `/` names its files `/etc/…`, which joined gave `//etc/…`; found
    /// by QA). An empty `folder` is the current one.
    public static func joined(_ folder: String, _ name: String) -> String {
        let inside = name.drop { $0 == "/" }
        guard !folder.isEmpty else { return String(inside) }
        var end = folder.endIndex
        while end > folder.startIndex, folder[folder.index(before: end)] == "/" {
            end = folder.index(before: end)
        }
        return folder[..<end] + "/" + inside
    }
}
