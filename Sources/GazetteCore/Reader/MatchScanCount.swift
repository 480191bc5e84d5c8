/// How many times a story's lines were scanned for a search's matches, where a test binds
/// ``ArticleLayout/matchScans``.
final class MatchScanCount: @unchecked Sendable {
    var count = 0
}
