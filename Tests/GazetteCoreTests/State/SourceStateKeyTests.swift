import Foundation
import XCTest

@testable import GazetteCore

/// Reading state is stored under ``Source/stateKey``: it must stay what Foundation's
/// `standardizedFileURL` made of the path when the key was first worked out that way, or
/// stories read before would look unread.
final class SourceStateKeyTests: XCTestCase {
    private func foundationKey(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func testTheKeyIsFoundationsStandardizedPath() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazette-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub dir/ünï"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: folder.appendingPathComponent("sub dir/news.txt").path, contents: Data()))
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: folder.appendingPathComponent("sub dir").path)
        let base = folder.path
        let paths = [
            "/", "/news.txt", "//news.txt", "/a//b///c.txt", "/a/./b/../c.txt", "/../x", "/a/b/..", "/a/b/.",
            "/a/b/", "/a/b//", "/a/%20b.txt", "/a/b c/d.txt", "/a/ünï/ñ.txt", "/a/新闻.txt", "/a/..b/c",
            "/a/b../c",
            "/a/.hidden", "/a/...", "/private/tmp/x", "/var/automount/x",
            "\(base)/sub dir/news.txt", "\(base)/sub dir/", "\(base)/sub dir/ünï/..", "\(base)/link/news.txt",
            "\(base)/link/../x", "\(base)/missing/../sub dir/news.txt",
            // Foundation drops these prefixes when the rest exists, and only then.
            "/private\(base)/sub dir/news.txt", "/private\(base)/missing", "/private\(base)/x/../sub dir",
            "/var/automount\(base)/sub dir", "/var/automount\(base)/missing", "/private", "/private/",
            "news.txt", "./news.txt", "../news.txt", "a/../../b", "sub/./x//y", ".", "..",
        ]
        for path in paths {
            let source = Source(path: path, displayName: "x", format: .plainTextDump)
            XCTAssertEqual(source.stateKey, foundationKey(path), "for \(path)")
        }
        XCTAssertEqual(Source(path: "-", displayName: "x", format: .plainTextDump).stateKey, "-")
    }
}
