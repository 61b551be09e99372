/// Everything measured for one corpus size; arrays hold one value per run.
struct SizeResult {
    var articles: Int
    var feeds: Int
    var largestFeed: Int
    var corpusBytes: Int
    var importSeconds: [Double] = []
    var importParseSeconds: [Double] = []
    var reimportParseSeconds: [Double] = []
    var reimportSeconds: [Double] = []
    var reimportUnchanged = 0
    var cacheBytes = 0
    var firstScreenMs: [Double] = []
    var openFeedMs: [Double] = []
    var peakRSS: [Double] = []
    var readerError: String?
    var firstPageMs: [Double] = []
    var deepPageMs: [Double] = []
    var feedPageMs: [Double] = []
    var searchFirstPageMs: [String: [Double]] = [:]
    var searchCountMs: [String: [Double]] = [:]
    var searchFirstPageCPUMs: [String: [Double]] = [:]
    var searchCountCPUMs: [String: [Double]] = [:]
    /// What each search's count said.
    var searchCounted: [String: String] = [:]
    var newsboat: NewsboatResult?
}

/// newsboat's numbers on the same corpus, or why they are missing.
struct NewsboatResult {
    var importSeconds: [Double] = []
    var reloadUnchangedSeconds: [Double] = []
    var firstScreenMs: [Double] = []
    var peakRSS: [Double] = []
    /// Bytes of its cache file after the first import.
    var cacheBytes = 0
    var error: String?
}
