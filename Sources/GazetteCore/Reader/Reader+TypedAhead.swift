/// Keys typed ahead of a view still to come: Enter on the search line, `L` and `R` start a
/// search whose list is empty until it finds its first story, and keys that need that list
/// wait for it, then act on it in order, as if typed after it appeared (they acted on the
/// empty list and were lost; found by QA).
extension Reader {
    /// A key, or a command (a click, the wheel), typed ahead of the view.
    enum TypedAhead {
        case key(Key)
        case command(Command)
    }

    /// Most keys held at once; those past it are dropped (a key held down through a long search).
    static let maxTypedAhead = 1024

    /// Whether the list is a search's that has found nothing yet and is still looking.
    var viewIsComing: Bool {
        prompt == nil && !showingHelp && searchProgress != nil && visible.isEmpty
    }

    /// Whether `command` waits for the view: it does when it acts on the list or a story, or
    /// when keys before it wait (they keep their order). Quitting is done at once, and so are
    /// keys that do not need the list (`?`, `/`, `Esc`, `q`, `R`).
    func holdsTypedAhead(_ command: Command) -> Bool {
        if !typedAhead.isEmpty { return command != .quit }
        guard viewIsComing else { return false }
        switch command {
        case .quit, .back, .help, .search, .cancel, .reload, .edit, .unbound: return false
        default: return true
        }
    }

    /// Holds `item` for the view to come.
    func holdTypedAhead(_ item: TypedAhead) {
        if typedAhead.count < Reader.maxTypedAhead { typedAhead.append(item) }
        status = .keysWaitForSearch
    }

    /// Applies a key as the key table and the reader's state say (in the prompt, it edits it).
    public func press(_ key: Key) {
        if !typedAhead.isEmpty || viewIsComing, holdsTypedAhead(command(for: key)) {
            holdTypedAhead(.key(key))
            return
        }
        apply(command(for: key))
    }

    /// What `key` asks for now.
    private func command(for key: Key) -> Command {
        if prompt != nil { return .edit(key) }
        if let command = KeyBindings.command(for: key) { return command }
        return showingHelp ? .cancel : .unbound(key)
    }

    /// Whether keys typed ahead still wait.
    public var hasTypedAhead: Bool { !typedAhead.isEmpty }

    /// Does the keys typed ahead, in order, while the view is there; stops at one that asks the
    /// event loop for something (a link, `R`: call again once it is served), at one that starts
    /// a new search (the keys after it wait for that one), or at quitting.
    public func doTypedAhead() {
        guard !typedAhead.isEmpty else { return }
        // Taken out while they are done: a key done is not held again behind the others.
        let items = typedAhead
        typedAhead = []
        var next = 0
        while next < items.count, !viewIsComing, !isFinished, linkToOpen == nil, !reloadRequested {
            switch items[next] {
            case .key(let key): apply(command(for: key))
            case .command(let command): apply(command)
            }
            next += 1
        }
        if !isFinished { typedAhead = Array(items[next...]) + typedAhead }
    }

    /// Takes over the keys `other` (the reader over the files before `R`) held.
    func keepTypedAhead(of other: Reader) {
        typedAhead = other.typedAhead + typedAhead
        other.typedAhead = []
    }
}
