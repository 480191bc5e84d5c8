/// The key the story last selected is remembered under when several sources are open at once
/// (a folder, or files named together), besides each story's own source: opening the same
/// paths again resumes there, whichever source the story came from.
public enum SessionKey {
    /// The key of a reader over `paths`, as they were named (made absolute, in their order; a
    /// `file:` address as the path it names, ``FileAddress``, as its source's own key is).
    public static func of(paths: [String]) -> String {
        "session:"
            + paths.map { $0 == "-" ? "-" : StateLocation.absolute(FileAddress.openedPath($0)) }.joined(
                separator: "\n")
    }

    /// The keys whose places a reader over `sources` resumes from, the place selected last
    /// winning (``ReadingStateStoring/newestRememberedSelection(inSources:)``): `session`'s (the
    /// key of these paths, when several sources are open), then the first eight sources' own.
    public static func placesToResume(session: String?, sources: [OpenedSource]) -> [String] {
        var keys = session.map { [$0] } ?? []
        // A loop: a lazy sequence's generic types are made at run time, on the first screen's path.
        for opened in sources.prefix(8) { keys.append(opened.source.stateKey) }
        return keys
    }
}
