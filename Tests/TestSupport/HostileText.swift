/// A news dump written to attack a terminal: escape sequences that clear the screen, retitle
/// the window, write the clipboard, hide text; C1 controls; bidi overrides; invisible
/// characters; NUL; tabs.
public enum HostileText {
    /// Code points that must never reach a terminal from a news file.
    public static let forbiddenScalars: [ClosedRange<UInt32>] = [
        0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069,
    ]

    public static let title = "Breaking\u{1B}[2J\u{1B}]0;pwned\u{07} news \u{202E}txt.exe\u{202C} now"

    public static let dump: String = {
        let lines = [
            title,
            "",
            "A caption\u{1B}]52;c;cHduZWQ=\u{07} (AFP)",
            "A caption\u{1B}]52;c;cHduZWQ=\u{07} (AFP)",
            "TT",
            "20",
            "",
            "First paragraph \u{1B}[31mred\u{1B}[0m and \u{9B}31m C1 CSI and \u{1B}P1;2|secret\u{1B}\\ DCS.",
            "",
            "Second\tparagraph with tabs,\u{0} a NUL, \u{7F} DEL, zero\u{200B}width and \u{2066}isolated\u{2069} text.",
            "",
            "Third: \u{1B}_apc payload\u{1B}\\ and \u{1B}^pm\u{1B}\\ and \u{1B}Xsos\u{1B}\\ end \u{1B}c reset.",
            "",
            "",
            "",
            "Second story \u{1B}]2;title two\u{1B}\\ here",
            "",
            "Plain body text.",
        ]
        return lines.joined(separator: "\n")
    }()

    /// The forbidden scalars found in `text`, as hex, for an assertion message.
    public static func forbidden(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            scalar != "\n" && scalar != "\t" && forbiddenScalars.contains { $0.contains(scalar.value) }
        }.map { String($0.value, radix: 16) }
    }
}
