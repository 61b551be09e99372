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
        /// The same in CPU time of this thread: on a shared machine, wall time also counts the
        /// time other processes held the cores.
        var searchFirstPageCPU: [String: Double] = [:]
        var searchCountCPU: [String: Double] = [:]
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
            (sample.searchFirstPage[probe.label], sample.searchFirstPageCPU[probe.label]) = try timeWithCPU {
                _ = try store.searchPage(probe.query, limit: pageSize, after: nil)
            }
            var count = SearchCount(total: 0, isExact: true)
            (sample.searchCount[probe.label], sample.searchCountCPU[probe.label]) = try timeWithCPU {
                count = try store.searchCount(probe.query, atMost: AppState.searchCountLimit)
            }
            sample.counted[probe.label] = count.text
        }
        return sample
    }

    /// Wall and thread CPU milliseconds.
    private static func timeWithCPU(_ body: () throws -> Void) throws -> (Double, Double) {
        func cpu() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
        }
        let cpuStart = cpu()
        let wall = try time(body)
        return (wall, cpu() - cpuStart)
    }

    private static func time(_ body: () throws -> Void) throws -> Double {
        let start = Monotonic.now()
        try body()
        return Monotonic.milliseconds(start, Monotonic.now())
    }
}
