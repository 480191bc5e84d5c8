import Foundation
import GazetteCore
import TestSupport
import XCTest

/// Two feeds that share a channel link and short guids (a podcast network's shows: the link is
/// the network's home page, the guids `episode-1`…) are two feeds: opened together, the second
/// show's stories were taken for copies of the first's and left out, and a mark on one show's
/// episode marked the other's (found by QA). Marks stored under the ids earlier versions gave
/// (the link alone, the link as written) are still the story's.
final class FeedSharedLinkCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-feed-shared-link" }

    /// The show `title` of the network at `link`, written to `name`: its path.
    private func show(_ title: String, link: String = "https://network.example/", name: String) throws
        -> String
    {
        let text = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>\(title)</title><link>\(link)</link>
            <item><title>\(title), episode 1</title><guid isPermaLink="false">episode-1</guid>
            <enclosure url="https://cdn.example/\(name)/1.mp3" type="audio/mpeg" length="1"/></item>
            <item><title>\(title), episode 2</title><guid isPermaLink="false">episode-2</guid>
            <enclosure url="https://cdn.example/\(name)/2.mp3" type="audio/mpeg" length="1"/></item>
            <item><title>\(title), episode 3</title><guid isPermaLink="false">episode-3</guid>
            <enclosure url="https://cdn.example/\(name)/3.mp3" type="audio/mpeg" length="1"/></item>
            </channel></rss>
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The stories of `list --json` of `paths`: title, id and read mark of each, in order.
    private func listed(_ paths: [String]) throws -> [(title: String, id: String, read: Bool)] {
        let outcome = try run(["list"] + paths + ["--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return objects.map {
            ($0["title"] as? String ?? "", $0["id"] as? String ?? "", $0["read"] as? Bool ?? false)
        }
    }

    func testTwoShowsSharingALinkAndGuidsAreListedAndMarkedApart() throws {
        let first = try show("Show A", name: "show-a.xml")
        let second = try show("Show B", name: "show-b.xml")
        let both = try listed([first, second])
        XCTAssertEqual(
            both.map(\.title),
            ["Show A, episode 1", "Show A, episode 2", "Show A, episode 3"]
                + ["Show B, episode 1", "Show B, episode 2", "Show B, episode 3"])
        XCTAssertEqual(Set(both.map(\.id)).count, 6, "\(both.map(\.id))")
        XCTAssertEqual(try run(["mark", first, "2", "--read"]).status, 0)
        XCTAssertEqual(try listed([first, second]).map(\.read), [false, true, false, false, false, false])
        XCTAssertEqual(try run(["mark", second, "3", "--read"]).status, 0)
        XCTAssertEqual(
            try listed([second]).map(\.read), [false, false, true], "show A's episode 2 is not B's")
        XCTAssertEqual(
            try listed([first]).map(\.read), [false, true, false], "show B's episode 3 is not A's")
    }

    /// The ids of a feed whose title changed only in its case, spaces or punctuation stay.
    func testATitleRewrittenInItsCaseOrPunctuationKeepsTheMarks() throws {
        let before = try show("Show A", name: "show-a.xml")
        _ = try run(["mark", before, "1", "--read"])
        let after = try show("SHOW  A:", name: "show-a-renamed.xml")
        XCTAssertEqual(try listed([after]).map(\.read), [true, false, false])
        XCTAssertEqual(try listed([after]).map(\.id), try listed([before]).map(\.id))
    }

    /// Marks an earlier version stored under the id scoped by the link alone (in its normal
    /// form, as the last version made it) and under the link as written (as the one before made
    /// it) are listed, and taken over by `export` (as by `mark` and the reader): stored under the
    /// id the story has now.
    func testMarksUnderEitherEarlierIdAreListedAndTakenOver() throws {
        let link = "http://www.Network.example"
        let path = try show("Show A", link: link, name: "show-a.xml")
        let store = try ReadingStateStore(path: statePath)
        try store.setStates([
            ArticleID("https://network.example/#episode-1"): ArticleState(isRead: true),
            ArticleID(link + "#episode-2"): ArticleState(isRead: true, isFlagged: true),
        ])
        store.close()
        XCTAssertEqual(try listed([path]).map(\.read), [true, true, false])
        XCTAssertEqual(try run(["export", path]).status, 0)
        let ids = try listed([path]).map { ArticleID($0.id) }
        let check = try ReadingStateStore(path: statePath)
        defer { check.close() }
        let stored = try check.states(for: ids)
        XCTAssertEqual(ids.map { stored[$0]?.isRead }, [true, true, nil], "\(ids)")
        XCTAssertEqual(stored[ids[1]]?.isFlagged, true)
    }
}
