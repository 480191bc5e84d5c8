import Foundation
import TestSupport
import XCTest

/// Files that are news in name only: each gives a clear error or a safe result, never a
/// crash, a hang, or memory far beyond its size.
final class MalformedFileTests: CommandTestCase {
    override var folderPrefix: String { "gazette-malformed" }
    override var stateFileName: String { "s.sqlite" }
    override var stateOption: StateOption { .environment }

    private func file(_ name: String, _ data: Data) -> String {
        let path = folder.appendingPathComponent(name).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        return path
    }

    /// A dump saved as UTF-16 with a byte-order mark (Notepad's "Unicode") is read as the same
    /// stories, with the same ids, as its UTF-8 original; it was refused as "UTF-16 text" (found
    /// by QA), and so is one without the mark (it was called binary; found by QA). An odd last
    /// byte is a replacement character, not a crash.
    func testAUTF16DumpIsReadAsItsUTF8Original() throws {
        let text = try String(contentsOf: Fixtures.sample, encoding: .utf8)
        let original = try run(["list", "--json", Fixtures.sample.path])
        XCTAssertEqual(original.status, 0, original.stderr)
        var little = Data([0xFF, 0xFE])
        little.append(text.data(using: .utf16LittleEndian) ?? Data())
        var big = Data([0xFE, 0xFF])
        big.append(text.data(using: .utf16BigEndian) ?? Data())
        let ids = { (json: String) in json.split(separator: "\n").filter { $0.contains("\"id\"") } }
        let bare = [
            ("bare-le.txt", text.data(using: .utf16LittleEndian) ?? Data()),
            ("bare-be.txt", text.data(using: .utf16BigEndian) ?? Data()),
        ]
        for (name, data) in [("le.txt", little), ("be.txt", big)] + bare {
            let outcome = try run(["list", "--json", file(name, data)])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(ids(outcome.stdout), ids(original.stdout), name)
        }
        let odd = try run(["list", "--json", file("odd.txt", little + Data([0x41]))])
        XCTAssertEqual(odd.status, 0, odd.stderr)
        XCTAssertEqual(ids(odd.stdout).first, ids(original.stdout).first)
    }

    func testFiftyMegabyteSingleLine() throws {
        // Six letters and a space, again and again (byte `index` a space where `index % 7 == 6`),
        // copied in doubling spans: a byte at a time took seconds in the debug build.
        var bytes = Array("aaaaaa ".utf8)
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes += bytes.prefix(min(bytes.count, (50 << 20) - bytes.count)) }
        let line = Data(bytes)
        let path = file("one-line.txt", line)
        let list = try run(["list", path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 1)
        let show = try run(["show", path, "1", "--width", "80"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // The same line as the body of a story: its start is shown and the rest is counted.
        let story = file("one-paragraph.txt", Data("A title\n\n".utf8) + line)
        let body = try run(["show", story, "1", "--width", "80"])
        XCTAssertEqual(body.status, 0, body.stderr)
        XCTAssertTrue(
            body.stdout.contains("more bytes of this paragraph not shown]"), String(body.stdout.suffix(300)))
    }

    func testAMillionBlankLines() throws {
        let path = file("blank.txt", Data(repeating: 0x0A, count: 1_000_000))
        let outcome = try run(["list", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("holds no articles"), outcome.stderr)
        let story = Data(DumpText.article(title: "After the blanks", paragraphs: ["Body."]).utf8)
        let mixed = file(
            "mixed.txt",
            Data(repeating: 0x0A, count: 1_000_000) + story + Data(repeating: 0x0D, count: 500_000))
        let found = try run(["list", mixed])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("After the blanks"), found.stdout)
    }

    func testOnlyPageFurniture() throws {
        let path = file("furniture.txt", Data("TT\n20\n\n\nTT\n7\n\n\n\nTT\n".utf8))
        let outcome = try run(["list", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("holds no articles"), outcome.stderr)
    }

    func testBinaryFilesAreNotNews() throws {
        for (name, bytes) in [
            ("a.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 100)),
            ("a.gz", [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0, count: 100)),
            ("random.bin", (0..<4096).map { UInt8(($0 * 7919) % 251) }),
        ] as [(String, [UInt8])] {
            let outcome = try run(["list", file(name, Data(bytes))])
            XCTAssertEqual(outcome.status, 1, name)
            XCTAssertTrue(outcome.stderr.contains("is not a news file"), "\(name): \(outcome.stderr)")
        }
    }

    func testStrayNulAndInvalidUTF8InAStory() throws {
        var bytes = Array(DumpText.article(title: "Damaged story", paragraphs: ["Before", "After"]).utf8)
        bytes.insert(contentsOf: [0x00, 0xFF, 0xC3, 0x28], at: bytes.count - 3)
        let outcome = try run(["show", file("damaged.txt", Data(bytes)), "1"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\u{FFFD}"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("\u{0}"))
    }
}
