import Foundation
import GazetteCore

/// What `R` tells of the files it read again, besides the stories: the files gone since the
/// last load, and those skipped that the last load (the opening or the `R` before) did not skip
/// for the same reason.
///
/// A file skipped at the opening was told again at every `R`; its note pushed the message past
/// the screen's width, to its short form, which named no file (found by QA). The short form now
/// keeps the first file named (``shortNote``); help still lists every file skipped.
struct ReloadedFiles {
    /// "gone: a.txt", or the count of files gone and the first (``ReaderApp/goneMessage(before:after:skipped:)``).
    let gone: String?
    /// The warnings of the files skipped that the last load did not skip so, in order.
    private(set) var skipped: [String]
    /// The warnings of the files the last load skipped.
    private let skippedBefore: Set<String>

    /// The files read before (`before`) and now (`after`), with the warnings of the files
    /// skipped now (`skipped`) and by the last load (`skippedBefore`). A file named alone that
    /// is no longer there (`exists`) is gone, as a folder's file is, not skipped: "skipped:
    /// cannot open 'b.txt': No such file or directory" pushed the message to its short form,
    /// "R: 3 stories gone; skipped: b.txt", at 80 columns (found by QA).
    init(
        before: [String], after: [String], skipped: [String], skippedBefore: Set<String>,
        exists: (String) -> Bool = { access($0, F_OK) == 0 }
    ) {
        let skipped = Self.leavingOutGone(skipped, before: before, after: after, exists: exists)
        gone = ReaderApp.goneMessage(before: before, after: after, skipped: skipped)
        self.skippedBefore = skippedBefore
        self.skipped = skipped.filter { !skippedBefore.contains($0) }
    }

    /// `skipped` without the warnings of the files of `before` that are not in `after` and no
    /// longer there (`exists`): those files are gone (help listed them as skipped too).
    static func leavingOutGone(
        _ skipped: [String], before: [String], after: [String],
        exists: (String) -> Bool = { access($0, F_OK) == 0 }
    ) -> [String] {
        let vanished = before.filter { !after.contains($0) && !exists($0) }
        guard !vanished.isEmpty else { return skipped }
        return skipped.filter { warning in
            !vanished.contains {
                warning.hasPrefix("skipped: " + SourceError.cannotOpen(path: $0, reason: "").message)
            }
        }
    }

    /// Adds the warnings of files skipped later (by the indexing's checks), but those the last
    /// load skipped so.
    mutating func addSkipped(_ later: [String]) {
        skipped += later.filter { !skippedBefore.contains($0) && !skipped.contains($0) }
    }

    /// The notes in the order the status line tells them: a file whose only story was lost
    /// first (``LoadNoteHarm``), then `first` (stories lost in a file open), the files gone,
    /// the other files skipped.
    func notes(after first: String?) -> [String] {
        let skippedNote = ReaderApp.skippedMessage(skipped)
        return [
            lostWhole ? skippedNote : nil, first, gone, lostWhole ? nil : skippedNote,
        ].compactMap { $0 }
    }

    /// The first file the notes name, for the short form: "gone: a.txt", "skipped: b.xml", or
    /// the count and the first ("2 files skipped; the first: b.xml"); nil when none.
    var shortNote: String? {
        let skippedName = skippedShortNote
        return lostWhole ? skippedName : gone ?? skippedName
    }

    /// Whether the note of the files skipped tells of a file whose only story was lost.
    private var lostWhole: Bool {
        ReaderApp.skippedMessage(skipped).map { LoadNoteHarm(of: $0) == .fileLost } ?? false
    }

    private var skippedShortNote: String? {
        guard let first = skipped.first, let name = Self.fileName(inWarning: first) else { return nil }
        return skipped.count == 1
            ? "skipped: \(name)" : "\(GroupedCount.text(skipped.count)) files skipped; the first: \(name)"
    }

    /// The name of the file the first quoted path of `warning` names, its controls shown as
    /// escapes; nil when it quotes none.
    static func fileName(inWarning warning: String) -> String? {
        guard let open = warning.firstIndex(of: "'"),
            let close = warning[warning.index(after: open)...].firstIndex(of: "'")
        else { return nil }
        let path = warning[warning.index(after: open)..<close]
        guard let name = path.split(separator: "/").last else { return nil }
        return TerminalSanitizer.visible(String(name))
    }
}
