/// Whether undeclared bytes look like Japanese in Shift_JIS.
///
/// Japanese is written in runs of two-byte characters, so most of its high bytes touch another,
/// and many of them are from 0x81 to 0x9F, the lead bytes of kana and common kanji.
/// windows-1252's quotes and apostrophes (0x91...0x94) before a Latin letter (`don` 0x92 `t`)
/// make valid Shift_JIS pairs too, but each stands alone among ASCII: such text showed as kanji
/// ("Don稚 go"). A character's second byte can be ASCII too (サッカー is 83 54 83 62 83 4A 81
/// 5B, 地震 is 92 6E 90 6B), so the first bytes of two or more such characters in a row stand
/// alone among ASCII yet count as touching, unless all of them are windows-1252's quotes,
/// dashes or ellipsis (rock’n’roll). A single such character stays ambiguous ("本" is 96 7B,
/// "–{" in windows-1252).
enum ShiftJISGuess {
    /// Whether at least one in four high bytes of `bytes` is from 0x80 to 0x9F and at least half
    /// of them touch another or start a run of characters.
    static func isShiftJIS(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var high = 0
        var c1 = 0
        var inRuns = 0
        var run = Run()
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            guard byte >= 0x80 else {
                inRuns += run.close()
                index += 1
                continue
            }
            high += 1
            if byte <= 0x9F { c1 += 1 }
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = index + 1 < count ? bytes[index + 1] : 0x20
            if before >= 0x80 || after >= 0x80 { inRuns += 1 }
            if isLead(byte), isTrail(after), index + 1 < count {
                run.add(lead: byte, isAlone: before < 0x80 && after < 0x80)
                if after >= 0x80 {
                    high += 1
                    if after <= 0x9F { c1 += 1 }
                    // The trail touches its lead; the byte after it is looked at next.
                    inRuns += 1
                }
                index += 2
            } else {
                inRuns += run.close()
                index += 1
            }
        }
        inRuns += run.close()
        return high > 0 && c1 * 4 >= high && inRuns * 2 >= high
    }

    /// Two-byte characters one after another.
    private struct Run {
        var characters = 0
        /// Lead bytes with ASCII on both sides.
        var aloneLeads = 0
        var hasOtherThanPunctuation = false

        mutating func add(lead: UInt8, isAlone: Bool) {
            characters += 1
            if isAlone { aloneLeads += 1 }
            if lead != 0x85 && !(0x91...0x97).contains(lead) { hasOtherThanPunctuation = true }
        }

        /// Ends the run: how many of its alone lead bytes count as touching.
        mutating func close() -> Int {
            let counted = characters >= 2 && hasOtherThanPunctuation ? aloneLeads : 0
            self = Run()
            return counted
        }
    }

    private static func isLead(_ byte: UInt8) -> Bool {
        (0x81...0x9F).contains(byte) || byte >= 0xE0 && byte <= 0xFC
    }

    private static func isTrail(_ byte: UInt8) -> Bool {
        (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte)
    }
}
