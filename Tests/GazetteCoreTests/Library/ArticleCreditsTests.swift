import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// `gazette list` shows each story's credits without counting its words: what it shows is
/// what the screen's details give, for every story of the real files and for dumps whose
/// captions credit photos or name a byline.
final class ArticleCreditsTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-credits" }

    /// Every real file: the sample, the real dump and every real feed.
    private func realFiles() -> [String] {
        let root = Fixtures.feeds.standardizedFileURL.path
        return [Fixtures.sample.path, Fixtures.realNews.path] + Fixtures.feedFiles().map { root + "/" + $0 }
    }

    private func assertCreditsAsDetails(
        of paths: [String], detailsWhileIndexing: Bool, rereading: Bool, file: StaticString = #filePath,
        line: UInt = #line
    ) throws -> Int {
        var credited = 0
        for path in paths {
            guard
                let opened = try? SourceLoader.open(
                    paths: [path], detailsWhileIndexing: detailsWhileIndexing, rereading: rereading)
            else { continue }
            let catalog = ArticleCatalog.indexed(opened.sources)
            for position in catalog.entries.indices {
                let details = catalog.details(at: position, keeping: false)
                XCTAssertEqual(
                    catalog.credits(at: position), details.credited, "\(path) story \(position + 1)",
                    file: file, line: line)
                if details.credit != nil { credited += 1 }
            }
        }
        return credited
    }

    func testEveryRealStoryIsCreditedAsItsDetailsSay() throws {
        let files = realFiles()
        XCTAssertGreaterThan(files.count, 20)
        let credited = try assertCreditsAsDetails(of: files, detailsWhileIndexing: false, rereading: false)
        XCTAssertGreaterThan(credited, 100, "credits are there to compare")
        _ = try assertCreditsAsDetails(of: files, detailsWhileIndexing: true, rereading: false)
        _ = try assertCreditsAsDetails(of: files, detailsWhileIndexing: false, rereading: true)
    }

    func testADumpsPhotoCreditsAndBylinesAreFoundFromItsHeader() throws {
        let long = (1...400).map { "Paragraph \($0) of a long story." }
        let text = [
            DumpText.article(
                title: "Two photos", caption: "A street in Kyiv (AFP)", paragraphs: ["Body one."]),
            DumpText.article(
                title: "A long one", caption: "REUTERS/Piroschka van de Wouw/File Photo", paragraphs: long),
            DumpText.article(title: "No caption", paragraphs: ["Body three."], widgets: false),
            DumpText.article(title: "By a writer", caption: "By Jane Smith", paragraphs: ["Body four."]),
        ].joined(separator: "\n\n\n")
        let url = folder.appendingPathComponent("news.txt")
        try Data(text.utf8).write(to: url)
        let catalog = ArticleCatalog.indexed(try SourceLoader.open(paths: [url.path]).sources)
        XCTAssertEqual(catalog.entries.count, 4)
        XCTAssertEqual(catalog.credits(at: 0).all, ["AFP"])
        XCTAssertEqual(catalog.credits(at: 1).short, "REUTERS")
        XCTAssertNil(catalog.credits(at: 2).line)
        for position in 0..<4 {
            XCTAssertEqual(
                catalog.credits(at: position), catalog.details(at: position, keeping: false).credited)
        }
    }
}
