import GazetteCore
import XCTest

@testable import GazetteTUI

/// A state file's trouble on the status line says what went wrong and what to do first, and
/// the file's name after, which is what a narrow terminal cuts: the name came first and the
/// end of the message was cut (found by QA).
final class StateMessageStatusLineTests: XCTestCase {
    func testWhatWentWrongComesFirstAndOnlyTheNameIsCut() {
        let long = "/tmp/qaF/d/a_very_long_state_file_name_for_checking_status_lines.sqlite"
        let replaced = StateStoreError.replaced(path: long).shortReason
        XCTAssertEqual(
            StatusLineView.cut(replaced, to: 78),
            "replaced by another file: not saved; restart ('a_very_long_state_file_name_…')")
        XCTAssertEqual(
            StatusLineView.cut(replaced, to: 46), "replaced by another file: not saved; restart")
        XCTAssertEqual(
            StatusLineView.cut(StateStoreError.replaced(path: "/x/state.sqlite").shortReason, to: 78),
            "replaced by another file: not saved; restart ('state.sqlite')", "whole when it fits")
        let folder = StateStoreError.unwritable(
            path: "/tmp/qaF/d/ro/st.sqlite", reason: "folder '/tmp/qaF/d/ro' is not writable")
        XCTAssertEqual(
            "changes are not saved: " + folder.shortReason,
            "changes are not saved: its folder is not writable ('st.sqlite')")
        XCTAssertEqual(
            StateStoreError.newerSchema(path: "/x/st.sqlite", version: "99").shortReason,
            "from a newer Gazette: upgrade to save ('st.sqlite')")
        XCTAssertEqual(StatusLineView.cut("no name here, just a long message", to: 10), "no name h…")
    }

    /// What became of the state file, and of the changes, fits a 50-column status line (48
    /// columns of text): deleted or moved, replaced, and emptied are told apart (all three said
    /// "replaced or emptied", and the changes after a deletion were lost; found by QA).
    func testWhatBecameOfTheFileAndTheChangesFitsFiftyColumns() {
        let path = "/tmp/a_long_folder/state.sqlite"
        // The changes kept, counted by stories: one story's whole, more in their short form.
        let said = [
            StatusMessage.changesWaiting(1, behind: .removed(path: path)).fitting(48),
            StatusMessage.changesWaiting(1_234, behind: .removed(path: path)).fitting(48),
            StateStoreError.replaced(path: path).shortReason,
            StateStoreError.emptied(path: path).shortReason,
        ]
        XCTAssertEqual(
            said.map { StatusLineView.cut($0, to: 48) },
            [
                "deleted or moved: 1 story's change saved at quit",
                "gone: 1,234 stories' changes kept",
                "replaced by another file: not saved; restart",
                "emptied by another program: not saved; restart",
            ])
    }

    /// A state file a newer Gazette upgraded keeps its advice on a status line of 50 and 40
    /// columns (48 and 38 of text): "written by a newer Gazette (schema 99): not saved; upg…".
    func testANewerGazettesFileKeepsItsAdviceAtFortyColumns() {
        let newer = StateStoreError.newerSchema(
            path: "/home/reader/.local/state/gazette/state.sqlite", version: "99")
        XCTAssertEqual(
            StatusLineView.cut(newer.shortReason, to: 48), "from a newer Gazette: upgrade to save ('state…')")
        XCTAssertEqual(StatusLineView.cut(newer.shortReason, to: 38), "from a newer Gazette: upgrade to save")
    }
}
