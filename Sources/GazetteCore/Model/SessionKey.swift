/// The key the story last selected is remembered under when several sources are open at once
/// (a folder, or files named together), besides each story's own source: opening the same
/// paths again resumes there, whichever source the story came from.
public enum SessionKey {
    /// The key of a reader over `paths`, as they were named (made absolute, in their order).
    public static func of(paths: [String]) -> String {
        "session:" + paths.map { $0 == "-" ? "-" : StateLocation.absolute($0) }.joined(separator: "\n")
    }
}
