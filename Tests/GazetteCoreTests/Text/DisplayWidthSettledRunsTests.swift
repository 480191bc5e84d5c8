import XCTest

@testable import GazetteCore

/// The widths `DisplayWidth` settles without a property lookup (its runs of common scripts, the
/// ranges without Emoji_Presentation) are those the general rule gives, scalar by scalar and
/// cluster by cluster.
final class DisplayWidthSettledRunsTests: XCTestCase {
    /// Every scalar's width, as the general rule gives it: by its properties alone.
    private func generalWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        return DisplayWidth.isWide(value) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Whether a cluster is an emoji picture, by the properties of every scalar.
    private func generalIsEmojiCluster(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let first = scalars.first else { return false }
        return scalars.contains {
            $0.value == 0xFE0F ? first.properties.isEmoji : $0.properties.isEmojiPresentation
        }
    }

    /// A cluster's width by the general rule.
    private func generalWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let first = scalars.first else {
            return scalars.first.map(generalWidth) ?? 0
        }
        if generalIsEmojiCluster(scalars) {
            guard let parts = DisplayWidth.emojiParts(of: scalars) else { return 2 }
            return parts.reduce(0) { total, part in total + part.reduce(0) { $0 + generalWidth($1) } }
        }
        return scalars.dropFirst().reduce(generalWidth(first)) { $0 + generalWidth($1) }
    }

    func testEveryScalarHasTheWidthTheGeneralRuleGives() {
        var settled = 0
        for value in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let width = generalWidth(scalar)
            if let fast = DisplayWidth.settledWidth(of: value) {
                settled += 1
                XCTAssertEqual(fast, width, "U+\(String(value, radix: 16))")
            }
            XCTAssertEqual(DisplayWidth.scalarWidth(scalar), width, "U+\(String(value, radix: 16))")
        }
        XCTAssertGreaterThan(settled, 40_000)
    }

    func testNoScalarOutsideTheEmojiRangesHasEmojiPresentation() {
        for value in UInt32(0)...0x10_FFFF where !DisplayWidth.mayBeEmojiPresentation(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertFalse(scalar.properties.isEmojiPresentation, "U+\(String(value, radix: 16))")
        }
    }

    /// News text's common scalars beyond Latin are settled without a lookup.
    func testCommonScriptsAreSettled() {
        let text = "’“”—–…€ Привет Ελλάδα שלום سلام مَرْحَبًا Việt 中文 ひらがな カタカナ 한국어 ＡＢ　"
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            XCTAssertNotNil(
                DisplayWidth.settledWidth(of: scalar.value), "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// Clusters of a base from each range with combining marks, VS-15, VS-16, skin tones,
    /// keycaps and joiners: `of`, `isWide` and `cells` as the general rule has them.
    func testClustersHaveTheWidthTheGeneralRuleGives() {
        let bases: [ClosedRange<UInt32>] = [
            0x41...0x45, 0xC0...0xC3, 0x100...0x103, 0x391...0x394, 0x410...0x413, 0x5D0...0x5D2,
            0x627...0x62A, 0x915...0x917, 0xE01...0xE03, 0x1100...0x1102, 0x1E9F...0x1EA2,
            0x2018...0x201D, 0x2190...0x2192, 0x231A...0x231B, 0x2600...0x2605, 0x2614...0x2615,
            0x26A0...0x26A1, 0x2702...0x2705, 0x2764...0x2764, 0x3041...0x3043, 0x4E00...0x4E02,
            0xAC00...0xAC02, 0xFF01...0xFF03, 0x1F1EE...0x1F1F7, 0x1F468...0x1F469, 0x1F4BB...0x1F4BB,
            0x1F44D...0x1F44D, 0x1F3F3...0x1F3F4, 0x30...0x31, 0x23...0x23,
        ]
        let followers: [[UInt32]] = [
            [], [0x301], [0x301, 0x302], [0x64E], [0x5B4], [0x94D, 0x937], [0x93F], [0xE33], [0xE31],
            [0x1161, 0x11A8], [0x3099], [0x20E3], [0xFE0F], [0xFE0E], [0xFE0F, 0x20E3], [0x1F3FD],
            [0x200D, 0x1F4BB], [0x1F3FD, 0x200D, 0x1F4BB], [0xFE0F, 0x200D, 0x1F308],
            [0x200D, 0x1F469, 0x200D, 0x1F467], [0x200D, 0x41], [0x200C], [0x1F1F8], [0xE0067, 0xE007F],
        ]
        var checked = 0
        for range in bases {
            for base in range {
                for tail in followers {
                    let scalars = ([base] + tail).compactMap(Unicode.Scalar.init)
                    let text = String(String.UnicodeScalarView(scalars))
                    for character in text {
                        checked += 1
                        let name = character.unicodeScalars.map { String($0.value, radix: 16) }.joined(
                            separator: " ")
                        XCTAssertEqual(DisplayWidth.of(character), generalWidth(character), name)
                        let first = character.unicodeScalars.first.map { $0.value } ?? 0
                        let wide =
                            DisplayWidth.isWide(first)
                            || (character.unicodeScalars.count == 1
                                ? character.unicodeScalars.first?.properties.isEmojiPresentation == true
                                : generalIsEmojiCluster(character.unicodeScalars))
                        XCTAssertEqual(DisplayWidth.isWide(character), wide, name)
                        let cells =
                            DisplayWidth.cells(of: character) ?? [
                                (String(character), generalWidth(character))
                            ]
                        XCTAssertEqual(cells.reduce(0) { $0 + $1.width }, generalWidth(character), name)
                    }
                    XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + generalWidth($1) }, text)
                }
            }
        }
        XCTAssertGreaterThan(checked, 2_000)
    }
}
