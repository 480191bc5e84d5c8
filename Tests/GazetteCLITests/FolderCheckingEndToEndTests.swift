import Foundation
import GazetteCore
import TestSupport
import XCTest

/// A folder of thousands of files in a real terminal: the first screen comes after its first
/// files are checked, the rest are checked while it is up (counted on the status line), and
/// the count, `G` and the files skipped end as when every file was checked first.
final class FolderCheckingEndToEndTests: TmuxTestCase {
    override var folderPrefix: String { "gazette-folder-checking" }

    private static let stories = 2000
    private var news: URL { folder.appendingPathComponent("news") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        for part in 0..<4 {
            try FileManager.default.createDirectory(
                at: news.appendingPathComponent("part\(part)"), withIntermediateDirectories: true)
        }
        for index in 0..<Self.stories {
            let text = DumpText.article(title: "Story \(index)", paragraphs: ["Body of story \(index)."])
            let name = "part\(index % 4)/story-\(String(format: "%05d", index)).txt"
            try write(text, to: news.appendingPathComponent(name).path)
        }
        // Files that are not news, checked last.
        try Data().write(to: news.appendingPathComponent("zz-empty.txt"))
        try Data("{\"not\": \"a feed\"}".utf8).write(to: news.appendingPathComponent("zz-data.json"))
    }

    func testAFolderOfThousandsOfFilesShowsItsFirstScreenThenEveryStory() throws {
        // Wide enough that a skipped file's whole path fits on a line.
        let tmux = try startGazette([news.path], width: 200)
        try expect(tmux, "the first screen, while the files are still checked", timeout: 30) { rows in
            rows.first?.hasPrefix(" Gazette — ") == true && contains(rows, "Story 0")
                && rows.last?.contains("checking files: ") == true
                && rows.last?.contains(" of 2,002") == true
        }
        try tmux.sendKeys("G")
        try expect(tmux, "every story, and G at the last", timeout: 60) { rows in
            rows.first?.hasSuffix("2,000 unread of 2,000") == true && contains(rows, "─── 2,000/2,000 ─")
        }
        let rows = tmux.lastCapture
        XCTAssertTrue(rows[0].hasPrefix(" Gazette — 2,000 sources"), tmux.screenText)
        XCTAssertTrue(contains(rows, "Story 1999"), tmux.screenText)
        try expect(tmux, "the files skipped, told when checked") { rows in
            rows.last?.contains("2 files skipped; the first: ") == true
        }
        try tmux.sendKeys("q")
        try expect(tmux, "the exit, and the files skipped on standard error") { rows in
            rows.contains { $0.trimmingCharacters(in: .whitespaces) == "EXITED:0" }
                && contains(rows, "/news/zz-empty.txt' is empty")
                && contains(rows, "/news/zz-data.json' is not a news file")
        }
    }

    /// The folder removed by `rm` (Foundation took seconds for these thousands of files).
    override func tearDownWithError() throws {
        let remove = Process()
        remove.executableURL = URL(fileURLWithPath: "/bin/rm")
        remove.arguments = ["-rf", news.path]
        try remove.run()
        remove.waitUntilExit()
        try super.tearDownWithError()
    }

    /// Writes `text` at `path` with the C library (Foundation took seconds for thousands of files).
    private func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        _ = text.utf8CString.withUnsafeBufferPointer { fputs($0.baseAddress!, file) }
    }

    private func contains(_ rows: [String], _ text: String) -> Bool {
        rows.contains { $0.contains(text) }
    }
}
