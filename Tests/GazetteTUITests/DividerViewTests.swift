import XCTest

@testable import GazetteTUI

/// The rule between list and article keeps some of the title while it has three columns for
/// it: at 24 columns a two-digit position dropped the title whole (found by QA).
final class DividerViewTests: XCTestCase {
    private func divider(position: String, width: Int) -> String {
        var canvas = Canvas(width: width, height: 1)
        DividerView.render(position: position, title: "Hidden title", progress: "all", row: 0, into: &canvas)
        return canvas.text(ofRow: 0)
    }

    func testATitleKeepsThreeColumnsOrGoes() {
        XCTAssertEqual(divider(position: "1/15", width: 24), "─── 1/15 ─ Hid… ─ all ──")
        XCTAssertEqual(divider(position: "10/15", width: 24), "─── 10/15 ─ Hi… ─ all ──")
        XCTAssertEqual(divider(position: "100/150", width: 24), "─── 100/150 ───── all ──")
        XCTAssertEqual(divider(position: "1/15", width: 40), "─── 1/15 ─ Hidden title ───────── all ──")
    }

    /// The title is cut at the same place whatever the percentage reads: its "…" moved as the
    /// article scrolled from 9% to 10% and 100% (found by QA).
    func testTheTitleStaysPutWhileThePercentageGrows() {
        let rows = ["0%", "9%", "10%", "100%"].map { progress in
            var canvas = Canvas(width: 40, height: 1)
            DividerView.render(
                position: "1/15", title: "Storm floods the harbour district", progress: progress, row: 0,
                into: &canvas)
            return canvas.text(ofRow: 0)
        }
        XCTAssertEqual(rows[0], "─── 1/15 ─ Storm floods the h… ─── 0% ──")
        XCTAssertEqual(rows[3], "─── 1/15 ─ Storm floods the h… ─ 100% ──")
        XCTAssertEqual(Set(rows.map { $0.prefix(28) }).count, 1, "\(rows)")
    }

    /// Short of room, the title goes first (leaving no empty slot), then the rules around the
    /// numbers shrink, then the progress: at the smallest width the percentage went and an empty
    /// title slot stayed (found by QA).
    func testTheNumbersOutlastTheTitleAndTheRules() {
        XCTAssertEqual(divider(position: "2,000/2,000", width: 20), "─ 2,000/2,000 ──────")
        XCTAssertEqual(divider(position: "2,000/2,000", width: 21), "─ 2,000/2,000 ─ all ─")
        XCTAssertEqual(divider(position: "2,000/2,000", width: 24), "─── 2,000/2,000 ─ all ──")
        XCTAssertEqual(divider(position: "2,000/2,000", width: 26), "─── 2,000/2,000 ─── all ──")
        XCTAssertEqual(divider(position: "50,000/50,000", width: 20), "─ 50,000/50,000 ────")
        var canvas = Canvas(width: 22, height: 1)
        DividerView.render(position: "2,000/2,000", title: "T", progress: "100%", row: 0, into: &canvas)
        XCTAssertEqual(canvas.text(ofRow: 0), "─ 2,000/2,000 ─ 100% ─")
    }
}
