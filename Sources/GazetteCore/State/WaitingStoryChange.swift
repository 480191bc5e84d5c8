/// One story's changes kept to be written later (``DeferringStateStore``): the state they give
/// it, in the fields they changed, and the state those fields had before the first of them.
///
/// Only the fields changed from where they started wait: a field put back as it started
/// (`A` then `u`) is no change, and writes nothing over what another Gazette stored in it
/// meanwhile (the undo's states were written whole over another's mark; found by QA). A reader
/// of one file does the same: its change and its undo start from the stored state, and `u`
/// passes over a story another reader changed since.
struct WaitingStoryChange {
    /// The state to write, in ``fields`` (the other fields are the first change's, shown for a
    /// story not stored).
    private(set) var state: ArticleState
    /// The fields changed from where they started: those to write.
    private(set) var fields: ArticleState.Fields = []
    /// The state the story had before this reader's first change of a field, in the fields of
    /// ``startKnown``.
    private var start = ArticleState.unseen
    /// The fields whose starting state is known: a field changed when its stored state could
    /// not be read is written whatever it comes to.
    private var startKnown: ArticleState.Fields = []

    /// The `fields` of `state`, changed from `stored` (the stored state before the change, nil
    /// when it could not be read).
    init(_ state: ArticleState, fields: ArticleState.Fields, from stored: ArticleState?) {
        self.state = state
        add(state, fields: fields, from: stored)
    }

    /// Whether nothing waits: every field changed is back where it started.
    var isEmpty: Bool { fields.isEmpty }

    /// Adds a change of the `fields` of `state` over those waiting; `stored` is the stored
    /// state before it (nil when it could not be read), the start of the fields not waiting.
    mutating func add(_ state: ArticleState, fields changed: ArticleState.Fields, from stored: ArticleState?)
    {
        let starting = changed.subtracting(fields)
        if let stored {
            start = start.replacing(starting, with: stored)
            startKnown.formUnion(starting)
        } else {
            startKnown.subtract(starting)
        }
        self.state = self.state.replacing(changed, with: state)
        fields.formUnion(changed)
        for field in [ArticleState.Fields.read, .flag, .scroll]
        where changed.contains(field) && startKnown.contains(field)
            && self.state.agrees(with: start, in: field)
        {
            fields.remove(field)
            startKnown.remove(field)
        }
    }
}
