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
            "replaced or emptied: not saved; restart Gazette ('a_very_long_state_file_na…')")
        XCTAssertEqual(
            StatusLineView.cut(replaced, to: 48), "replaced or emptied: not saved; restart Gazette")
        XCTAssertEqual(
            StatusLineView.cut(StateStoreError.replaced(path: "/x/state.sqlite").shortReason, to: 78),
            "replaced or emptied: not saved; restart Gazette ('state.sqlite')", "whole when it fits")
        let folder = StateStoreError.unwritable(
            path: "/tmp/qaF/d/ro/st.sqlite", reason: "folder '/tmp/qaF/d/ro' is not writable")
        XCTAssertEqual(
            "changes are not saved: " + folder.shortReason,
            "changes are not saved: its folder is not writable ('st.sqlite')")
        XCTAssertEqual(
            StateStoreError.newerSchema(path: "/x/st.sqlite", version: "99").shortReason,
            "written by a newer Gazette (schema 99): not saved; upgrade Gazette ('st.sqlite')")
        XCTAssertEqual(StatusLineView.cut("no name here, just a long message", to: 10), "no name h…")
    }
}
