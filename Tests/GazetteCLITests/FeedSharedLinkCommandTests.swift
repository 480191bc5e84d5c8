import Foundation
import TestSupport
import XCTest

@testable import GazetteCore

/// Two feeds that share a channel link and short guids (a podcast network's shows: the link is
/// the network's home page, the guids `episode-1`…) are two feeds: opened together, the second
/// show's stories were taken for copies of the first's and left out, and a mark on one show's
/// episode marked the other's (found by QA). Marks stored under the ids earlier versions gave
/// (the link alone, the link as written) are still the story's.
final class FeedSharedLinkCommandTests: CommandTestCase {
    override var folderPrefix: String { "gazette-feed-shared-link" }

    /// The show `title` of the network at `link` with episodes 1 to `count`, written to `name`:
    /// its path.
    private func show(
        _ title: String, link: String = "https://network.example/", name: String, count: Int = 3
    ) throws -> String {
        let items = (1...count).map {
            """
            <item><title>\(title), episode \($0)</title><guid isPermaLink="false">episode-\($0)</guid>
            <enclosure url="https://cdn.example/\(name)/\($0).mp3" type="audio/mpeg" length="1"/></item>
            """
        }
        let text = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>\(title)</title><link>\(link)</link>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The stories of `list --json` of `paths`: title, id, read and flag marks of each, in order.
    private func listed(_ paths: [String]) throws -> [(title: String, id: String, read: Bool, flagged: Bool)]
    {
        let outcome = try run(["list"] + paths + ["--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let objects = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return objects.map {
            (
                $0["title"] as? String ?? "", $0["id"] as? String ?? "", $0["read"] as? Bool ?? false,
                $0["flagged"] as? Bool ?? false
            )
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

    /// A show renamed in its file (same link, same guids) keeps the marks `mark` made under its
    /// old title, renamed twice too: `list --json` shows the ids the new title gives, read.
    func testMarksStayWhenAShowIsRenamedTwice() throws {
        let path = try show("Show A", name: "show.xml")
        let before = try listed([path])
        XCTAssertEqual(try run(["mark", path, "2", "--read"]).status, 0)
        _ = try show("The Show Formerly Known As A", name: "show.xml")
        let renamed = try listed([path])
        XCTAssertEqual(renamed.map(\.read), [false, true, false])
        let tag = try XCTUnwrap(FeedIDScope.titleTag("The Show Formerly Known As A"))
        XCTAssertEqual(renamed.map(\.id), (1...3).map { "https://network.example/#\(tag)#episode-\($0)" })
        XCTAssertNotEqual(renamed.map(\.id), before.map(\.id))
        XCTAssertEqual(try run(["mark", path, "3", "--read"]).status, 0)
        _ = try show("Show C", name: "show.xml")
        XCTAssertEqual(try listed([path]).map(\.read), [false, true, true])
        XCTAssertEqual(try run(["export", path]).status, 0)
        XCTAssertEqual(try listed([path]).map(\.read), [false, true, true])
    }

    /// A show whose title is made blank, or taken out, keeps the marks made under its title:
    /// `list` shows them on the ids its link alone gives, and its title back, the marks made
    /// without it stay too.
    func testMarksStayWhenAShowsTitleIsMadeBlankAndBack() throws {
        let path = try show("Show A", name: "show.xml")
        let titled = try listed([path])
        XCTAssertEqual(try run(["mark", path, "2", "--read"]).status, 0)
        _ = try show("", name: "show.xml")
        let blank = try listed([path])
        XCTAssertEqual(blank.map(\.id), (1...3).map { "https://network.example/#episode-\($0)" })
        XCTAssertEqual(blank.map(\.read), [false, true, false])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "<title></title>", with: "").write(
            toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try listed([path]).map(\.read), [false, true, false], "no title element")
        XCTAssertEqual(try run(["mark", path, "3", "--read"]).status, 0)
        _ = try show("Show A", name: "show.xml")
        let back = try listed([path])
        XCTAssertEqual(back.map(\.id), titled.map(\.id))
        XCTAssertEqual(back.map(\.read), [false, true, true])
    }

    /// A mark `mark` took back while a show had no title is the one listed once its title is
    /// back, though the ids it has again kept the mark made under it before (it was listed read,
    /// found by QA); the same for a show renamed and named back.
    func testAMarkChangedWhileAShowHadNoTitleOrAnotherIsListedOnceItIsBack() throws {
        for other in ["", "Show B"] {
            let path = try show("Show A", name: "show-\(other.count).xml")
            XCTAssertEqual(try run(["mark", path, "2", "3", "--read"]).status, 0)
            _ = try show(other, name: "show-\(other.count).xml")
            XCTAssertEqual(try listed([path]).map(\.read), [false, true, true], other)
            XCTAssertEqual(try run(["mark", path, "2", "--unread"]).status, 0)
            _ = try show("Show A", name: "show-\(other.count).xml")
            XCTAssertEqual(try listed([path]).map(\.read), [false, false, true], other)
            XCTAssertEqual(try run(["mark", path, "1", "--flag"]).status, 0)
            XCTAssertEqual(try listed([path]).map(\.read), [false, false, true], other)
        }
    }

    /// One show kept in two files: marks `mark` changed in one after it was renamed, in the same
    /// run as the marks under its old title were taken over and in a later one, are those listed
    /// once the other is renamed too, not the older ones under the old title's ids, which that
    /// file's stored title leads to.
    func testMarksChangedInOneFileOfARenamedShowAreListedOnceTheOtherIsRenamed() throws {
        let one = try show("Show A", name: "one.xml")
        let other = try show("Show A", name: "other.xml")
        XCTAssertEqual(try run(["mark", one, "1", "2", "3", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", other, "1", "--flag"]).status, 0)
        _ = try show("Show B", name: "other.xml")
        XCTAssertEqual(try run(["mark", other, "2", "--unread"]).status, 0)
        XCTAssertEqual(try run(["mark", other, "3", "--unread"]).status, 0)
        _ = try show("Show B", name: "one.xml")
        for paths in [[one], [other], [one, other]] {
            let marks = try listed(paths)
            XCTAssertEqual(marks.map(\.read), [true, false, false], "\(paths)")
            XCTAssertEqual(marks.map(\.flagged), [true, false, false], "\(paths)")
        }
    }

    /// A file whose every story is a copy of one in a file named before it gets its show's title
    /// stored by `mark`, as the reader stores it: renamed later, its stories keep the marks made
    /// under the old title (they were listed unread, its title never stored).
    func testAFileOfCopiesKeepsItsMarksOnceItsShowIsRenamed() throws {
        let one = try show("Show A", name: "one.xml")
        let other = try show("Show A", name: "other.xml")
        XCTAssertEqual(try run(["mark", one, other, "2", "--read"]).status, 0)
        _ = try show("Show B", name: "other.xml")
        XCTAssertEqual(try listed([other]).map(\.read), [false, true, false])
        XCTAssertEqual(try listed([one, other]).map(\.read), [false, true, false, false, true, false])
    }

    /// Two files of copies of one show renamed since, each read under its own title: `list` and
    /// `list --json` show the marks its second file's stored title leads to, as `export` (and
    /// `mark`, and the reader) do (`list` looked only at the files that list stories of their own).
    func testListShowsTheMarksAFileOfCopiesStoredTitleLeadsTo() throws {
        let one = try show("Show A", name: "one.xml")
        let other = try show("Show B", name: "other.xml")
        XCTAssertEqual(try run(["mark", one, "1", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", other, "2", "--read"]).status, 0)
        _ = try show("Show C", name: "one.xml")
        _ = try show("Show C", name: "other.xml")
        let lines = try run(["list", one, other])
        XCTAssertEqual(
            lines.stdout.split(separator: "\n").map { String($0.dropFirst(2).prefix(1)) }, [" ", " ", "N"])
        XCTAssertEqual(try listed([one, other]).map(\.read), [true, true, false])
        let exported = try run(["export", one, other])
        XCTAssertEqual(exported.stdout.components(separatedBy: "\"read\" : true").count - 1, 2)
    }

    /// A show's file moved to another folder and renamed at once (a feed downloaded again under
    /// its new title) keeps the marks and flags made under its old title at its old path; the
    /// new title stored by `mark`, renamed again later, it keeps them still.
    func testMarksStayWhenAShowsFileIsMovedAndRenamedAtOnce() throws {
        for folderName in ["old", "new"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(folderName), withIntermediateDirectories: true)
        }
        let old = try show("Show A", name: "old/show.xml")
        XCTAssertEqual(try run(["mark", old, "2", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", old, "3", "--flag"]).status, 0)
        try FileManager.default.removeItem(atPath: old)
        let moved = try show("Show A (new feed)", name: "new/show.xml")
        let marks = try listed([moved])
        XCTAssertEqual(marks.map(\.read), [false, true, false])
        XCTAssertEqual(marks.map(\.flagged), [false, false, true])
        XCTAssertEqual(try run(["mark", moved, "1", "--read"]).status, 0)
        _ = try show("Show A, again", name: "new/show.xml")
        XCTAssertEqual(try listed([moved]).map(\.read), [true, true, false])
        XCTAssertEqual(try listed([moved]).map(\.flagged), [false, false, true])
    }

    /// A file renamed elsewhere takes no marks when its feed's old file is still there (a copy
    /// under another title, not a move), nor from a gone file of another show that shares the
    /// link and only one episode's guid of many.
    func testACopyOrAnotherShowSharingAFewGuidsTakesNoMarks() throws {
        let original = try show("Show A", name: "original.xml")
        XCTAssertEqual(try run(["mark", original, "--all", "--read"]).status, 0)
        let copy = try show("Show A (copy)", name: "copy.xml")
        XCTAssertEqual(try listed([copy]).map(\.read), [false, false, false])
        XCTAssertEqual(try listed([original]).map(\.read), [true, true, true])

        let gone = try show("Show B", name: "gone.xml", count: 6)
        XCTAssertEqual(try run(["mark", gone, "--all", "--read"]).status, 0)
        try FileManager.default.removeItem(atPath: gone)
        let text = try String(
            contentsOfFile: try show("Show D", name: "other.xml", count: 11), encoding: .utf8)
        // Episodes 6 to 11: one guid shared with the gone show's six.
        let items = text.components(separatedBy: "<item>")
        let other = folder.appendingPathComponent("other.xml").path
        try ([items[0]] + items.suffix(6)).joined(separator: "<item>").write(
            toFile: other, atomically: true, encoding: .utf8)
        XCTAssertEqual(try listed([other]).map(\.read), Array(repeating: false, count: 6))
    }

    /// `mark` on a long show renamed since its file was read reads it whole and stores its new
    /// title at once: the marks it makes are those listed once the title changes again, not
    /// those taken over from the old title's ids again (a mark taken back under the other title
    /// came back, then a flag made under the first was lost).
    func testMarkReadsALongShowRenamedSinceWholeAndStoresItsTitle() throws {
        let path = try show("Show A", name: "long.xml", count: 40)
        XCTAssertEqual(try run(["mark", path, "2", "--read"]).status, 0)
        _ = try show("Show B", name: "long.xml", count: 40)
        XCTAssertEqual(try run(["mark", path, "2", "--unread"]).status, 0)
        _ = try show("Show A", name: "long.xml", count: 40)
        XCTAssertEqual(try listed([path]).map(\.read), Array(repeating: false, count: 40))
        XCTAssertEqual(try run(["mark", path, "2", "--flag"]).status, 0)
        _ = try show("Show B", name: "long.xml", count: 40)
        let marks = try listed([path])
        XCTAssertEqual(marks.map(\.read), Array(repeating: false, count: 40))
        XCTAssertEqual(marks.map(\.flagged), (1...40).map { $0 == 2 })
    }

    /// `mark` on a long show indexes it only up to the stories named: the first title it sees
    /// is stored all the same (none hides no mark), but a new title replaces the one stored only
    /// once every story's marks under the old one were taken over.
    func testMarkStoresANewTitleOnlyOnceTheShowIsReadWhole() throws {
        let first = try show("Show A", name: "first.xml", count: 40)
        XCTAssertEqual(try run(["mark", first, "2", "--read"]).status, 0)
        _ = try show("Show B", name: "first.xml", count: 40)
        XCTAssertEqual(try listed([first]).map(\.read), (1...40).map { $0 == 2 })

        let other = "https://other.example/"
        let second = try show("Show A", link: other, name: "second.xml", count: 40)
        XCTAssertEqual(try run(["mark", second, "30", "--read"]).status, 0)
        _ = try show("Show B", link: other, name: "second.xml", count: 40)
        XCTAssertEqual(try run(["mark", second, "3", "--read"]).status, 0)
        XCTAssertEqual(try listed([second]).map(\.read), (1...40).map { $0 == 3 || $0 == 30 })
    }

    /// Two shows that share a link, each marked in its own file, keep their own marks once
    /// their files' titles are stored, listed together or alone.
    func testTwoShowsKeepTheirMarksOnceTheirTitlesAreStored() throws {
        let first = try show("Show A", name: "show-a.xml")
        let second = try show("Show B", name: "show-b.xml")
        XCTAssertEqual(try run(["mark", first, "1", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", second, "3", "--read"]).status, 0)
        XCTAssertEqual(try run(["mark", first, "--all", "--flag"]).status, 0)
        XCTAssertEqual(
            try listed([first, second]).map(\.read), [true, false, false, false, false, true])
        XCTAssertEqual(try listed([second]).map(\.read), [false, false, true])
        let store = try ReadingStateStore(path: statePath)
        defer { store.close() }
        XCTAssertEqual(
            try [first, second].map { try store.storedTitleTag(ofSource: StateLocation.absolute($0)) },
            [FeedIDScope.titleTag("Show A"), FeedIDScope.titleTag("Show B")])
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
