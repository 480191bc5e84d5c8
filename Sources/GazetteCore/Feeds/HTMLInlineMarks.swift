/// Inline elements whose meaning is lost with their tags, written as marks a reader knows: a
/// quotation (`q`) in its quotation marks, text struck out (`del`, `s`, `strike`) between
/// "~~" as Markdown writes it (without them "price $10 $9 $8" reads as three prices), and a
/// task list's checkbox as "[x]" or "[ ]".
enum HTMLInlineMarks {
    /// The marks written before and after an element's text; nil for an element without any.
    static func marks(of name: String) -> (open: String, close: String)? {
        switch name {
        case "q": return ("\u{201C}", "\u{201D}")
        case "del", "s", "strike": return ("~~", "~~")
        default: return nil
        }
    }

    /// How an `input` shows given its `type` and `checked` attributes: "[x]" or "[ ]" for a
    /// checkbox, nil for any other.
    static func checkbox(type: String?, checked: String?) -> String? {
        guard type?.lowercased() == "checkbox" else { return nil }
        return checked == nil ? "[ ]" : "[x]"
    }
}
