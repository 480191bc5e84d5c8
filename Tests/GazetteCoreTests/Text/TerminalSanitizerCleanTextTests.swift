import XCTest

@testable import GazetteCore

/// Text is told clean on its bytes, printable ASCII eight bytes at a time: what it says is
/// what the scalars say (none a control, a line feed allowed where lines are kept), wherever
/// in the eight bytes a control or a scalar beyond ASCII stands.
final class TerminalSanitizerCleanTextTests: XCTestCase {
    private func cleanByScalars(_ text: String, keepingNewlines: Bool) -> Bool {
        !text.unicodeScalars.contains { TerminalSanitizer.isControl($0) && !(keepingNewlines && $0 == "\n") }
    }

    func testEveryPlaceOfEveryKindOfByteInPrintableASCII() {
        let odd: [String] = [
            "\u{0}", "\n", "\t", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{61C}",
            "\u{200B}", "\u{2028}", "\u{202E}", "\u{2060}", "\u{2069}", "\u{FEFF}", "中", "\u{1F600}", " ",
            "~",
        ]
        for length in 0...40 {
            for place in 0..<max(length, 1) {
                for scalar in odd {
                    for second in ["", "a", "\n", "é"] {
                        let text =
                            String(repeating: "a", count: place) + scalar
                            + String(repeating: "~", count: length / 2)
                            + second + String(repeating: " ", count: max(0, length - place - 1))
                        for keeping in [false, true] {
                            XCTAssertEqual(
                                TerminalSanitizer.isClean(text, keepingNewlines: keeping),
                                cleanByScalars(text, keepingNewlines: keeping),
                                "\(text.debugDescription) \(keeping)")
                        }
                    }
                }
            }
        }
    }

    func testEveryScalarAfterPrintableASCII() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(repeating: "x", count: Int(value % 17))
            text.unicodeScalars.append(scalar)
            text += "yz"
            XCTAssertEqual(
                TerminalSanitizer.isClean(text, keepingNewlines: value % 2 == 0),
                cleanByScalars(text, keepingNewlines: value % 2 == 0), "U+\(String(value, radix: 16))")
        }
    }
}
