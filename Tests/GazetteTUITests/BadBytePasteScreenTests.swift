import GazetteCore
import TestSupport
import XCTest

@testable import GazetteTUI

/// A paste holding a byte that is not UTF-8, read from the bytes a terminal sends as the real
/// terminal reads them (``InputCharacterDecoder``, ``PastedText``): the search line shows the
/// valid part and U+FFFD, and the keys after the paste act. The bad byte took the paste's end
/// and every key after it: the search line stayed ` /` and no key acted (found by QA).
final class BadBytePasteScreenTests: XCTestCase {
    private let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// The events the bytes after a paste's start marker give: the paste, then each character
    /// after it as a key.
    private func events(afterPasteStart bytes: [UInt8]) -> [InputEvent] {
        var bytes = bytes[...]
        var decoder = InputCharacterDecoder()
        let read: (Int32) -> TerminalRead? = { _ in bytes.popFirst().map { .byte($0) } }
        let paste = PastedText {
            while let input = decoder.next(waiting: 2000, read: read) {
                if case .character(let character) = input { return character }
            }
            return nil
        }
        var events: [InputEvent] = [.paste(paste.text, cut: paste.cut)]
        while let input = decoder.next(waiting: 0, read: read) {
            guard case .character(let value) = input, let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            events.append(.key(character == "\u{1B}" ? .escape : .char(character)))
        }
        return events
    }

    func testThePromptShowsTheValidPartAndTheKeysAfterAct() throws {
        for bad: [UInt8] in [[0xE9], [0x9B], [0xE2, 0x82]] {
            let s = try ReaderSession(Fixtures.realNews, width: 100, height: 30)
            s.keys("/")
            s.terminal.send(events(afterPasteStart: Array("caf".utf8) + bad + pasteEnd + [0x1B, 0x6A, 0x6A]))
            s.app.run(stopWhenIdle: true)
            XCTAssertNil(s.reader.prompt, "Esc after the paste closed the search line: \(bad)")
            XCTAssertEqual(s.reader.selection, 2, "j j after it moved: \(bad)\(s.screenText)")
            XCTAssertFalse(s.reader.isFinished)
            let t = try ReaderSession(Fixtures.realNews, width: 100, height: 30)
            t.keys("/")
            t.terminal.send(events(afterPasteStart: Array("caf".utf8) + bad + pasteEnd + [0x78]))
            t.settle()
            XCTAssertTrue(t.statusLine.hasPrefix(" /caf\u{FFFD}x"), "\(bad): \(t.statusLine)")
        }
    }

    func testInTheListThePasteIsIgnoredAndTheKeysAfterAct() throws {
        let s = try ReaderSession(Fixtures.realNews, width: 100, height: 30)
        s.terminal.send(events(afterPasteStart: Array("caf".utf8) + [0xE9] + pasteEnd + Array("jj".utf8)))
        s.settle()
        XCTAssertNil(s.reader.prompt)
        XCTAssertEqual(s.reader.selection, 2, s.screenText)
        XCTAssertFalse(s.reader.isFinished)
    }
}
