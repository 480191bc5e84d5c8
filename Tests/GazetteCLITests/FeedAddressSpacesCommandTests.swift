import Foundation
import TestSupport
import XCTest

/// A story's link or enclosure written with raw spaces is given with each space as `%20`, as
/// its body's links are: `export` gave them unencoded, `show` broke them at their spaces
/// (found by QA). The story's id is made of the link as written.
final class FeedAddressSpacesCommandTests: TemporaryFolderTestCase {
    override var folderPrefix: String { "gazette-address-spaces" }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        let outcome = try CommandRunner.run(
            arguments, environment: ["GAZETTE_STATE": folder.appendingPathComponent("s.sqlite").path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return outcome
    }

    func testExportGivesTheLinkAndEnclosureWithSpacesEncoded() throws {
        let path = folder.appendingPathComponent("sermons.xml").path
        try Data(
            """
            <rss version="2.0"><channel><title>Sermons</title><link>https://church.example/sermons</link>
            <item><title>Joy</title><link>https://church.example/sermons/Joy Dec 8</link>
            <description>On joy.</description>
            <enclosure url="https://church.example/media/2024-12-08 Sermon Joy.mp3" length="23456789" type="audio/mpeg"/>
            </item></channel></rss>
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let export = try run(["export", path])
        let articles = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(articles.first?["link"] as? String, "https://church.example/sermons/Joy%20Dec%208")
        XCTAssertEqual(
            articles.first?["links"] as? [String],
            ["https://church.example/media/2024-12-08%20Sermon%20Joy.mp3"])
        XCTAssertEqual(
            articles.first?["id"] as? String, "https://church.example/sermons/Joy Dec 8", "as before")
        // Listed whole: on a line of its own when it is too long for the label's.
        let show = try run(["show", path, "1", "--width", "80"])
        XCTAssertTrue(show.stdout.contains("[1] audio (mpeg, 23 MB):"), show.stdout)
        XCTAssertTrue(
            show.stdout.contains(" https://church.example/media/2024-12-08%20Sermon%20Joy.mp3\n"), show.stdout
        )
    }
}
