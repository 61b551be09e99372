import Foundation
import TidingsCore
import TidingsStore

/// Times the store queries behind the list pane and the search prompt, in this process.
enum QueryProbe {
    /// Milliseconds per query kind, one value per run.
    struct Sample {
        var firstPage: Double
        var deepPage: Double
        var largestFeedPage: Double
        /// Per search probe: its first page (what the list shows first), and its count.
        var searchFirstPage: [String: Double] = [:]
        var searchCount: [String: Double] = [:]
        /// What each count said ("more than 10,000"), the same every run.
        var counted: [String: String] = [:]
    }

    /// The search probes: label and query, matching what the corpus generator planted.
    static let searches: [(label: String, query: String)] = [
        ("common word", Vocabulary.commonWord),
        ("rare word", Vocabulary.rareWord),
        ("phrase", "\"\(Vocabulary.phrase)\""),
        // Phrases of words found in nearly every article: each word's position list is huge.
        ("common phrase", "\"of the\""),
        ("common-word phrase", "\"the \(Vocabulary.commonWord)\""),
        // FTS5 merges the posting list of every word with the prefix: nearly the whole index.
        ("one-letter prefix", "a*"),
        ("two-letter prefix", "ha*"),
        ("phrase ending in a one-letter prefix", "\"the \(Vocabulary.commonWord.prefix(1))\"*"),
    ]

    /// Rows of the first page: what the reader asks for first.
    static let pageSize = AppState.searchLimit

    static func run(store: ArticleStore, largestFeed: FeedID, pageSize: Int = 40) throws -> Sample {
        let first = try time { _ = try store.headlines(HeadlinePageRequest(scope: .all, cursor: nil, direction: .older, limit: pageSize)) }
        // A page from the middle of the list, by its keyset cursor: what scrolling far down costs.
        let middleCount = try store.count(.all) / 2
        var cursor: HeadlineCursor?
        var skipped = 0
        while skipped < middleCount {
            let page = try store.headlines(HeadlinePageRequest(scope: .all, cursor: cursor, direction: .older, limit: min(5_000, middleCount - skipped)))
            guard let last = page.last else { break }
            cursor = last.cursor
            skipped += page.count
        }
        let deep = try time { _ = try store.headlines(HeadlinePageRequest(scope: .all, cursor: cursor, direction: .older, limit: pageSize)) }
        let feed = try time { _ = try store.headlines(HeadlinePageRequest(scope: .feed(largestFeed), cursor: nil, direction: .older, limit: pageSize)) }
        var sample = Sample(firstPage: first, deepPage: deep, largestFeedPage: feed)
        for probe in searches {
            sample.searchFirstPage[probe.label] = try time { _ = try store.searchPage(probe.query, limit: pageSize, after: nil) }
            var count = SearchCount(total: 0, isExact: true)
            sample.searchCount[probe.label] = try time { count = try store.searchCount(probe.query, atMost: AppState.searchCountLimit) }
            sample.counted[probe.label] = count.text
        }
        return sample
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let start = Monotonic.now()
        try body()
        return Monotonic.milliseconds(start, Monotonic.now())
    }
}
