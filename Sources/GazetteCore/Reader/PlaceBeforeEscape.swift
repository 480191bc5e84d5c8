/// What the reader showed before an Esc outside the `/` prompt acted (it left the story and
/// its zoom, closed help, dropped a number or a waiting key, or ended the search), kept until
/// the reader's next command: a key whose escape sequence a slow link split comes as a lone
/// Esc, then the rest of the sequence, and that Esc is taken back
/// (``Reader/takeBackEscape()``), as if never pressed.
struct PlaceBeforeEscape {
    var focus: Focus
    var zoomed: Bool
    var zoomOpenedStory: Bool
    var showingHelp: Bool
    var helpScroll: Int
    var pendingNumber: String
    var waiting: Reader.Waiting?
    var waitingToMarkAll: Bool
    var status: StatusMessage?
    var selection: Int
    var listScroll: Int
    var articleScroll: Int
    /// The search shown, if any: given back when the Esc ended it.
    var search: SearchShown?

    /// A search and the list it showed. Its job is not cancelled by the Esc that ends the
    /// search while the Esc may be taken back: what it finds meanwhile is taken in after.
    struct SearchShown {
        var query: SearchQuery
        var job: SearchJob?
        var progress: (scanned: Int, total: Int)?
        /// Stories the job was given to look at (more join as files are indexed).
        var total: Int
        var visible: [Int]
        var visibleIndex: [Int: Int]?
        var unreadBits: BitSet
        var visibleUnread: Int
        var keptInView: Set<ArticleID>
    }

    /// What `reader` shows now.
    init(of reader: Reader) {
        focus = reader.focus
        zoomed = reader.zoomed
        zoomOpenedStory = reader.zoomOpenedStory
        showingHelp = reader.showingHelp
        helpScroll = reader.helpScroll
        pendingNumber = reader.pendingNumber
        waiting = reader.waiting
        waitingToMarkAll = reader.waitingToMarkAll
        status = reader.status
        selection = reader.selection
        listScroll = reader.listScroll
        articleScroll = reader.articleScroll
        search = reader.query.map { query in
            SearchShown(
                query: query, job: reader.searchJob, progress: reader.searchProgress,
                total: reader.searchTotal,
                visible: reader.visible, visibleIndex: reader.visibleIndex, unreadBits: reader.unreadBits,
                visibleUnread: reader.visibleUnread, keptInView: reader.keptInView)
        }
    }
}
