import Foundation
import GazetteCore

/// The read and flag marks of the stories a command prints, loaded from the state file a
/// batch of stories at a time, as they are indexed.
///
/// A state file another program keeps locked (or one that cannot be made) is told once on
/// standard error, and the stories from then on come without their marks: the command still
/// prints them, and ends with status 1 (``shown`` is false).
final class ListedMarks {
    /// The state file's path, for messages.
    private let path: String
    /// The store read from; nil once the marks are no longer shown.
    private var store: ReadingStateStoring?
    private var states: [ArticleID: ArticleState] = [:]
    /// The feeds found renamed since their files were last read (read once per file).
    private var titleChanges = FeedTitleChanges()
    /// False when some stories were printed without their marks (the reason told).
    private(set) var shown: Bool

    /// Marks read from `store` (kept at `path`); with no store, none, and the reason told
    /// already (`shown` false).
    init(store: ReadingStateStoring?, path: String) {
        self.store = store
        self.path = path
        shown = store != nil
    }

    /// Loads the stored marks of the stories at `range` of `catalog` (about to be printed), those
    /// kept under a story's previous id (its summary's, one of its copies', or the one its
    /// feed's old title gave: ``FeedTitleChanges``) taken for it as the reader takes them
    /// (``PreviousIDStates``), never stored here; a state file locked by another program is
    /// told, once, and the marks go; any other failure is the command's.
    func load(_ range: Range<Int>, of catalog: ArticleCatalog) throws(CommandFailure) {
        guard let store, !range.isEmpty else { return }
        let entries = catalog.entries[range]
        let summaries = entries.map(\.summary)
        do {
            states.merge(try store.states(for: summaries.map(\.id))) { known, _ in known }
            // As `mark` and the reader look: a file of copies' tag too, a moved file's found.
            try titleChanges.look(at: range, of: catalog, in: store)
            let carried = try PreviousIDStates.carried(
                summaries, further: catalog.furtherPreviousIDs, titleChanges: titleChanges, loaded: states,
                load: store.states(for:))
            // Those of stories with a state are newer (their feeds' files read under another title).
            states.merge(carried) { _, carried in carried }
        } catch let error as StateStoreError {
            guard case .busy(let path) = error else { throw CommandFailure(error.message) }
            StandardError.report(StateStoreError.marksNotShown(path: path))
            self.store = nil
            shown = false
        } catch {
            throw CommandFailure("cannot read the state file '\(path)': \(error)")
        }
    }

    /// Whether the story `id` is marked read.
    func isRead(_ id: ArticleID) -> Bool { states[id]?.isRead ?? false }

    /// Whether the story `id` is flagged.
    func isFlagged(_ id: ArticleID) -> Bool { states[id]?.isFlagged ?? false }
}
