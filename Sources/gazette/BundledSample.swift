import Foundation

/// Finds the sample dump shipped with Gazette, relative to the running executable, or
/// unpacks the copy built into it.
enum BundledSample {
    static let fileName = "000_b85e378bc3d894c4.txt"

    /// The sample's path: `PREFIX/share/gazette/` next to an installed binary, `Samples/` of
    /// the source tree for a binary built inside it, else the built-in copy unpacked into
    /// ``unpackFolder(environment:)`` (a binary copied on its own said "the bundled sample is
    /// missing"; found by QA). Nil when none is found and the copy cannot be written.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        installedPath() ?? unpackedPath(environment: environment)
    }

    /// Where a copied binary's sample is unpacked: `$XDG_DATA_HOME/gazette` (an absolute one),
    /// else `$HOME/.local/share/gazette`.
    static func unpackFolder(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/gazette" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/gazette"
    }

    private static func installedPath() -> String? {
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

    /// The built-in copy's bytes.
    static var embeddedBytes: Data {
        Data(base64Encoded: EmbeddedSample.base64Lines.joined()) ?? Data()
    }

    /// The built-in copy, written to ``unpackFolder(environment:)`` unless it is there already
    /// (a file of that name with other bytes is replaced, whole or not at all).
    static func unpackedPath(environment: [String: String]) -> String? {
        let folder = unpackFolder(environment: environment)
        let path = folder + "/" + fileName
        let bytes = embeddedBytes
        if FileManager.default.contents(atPath: path) == bytes { return path }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let partial = path + ".part-\(getpid())"
            try bytes.write(to: URL(fileURLWithPath: partial))
            guard rename(partial, path) == 0 else {
                unlink(partial)
                return nil
            }
            return path
        } catch {
            return nil
        }
    }
}
