/// Inline elements whose meaning is lost with their tags, written as marks a reader knows: a
/// task list's checkbox as "[x]" or "[ ]".
enum HTMLInlineMarks {
    /// How an `input` shows given its `type` and `checked` attributes: "[x]" or "[ ]" for a
    /// checkbox, nil for any other.
    static func checkbox(type: String?, checked: String?) -> String? {
        guard type?.lowercased() == "checkbox" else { return nil }
        return checked == nil ? "[ ]" : "[x]"
    }
}
