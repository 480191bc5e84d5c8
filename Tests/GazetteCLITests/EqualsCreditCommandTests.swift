import Foundation
import TestSupport
import XCTest

/// `export` and `list --json` give the credit a Japanese or Korean story writes after an
/// equals sign ("（写真＝共同）", "[사진=뉴시스]", a Yonhap dateline "(서울=연합뉴스)"): they gave
/// none or kept the label; a formula's sign gives none.
final class EqualsCreditCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-equals-credit" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func dump() throws -> String {
        let stories = [
            DumpText.article(
                title: "東京で初雪", caption: "東京都内の様子（写真＝共同）", paragraphs: ["東京で初雪が観測された。"]),
            DumpText.article(
                title: "서울 도심에 폭설", caption: "서울 시내 모습 [사진=뉴시스]",
                paragraphs: ["서울 도심에 많은 눈이 내렸다."]),
            DumpText.article(
                title: "부산에도 눈",
                paragraphs: ["(부산=연합뉴스) 김철수 기자 = 10일 부산에도 눈이 내렸다.", "두 번째 문단이다."]),
            DumpText.article(
                title: "A Formula on a Napkin", caption: "Einstein wrote E=mc² on a napkin",
                paragraphs: ["The napkin was sold on Monday."]),
        ]
        let path = folder.appendingPathComponent("news.txt").path
        try Data(stories.joined(separator: "\n\n\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testExportGivesTheCreditAfterTheSign() throws {
        let export = try run(["export", try dump()])
        XCTAssertEqual(export.status, 0, export.stderr)
        let records = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(records.count, 4)
        XCTAssertEqual(records.map { $0["credit"] as? String }, ["共同", "뉴시스", "연합뉴스", nil])
        XCTAssertEqual(
            records[2]["paragraphs"] as? [String], ["(부산=연합뉴스) 김철수 기자 = 10일 부산에도 눈이 내렸다.", "두 번째 문단이다."])
    }

    func testListGivesTheCreditAfterTheSign() throws {
        let list = try run(["list", "--json", try dump()])
        XCTAssertEqual(list.status, 0, list.stderr)
        let rows = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["credit"] as? String }, ["共同", "뉴시스", "연합뉴스", nil])
    }
}
