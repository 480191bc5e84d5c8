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

    /// `q` lost its quotation marks, and struck text read as text ("price $10 $9 $8"; found by
    /// QA): it is set between "~~", as Markdown writes it.
    func testQuotationsAndStruckText() {
        XCTAssertEqual(
            paragraphs("<p>He said <q>yes</q>; price <del>$10</del> <s>$9</s> $8, <strike>old</strike>.</p>"),
            ["He said \u{201C}yes\u{201D}; price ~~$10~~ ~~$9~~ $8, ~~old~~."])
    }
}
