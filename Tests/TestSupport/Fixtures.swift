import Foundation

/// Paths to the project's and the shared folder's test data.
public enum Fixtures {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// `../shared` next to the package root.
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    public static let sample: URL = shared.appendingPathComponent("samples/000_b85e378bc3d894c4.txt")
    public static let realNews: URL = shared.appendingPathComponent("realworld/news/realnews_dump.txt")
    public static let feeds: URL = shared.appendingPathComponent("realworld/feeds")
    /// Inputs the fuzzers found that once broke a rule, kept as regression tests.
    public static let fuzzFindings: URL = packageRoot.appendingPathComponent("Tests/FuzzFindings")

    /// Every real feed file under ``feeds`` (not its SOURCES.md), as `project/file`, in order.
    public static func feedFiles() -> [String] {
        let root = feeds.standardizedFileURL.path
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                relative != "SOURCES.md"
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// Bytes of a file, or an empty array when it cannot be read.
    public static func bytes(_ url: URL) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: url))) ?? []
    }
}
