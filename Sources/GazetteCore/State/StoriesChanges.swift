/// How many stories have changes waiting to be saved, in words. The count is of stories, one
/// per story whatever was changed of it: "300 changes" after `A` over 300 stories read as 300
/// edits made (found by QA).
public enum StoriesChanges {
    /// "1 story's change", "1,234 stories' changes".
    public static func text(_ count: Int) -> String {
        count == 1 ? "1 story's change" : "\(GroupedCount.text(count)) stories' changes"
    }

    /// The text followed by `verb` agreeing with it: "1 story's change waits", "2 stories'
    /// changes wait".
    public static func text(_ count: Int, _ verb: String) -> String {
        text(count) + " " + (count == 1 ? verb + "s" : verb)
    }
}
