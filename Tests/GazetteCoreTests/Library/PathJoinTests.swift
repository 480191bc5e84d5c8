import Foundation
import GazetteCore
import TestSupport
import XCTest

final class PathJoinTests: TemporaryFolderTestCase {
    /// One slash between a folder and a path inside it: a walk of `/` named its files
    /// `//etc/…` (found by QA).
    func testOneSlashJoinsAFolderAndAPathInIt() {
        XCTAssertEqual(PathJoin.joined("/", "/etc/hosts"), "/etc/hosts", "Foundation's walk of /")
        XCTAssertEqual(PathJoin.joined("/", "etc"), "/etc")
        XCTAssertEqual(PathJoin.joined("//", "etc"), "/etc")
        XCTAssertEqual(PathJoin.joined("news", "a.txt"), "news/a.txt")
        XCTAssertEqual(PathJoin.joined("news//", "//sub/a.txt"), "news/sub/a.txt")
        XCTAssertEqual(PathJoin.joined("./news/", "a.txt"), "./news/a.txt")
        XCTAssertEqual(PathJoin.joined("", "a.txt"), "a.txt")
        XCTAssertEqual(PathJoin.joined("café/", "東京.txt"), "café/東京.txt")
    }

    /// A folder's files, and what is skipped in it, are named with one slash after the folder
    /// however it was given.
    func testAFoldersFilesAreNamedWithOneSlash() throws {
        let news = folder.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        let text = DumpText.article(title: "A story", paragraphs: ["Its text."])
        XCTAssertTrue(FileManager.default.createFile(atPath: news.path + "/a.txt", contents: Data(text.utf8)))
        XCTAssertTrue(
            FileManager.default.createFile(atPath: news.path + "/b.bin", contents: Data([0, 1, 2, 0xFF])))
        let result = try SourceLoader.open(paths: [news.path + "//"])
        XCTAssertEqual(result.sources.map(\.source.path), [news.path + "/a.txt"])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].contains("'\(news.path)/b.bin'"), result.warnings[0])
    }
}
