import Foundation

/// Finds the sample dump shipped with Gazette, relative to the running executable.
enum BundledSample {
    static let fileName = "000_b85e378bc3d894c4.txt"

    /// The sample's path: `PREFIX/share/gazette/` next to an installed binary, or
    /// `Samples/` of the source tree for a binary built inside it.
    static func path() -> String? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/gazette/\(fileName)")
        if FileManager.default.isReadableFile(atPath: installed.path) { return installed.path }
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Samples/\(fileName)")
            if FileManager.default.isReadableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
