import XCTest

@testable import GazetteCore

/// A no-break space beside an ordinary one ("async/await &nbsp;...") went with the next word, so
/// that a wrapped line could start with it and look indented. Beside a space it is part of the
/// space between the words, which vanishes at a break; between two words it still keeps them
/// together.
final class TextWrapperNoBreakSpaceTests: XCTestCase {
    private let nbsp = "\u{A0}"

    /// Both wrappers (bytes of one-column text, graphemes) give these lines.
    private func assertWraps(
        _ paragraph: String, width: Int, _ expected: [String], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        XCTAssertEqual(TextWrapper.wrap(paragraph, width: width), expected, file: file, line: line)
        XCTAssertEqual(
            TextWrapper.wrapGraphemes(paragraph, width: width).map(\.text), expected, file: file, line: line)
    }

    func testALineStartsWithNoNoBreakSpaceAfterABreakAtASpace() {
        // Google Alerts: "brings async/await &nbsp;...".
        assertWraps("model brings async/await \(nbsp)...", width: 24, ["model brings async/await", "..."])
        // A dump: "the line is \u{A0} full".
        assertWraps(
            "until the line is \(nbsp) full and 10\(nbsp)km away.", width: 18,
            ["until the line is", "full and 10\(nbsp)km", "away."])
    }

    func testALineEndsWithNoNoBreakSpaceBeforeABreakAtASpace() {
        assertWraps("one two\(nbsp)\(nbsp) three", width: 8, ["one two", "three"])
        assertWraps("one two\(nbsp) \(nbsp)three", width: 8, ["one two", "three"])
    }

    func testOnOneLineTheyShowAsWritten() {
        assertWraps("a \(nbsp)b c\(nbsp) d", width: 80, ["a \(nbsp)b c\(nbsp) d"])
        assertWraps("a \(nbsp) b", width: 80, ["a \(nbsp) b"])
    }

    func testBetweenTwoWordsTheyStillKeepThemTogether() {
        assertWraps("it is 10\(nbsp)km away", width: 8, ["it is", "10\(nbsp)km", "away"])
        assertWraps("\(nbsp)\(nbsp)Indented text", width: 80, ["\(nbsp)\(nbsp)Indented text"])
    }

    func testWideTextToo() {
        XCTAssertEqual(TextWrapper.wrap("漢字 \(nbsp)かな", width: 5), ["漢字", "かな"])
        XCTAssertEqual(TextWrapper.wrap("漢字 \(nbsp)かな", width: 20), ["漢字 \(nbsp)かな"])
    }
}
