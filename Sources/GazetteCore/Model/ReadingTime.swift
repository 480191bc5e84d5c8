/// Reading-time estimate shared by every format.
public enum ReadingTime {
    /// Words a reader gets through in a minute.
    public static let wordsPerMinute = 200

    /// Whole minutes to read `wordCount` words, rounded, at least 1.
    public static func minutes(forWords wordCount: Int) -> Int {
        max(1, (wordCount + wordsPerMinute / 2) / wordsPerMinute)
    }
}
