import GazetteCore
import XCTest

@testable import GazetteTUI

/// The keyboard's bytes as characters: any bytes, valid UTF-8 or not, cut anywhere, end in a
/// bounded wait with every byte after them read (a byte that is not UTF-8 in a paste took the
/// paste's end and every key after it; found by QA).
final class InputCharacterDecoderTests: XCTestCase {
    /// What the terminal gives, in order: reads, and pauses (milliseconds) in which nothing comes.
    enum Item {
        case bytes([UInt8])
        case key(Int32)
        case pause(Int32)
    }

    /// A terminal playing `items`: a read waiting `w` ms passes a pause of up to `w` ms.
    final class Script {
        private var items: [Item]
        /// The longest wait any read asked for.
        private(set) var longestWait: Int32 = 0

        init(_ items: [Item]) {
            self.items = items.flatMap { item -> [Item] in
                guard case .bytes(let bytes) = item else { return [item] }
                return bytes.map { .bytes([$0]) }
            }
        }

        var isEmpty: Bool { items.isEmpty }

        /// Lets `milliseconds` pass with no read.
        func pass(_ milliseconds: Int32) {
            var left = milliseconds
            while case .pause(let pause)? = items.first {
                if pause > left {
                    items[0] = .pause(pause - left)
                    return
                }
                left -= pause
                items.removeFirst()
            }
        }

        func read(_ wait: Int32) -> TerminalRead? {
            longestWait = max(longestWait, wait)
            pass(wait)
            switch items.first {
            case .bytes(let bytes)?:
                items.removeFirst()
                return .byte(bytes[0])
            case .key(let code)?:
                items.removeFirst()
                return .keyCode(code)
            case .pause?, nil:
                return nil
            }
        }
    }

    /// Everything `items` decode to, read with `waiting` ms for each first byte (10 ms passing
    /// between reads that gave nothing).
    private func decode(
        _ items: [Item], waiting: Int32 = 0, decoder: inout InputCharacterDecoder
    ) -> (inputs: [TerminalInput], script: Script) {
        let script = Script(items)
        var inputs: [TerminalInput] = []
        var calls = 0
        while !script.isEmpty || decoder.holdsInput {
            calls += 1
            guard calls < 10_000 else {
                XCTFail("the decoder does not end")
                break
            }
            if let input = decoder.next(waiting: waiting, read: script.read) {
                inputs.append(input)
            } else {
                script.pass(10)
            }
        }
        return (inputs, script)
    }

    private func decode(_ items: [Item], waiting: Int32 = 0) -> [TerminalInput] {
        var decoder = InputCharacterDecoder()
        return decode(items, waiting: waiting, decoder: &decoder).inputs
    }

    private func characters(_ text: String) -> [TerminalInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    private let replacement = TerminalInput.character(0xFFFD)
    private let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// QA's three pastes: the valid part, one U+FFFD for the bad bytes, and the end marker's
    /// Esc and the keys after it read as they came (the Esc was taken into the bad character).
    func testABadByteTakesNothingAfterIt() {
        let cases: [([UInt8], String)] = [
            (Array("caf".utf8) + [0xE9], "caf"), (Array("abc".utf8) + [0x9B], "abc"),
            (Array("abc".utf8) + [0xE2, 0x82], "abc"),
        ]
        for (bytes, valid) in cases {
            let inputs = decode([.bytes(bytes + pasteEnd + Array("jQ".utf8))], waiting: 2000)
            XCTAssertEqual(
                inputs, characters(valid) + [replacement] + characters("\u{1B}[201~jQ"), "\(bytes)")
        }
    }

    /// A byte that starts no character, typed alone (0xFF, 0xC0, a lone continuation byte), is
    /// one U+FFFD, and the key after it is read.
    func testALoneBadByteIsOneReplacement() {
        for byte: UInt8 in [0xFF, 0xC0, 0xC1, 0xF5, 0x80, 0xBF, 0x9B] {
            XCTAssertEqual(decode([.bytes([byte, 0x6A])]), [replacement, .character(0x6A)], "\(byte)")
        }
    }

    /// Alt with a key: its Esc, then the key's bytes, decoded as any other (a byte past 0x7F
    /// that is no UTF-8 is U+FFFD).
    func testEscThenAByteAboveASCII() {
        XCTAssertEqual(
            decode([.bytes([0x1B, 0xE9, 0x6A])]), [.character(0x1B), replacement, .character(0x6A)])
        XCTAssertEqual(decode([.bytes([0x1B, 0xC3, 0xA9])]), [.character(0x1B), .character(0xE9)])
    }

    /// A character whose bytes come in two reads close together is one character, even when
    /// its first byte was read with no wait.
    func testACharacterSplitAcrossReadsIsOneCharacter() {
        let euro: [Item] = [.bytes([0xE2]), .pause(60), .bytes([0x82, 0xAC]), .bytes([0x6A])]
        XCTAssertEqual(decode(euro), [.character(0x20AC), .character(0x6A)])
        let mail: [Item] = [.bytes([0xF0, 0x9F]), .pause(40), .bytes([0x93]), .pause(40), .bytes([0xAC])]
        XCTAssertEqual(decode(mail), [.character(0x1F4EC)])
    }

    /// A character cut short by nothing more in time is U+FFFD after a bounded wait, and what
    /// comes later is read: nothing waits for ever for a continuation byte.
    func testACharacterNothingCompletesEndsInTime() {
        var decoder = InputCharacterDecoder()
        let (inputs, script) = decode(
            [.bytes([0xE2, 0x82]), .pause(5000), .bytes([0x6A])], decoder: &decoder)
        XCTAssertEqual(inputs, [replacement, .character(0x6A)])
        XCTAssertEqual(script.longestWait, InputCharacterDecoder.continuationWait)
    }

    /// A key ncurses recognised (an arrow) cuts a character short: U+FFFD, then the key.
    func testAKeyCutsACharacterShort() {
        XCTAssertEqual(decode([.bytes([0xE2]), .key(259)]), [replacement, .keyCode(259)])
        XCTAssertEqual(decode([.key(259), .bytes([0x6A])]), [.keyCode(259), .character(0x6A)])
    }

    /// What was put back (the key after a lone Esc) comes next, before the terminal.
    func testWhatIsPutBackComesFirst() {
        var decoder = InputCharacterDecoder()
        decoder.putBack(.character(0xE9))
        XCTAssertTrue(decoder.holdsInput)
        let (inputs, _) = decode([.bytes([0x6A])], decoder: &decoder)
        XCTAssertEqual(inputs, [.character(0xE9), .character(0x6A)])
    }

    /// Every sequence of bytes decodes as Swift's own UTF-8 decoding does (one U+FFFD per
    /// maximal bad part), overlong forms, surrogates and scalars past U+10FFFF included, cut
    /// into reads anywhere.
    func testAnyBytesDecodeAsUnicodeSays() {
        let fixed: [[UInt8]] = [
            [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80],
            [0xC0, 0xAF], [0xE1, 0x80, 0x41], [0xF1, 0x80, 0x80, 0xE2, 0x82, 0xAC],
        ]
        var generator = SystemRandomNumberGenerator()
        var cases = fixed
        for _ in 0..<500 {
            let length = Int.random(in: 0...12, using: &generator)
            let alphabet: [UInt8] = [
                0x41, 0x1B, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
            ]
            cases.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for bytes in cases {
            let expected = String(decoding: bytes, as: UTF8.self).unicodeScalars.map {
                TerminalInput.character($0.value)
            }
            XCTAssertEqual(decode([.bytes(bytes)]), expected, "\(bytes)")
            // Each byte in a read of its own, 30 ms apart.
            let apart = bytes.flatMap { [Item.bytes([$0]), .pause(30)] }
            XCTAssertEqual(decode(apart), expected, "\(bytes) apart")
        }
    }

    /// A paste whose text holds a byte that is not UTF-8 ends at its end marker, the bad byte
    /// U+FFFD, and the keys after the paste are left to be read.
    func testAPasteWithABadByteEndsAtItsMarker() {
        for tail: [UInt8] in [[0xE9], [0x9B], [0xE2, 0x82], [0xFF]] {
            let script = Script([.bytes(Array("caf".utf8) + tail + pasteEnd + Array("jQ".utf8))])
            var decoder = InputCharacterDecoder()
            let paste = PastedText {
                while let input = decoder.next(waiting: 2000, read: script.read) {
                    if case .character(let character) = input { return character }
                }
                return nil
            }
            XCTAssertEqual(paste.text, "caf\u{FFFD}", "\(tail)")
            XCTAssertFalse(paste.cut)
            XCTAssertEqual(decoder.next(waiting: 0, read: script.read), .character(0x6A), "j is read after")
            XCTAssertEqual(decoder.next(waiting: 0, read: script.read), .character(0x51), "Q is read after")
        }
    }
}
