/// The `/` prompt as an Esc closed it, kept until the reader's next command: a movement key
/// whose escape sequence a slow link split comes as a lone Esc, then the rest of the
/// sequence, and that Esc is taken back (``Reader/takeBackEscape()``), as if never pressed.
struct PromptClosedByEscape {
    /// The prompt's text, cursor, history place and note.
    var prompt: SearchPrompt
    /// Whether the prompt's text had changed since its search started.
    var pendingSearch: Bool
    /// Whether the prompt had searched: its search is started again.
    var searched: Bool
    /// Where the open story was scrolled (the Esc may open it again at its saved place).
    var articleScroll: Int
}
