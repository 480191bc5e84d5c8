#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a state file that is not there yet could be made where it is named, found without
/// making it: the commands that only read a state take a missing file for no marks yet, and
/// one that can never be made (`--state /proc/nope/x.sqlite`) was taken so without a word,
/// every story listed unread (found by QA).
public enum StateFileCreation {
    /// Why no state file can be made at `path` (which names nothing), as the reader would say;
    /// nil when one can, or `path` names something.
    public static func problem(at path: String) -> StateStoreError? {
        var info = stat()
        if lstat(path, &info) == 0 { return nil }
        if let tooLong = StateFileName.problem(at: StateLocation.absolute(path)) { return tooLong }
        let folder = StateLocation.folder(of: StateLocation.absolute(path))
        guard errno == ENOENT || errno == ENOTDIR else { return .unreadable(path: path) }
        // The nearest folder there: the file, and the folders missing under it, are made in it.
        var existing = folder
        var missing: String?
        while stat(existing, &info) != 0 {
            guard errno == ENOENT || errno == ENOTDIR else {
                return .cannotCreateFolder(path: folder, reason: String(cString: strerror(errno)))
            }
            missing = existing
            let parent = StateLocation.folder(of: existing)
            guard parent != existing else { break }
            existing = parent
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return .cannotCreateFolder(path: folder, reason: "'\(existing)' is a file, not a folder")
        }
        guard let missing else {
            return access(existing, W_OK | X_OK) == 0
                ? nil : .unwritable(path: path, reason: "folder '\(existing)' is not writable")
        }
        // Only making a folder tells whether one can be made (root may write /proc, but not in
        // it); the one made is taken away at once.
        guard mkdir(missing, 0o700) == 0 else {
            return .cannotCreateFolder(path: folder, reason: String(cString: strerror(errno)))
        }
        rmdir(missing)
        return nil
    }
}
