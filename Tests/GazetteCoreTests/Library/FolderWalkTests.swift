import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// A folder's walk names every news file by its path inside the folder, in path order, with
/// the rules of the walk it replaced (hidden files, documentation, links not followed).
final class FolderWalkTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-folder-walk" }

    @discardableResult
    private func write(_ index: Int, as name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(DumpText.article(title: "Story \(index)", paragraphs: ["Body \(index)."]).utf8).write(
            to: url)
        return url.path
    }

    /// A subfolder path that holds the folder's own path again was cut out of its files' names
    /// (Foundation's walk took every copy of the folder's path out of what it found), and
    /// `news/a/<folder>/news/b.txt` was looked for as `news/ab.txt` and skipped as missing.
    func testAFolderWhosePathInsideRepeatsTheFoldersIsWalkedWhereItIs() throws {
        let root = folder.appendingPathComponent("news").path
        let resolved = try XCTUnwrap(realpath(folder.path, nil))
        defer { free(resolved) }
        let real = String(cString: resolved) + "/news"
        let first = try write(1, as: "news/first.txt")
        let nested = try write(2, as: "news/a" + real + "/b.txt")
        let result = try SourceLoader.open(paths: [root])
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.sources.map(\.source.path), [nested, first])
    }

    /// Hidden files and folders, documentation and a link to a folder are left out or told as
    /// before; files come in path order (`a-b/…` before `a/…`), not folder by folder.
    func testTheWalkKeepsItsRulesAndPathOrder() throws {
        let root = folder.appendingPathComponent("news").path
        try write(1, as: "news/a/b.txt")
        try write(2, as: "news/a-b/c.txt")
        try write(3, as: "news/.hidden/d.txt")
        try write(4, as: "news/.e.txt")
        try write(5, as: "news/README.md")
        try write(6, as: "news/z.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/a")
        let result = try SourceLoader.open(paths: [root])
        XCTAssertEqual(
            result.sources.map(\.source.path), [root + "/a-b/c.txt", root + "/a/b.txt", root + "/z.txt"])
        XCTAssertEqual(
            result.warnings,
            [
                "skipped '\(root)/link': a link to the folder '\(root)/a', which is read where it is "
                    + "(links to folders are not followed)"
            ])
    }
}
