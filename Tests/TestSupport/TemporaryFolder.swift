import Foundation

/// Fresh folders under the system's temporary directory, one per test.
public enum TemporaryFolder {
    /// Creates `<tmp>/<prefix>-<uuid>` and returns it.
    public static func make(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
