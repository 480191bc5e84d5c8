/// Keys that read or change reading state act on the states as they stand in the state file
/// when the key is handled: another Gazette (a reader, `gazette mark`) may have stored marks
/// since the reader's last look, which is at most once a second while idle (`n` opened a story
/// a script had just marked read, and `A` counted it among those it marked; found by QA).
extension Reader {
    /// Whether `command`, outside the prompt and help, reads or changes reading state: it marks,
    /// flags or undoes, changes the view, or may open a story (which marks it read). Moving and
    /// scrolling do not; `numberTyped`: a number comes before it (`10G` opens story 10 from an
    /// open story).
    static func readsReadingState(_ command: Command, numberTyped: Bool) -> Bool {
        switch command {
        case .open, .openRow, .zoom, .spaceForward, .nextStory, .previousStory, .nextUnread,
            .previousUnread, .toggleRead, .markAllRead, .undo, .toggleFlag, .cycleView:
            return true
        case .first, .last:
            return numberTyped
        default:
            return false
        }
    }

    /// Takes in what another process stored since the last look, before `command` acts, when
    /// it reads or changes reading state. When nothing changed, this costs one look at the
    /// store's change counter (`PRAGMA data_version`), no row read. Not while files are indexed,
    /// nor while files read again (`R`) are: their stories' states come with them (as the
    /// idle look leaves them; see ``followChangesMadeElsewhere()``).
    func followChangesBefore(_ command: Command) {
        guard reloadProgress == nil, Self.readsReadingState(command, numberTyped: !pendingNumber.isEmpty)
        else { return }
        followChangesMadeElsewhere()
    }
}
