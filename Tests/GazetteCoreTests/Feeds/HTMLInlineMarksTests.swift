import XCTest

@testable import GazetteCore

/// Elements whose meaning went with their tags show it as marks.
final class HTMLInlineMarksTests: XCTestCase {
    private func paragraphs(_ html: String) -> [String] {
        HTMLRenderer.render(html).paragraphs
    }

    /// A task list's items showed "• Port to ARM", done or not (found by QA).
    func testTaskListCheckboxesShowDoneOrNot() {
        XCTAssertEqual(
            paragraphs(
                #"<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled="" checked=""> Port to ARM</li>"#
                    + #"<li class="task-list-item"><input type="checkbox" disabled=""> Windows support</li><li>Plain</li></ul>"#
                    + #"<ol><li><input type="checkbox" checked> Numbered</li></ol><p>Agree <input type="checkbox"> <input type="text"> ok</p>"#
            ),
            ["[x] Port to ARM\n[ ] Windows support\n• Plain", "1. [x] Numbered", "Agree [ ] ok"])
    }
}
