import XCTest

@testable import GazetteCore

final class JSONFeedParserTests: XCTestCase {
    /// JSON text is UTF-8 (RFC 8259): bytes that are not are U+FFFD, the rest read as UTF-8.
    /// The whole feed was read as windows-1252 ("TÃ(", "b€ody"; found by QA).
    func testJSONTextIsUTF8WithBadBytesAsReplacementCharacters() throws {
        func feed(title: [UInt8], text: [UInt8], mark: [UInt8] = []) -> [UInt8] {
            mark + Array(#"{"version":"https://jsonfeed.org/version/1.1","title":"J "#.utf8) + [0xFF]
                + Array(#"","items":[{"id":"1","title":""#.utf8) + title
                + Array(#"","content_text":""#.utf8) + text + Array(#""}]}"#.utf8)
        }
        for mark in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            let parsed = ParsedFeed(
                feed(title: [0x54, 0xC3, 0x28], text: [0x62, 0x80, 0x6F, 0x64, 0x79], mark: mark))
            let item = try XCTUnwrap(parsed.first, "\(String(describing: parsed.error))")
            XCTAssertEqual(item.title, "T\u{FFFD}(")
            XCTAssertEqual(item.content, "b\u{FFFD}ody")
            XCTAssertEqual(parsed.header?.title, "J \u{FFFD}")
            // Valid UTF-8 among the bad bytes is read as such.
            let mixed = ParsedFeed(
                feed(title: Array("Café ".utf8) + [0xE9], text: Array("中文".utf8), mark: mark))
            XCTAssertEqual(mixed.first?.title, "Café \u{FFFD}")
            XCTAssertEqual(mixed.first?.content, "中文")
        }
        // With a UTF-16 or UTF-32 byte-order mark, the text is read as the mark says.
        let text = #"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Café 中文"}]}"#
        let utf16LE: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32LE: [UInt8] =
            [0xFF, 0xFE, 0, 0]
            + text.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
            }
        for bytes in [utf16LE, utf16BE, utf32LE] {
            let parsed = ParsedFeed(bytes)
            XCTAssertEqual(parsed.first?.title, "Café 中文", "\(String(describing: parsed.error))")
        }
    }
}

extension JSONFeedParserTests {
    /// An entry of `items` that is not an object (a string, a number, null, true, an array) is
    /// left out and said once: it was one empty "(untitled)" story, without a word (found by QA).
    func testItemsThatAreNotObjectsAreLeftOutAndSaidOnce() {
        let start = #"{"version":"https://jsonfeed.org/version/1.1","title":"Junk items","items":["#
        let real = #"{"id":"1","title":"Real story","content_text":"text"}"#
        let feed = ParsedFeed(start + real + #","a string item",42,null,true,[1,2]]}"#)
        XCTAssertNil(feed.error)
        XCTAssertEqual(feed.items.map(\.title), ["Real story"])
        XCTAssertEqual(feed.warnings, ["5 entries of items are not objects; they are left out"])
        let one = ParsedFeed(start + #"null,"# + real + "]}")
        XCTAssertEqual(one.items.map(\.title), ["Real story"])
        XCTAssertEqual(one.warnings, ["1 entry of items is not an object; it is left out"])
        let none = ParsedFeed(start + #""x",1]}"#)
        XCTAssertNil(none.error)
        XCTAssertEqual(none.items.count, 0)
        XCTAssertEqual(none.warnings, ["2 entries of items are not objects; they are left out"])
        let whole = ParsedFeed(start + real + "]}")
        XCTAssertEqual(whole.warnings, [], "an object, even an empty one, is an item")
        XCTAssertEqual(ParsedFeed(start + "{}]}").items.count, 1)
    }
}

extension JSONFeedParserTests {
    /// An id or address holds no control character: a terminal's escape sequence is removed
    /// whole and any other control left out. A JSON Feed's id and link kept ESC and NUL, so
    /// `export` gave a terminal's escape sequences to scripts (found by QA). Text fields keep
    /// theirs: they are removed whole where the text is shown.
    func testIdsAndAddressesHoldNoControlCharacters() throws {
        let feed = ParsedFeed(
            #"{"version":"https://jsonfeed.org/version/1.1","title":"Evil \u001b]0;owned\u0007Feed","#
                + #""home_page_url":"https://home.example/\u0007","items":[{"id":"a\u001b[2Jb\u0000","#
                + #""title":"Clean","content_text":"one\ttwo","url":"https://example.com/x\u001b[31m\u0000y","#
                + #""attachments":[{"url":"https://example.com/a\u009b.mp3","mime_type":"audio/mpeg"}]}]}"#)
        let item = try XCTUnwrap(feed.first, "\(String(describing: feed.error))")
        XCTAssertEqual(item.id, "ab")
        XCTAssertEqual(feed.header?.link, "https://home.example/")
        XCTAssertEqual(item.link, "https://example.com/xy")
        XCTAssertEqual(item.enclosures, ["https://example.com/a.mp3"])
        XCTAssertEqual(item.content, "one\ttwo")
        XCTAssertEqual(feed.header?.title, "Evil \u{1B}]0;owned\u{07}Feed", "shown through the sanitiser")
    }
}
