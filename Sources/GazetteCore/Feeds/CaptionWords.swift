/// Whether a text says a picture's caption again: the caption's letters and digits in a row,
/// whatever the case, spaces and punctuation ("The Golden Gate, at dawn" says "the golden gate
/// at dawn."). Linear in both texts.
struct CaptionWords {
    /// The letters and digits of the texts, lowercased.
    private let letters: [Unicode.Scalar]

    /// The words of `texts`, one after the other.
    init(_ texts: [String]) {
        var letters: [Unicode.Scalar] = []
        for text in texts { CaptionWords.append(text, to: &letters) }
        self.letters = letters
    }

    /// Whether the texts hold the letters and digits of `caption` in a row; false when the
    /// caption has none.
    func say(_ caption: String) -> Bool {
        var needle: [Unicode.Scalar] = []
        CaptionWords.append(caption, to: &needle)
        return !needle.isEmpty && CaptionWords.contains(letters, needle)
    }

    /// Whether the letters and digits of the texts are those of `caption`, no more and no fewer
    /// ("The video." says "the video" only); false when the caption has none.
    func sayOnly(_ caption: String) -> Bool {
        var needle: [Unicode.Scalar] = []
        CaptionWords.append(caption, to: &needle)
        return !needle.isEmpty && needle == letters
    }

    /// Appends the letters and digits of `text` to `result`, lowercased.
    private static func append(_ text: String, to result: inout [Unicode.Scalar]) {
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if FeedItemDraft.isDigit(value) {
                    result.append(scalar)
                } else if FeedItemDraft.isLetter(value) {
                    result.append(Unicode.Scalar(value | 0x20))
                }
                continue
            }
            let properties = scalar.properties
            guard properties.isAlphabetic || properties.numericType != nil else { continue }
            if properties.changesWhenLowercased {
                result.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
    }

    /// Whether `needle` occurs in `haystack` (Knuth–Morris–Pratt: no text is looked at twice).
    private static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        // How long the longest proper border of each prefix of the needle is.
        var border = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0 && needle[index] != needle[length] { length = border[length - 1] }
            if needle[index] == needle[length] { length += 1 }
            border[index] = length
        }
        var matched = 0
        for scalar in haystack {
            while matched > 0 && scalar != needle[matched] { matched = border[matched - 1] }
            if scalar == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }
}
