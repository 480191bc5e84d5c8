/// An element the page hides: the boolean `hidden` attribute, or an inline style whose last
/// `display` is `none` or whose last `visibility` is `hidden` (any case, any spacing). Nothing
/// inside it shows; the text after it does.
enum HTMLHiddenElement {
    /// Whether the element with these attributes is hidden.
    static func isHidden(attribute: (String) -> String?) -> Bool {
        if attribute("hidden") != nil { return true }
        guard let style = attribute("style") else { return false }
        return hides(style: style)
    }

    /// Whether an inline style hides its element.
    static func hides(style: String) -> Bool {
        if let display = HTMLInlineStyle.value(of: "display", in: style),
            HTMLInlineStyle.keyword(display) == "none"
        {
            return true
        }
        guard let visibility = HTMLInlineStyle.value(of: "visibility", in: style) else { return false }
        return HTMLInlineStyle.keyword(visibility) == "hidden"
    }
}
