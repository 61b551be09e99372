import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// Search results read a page at a time give the same answer as one long page, and the very
/// short prefixes answered from the newest articles give what the index gives.
@Suite("Search pages and counts")
struct SearchPagingTests {
    /// Every page of a query, each asked for with the previous page's cursor.
    static func allPages(_ store: ArticleStore, _ query: String, size: Int) throws -> [Headline] {
        var rows: [Headline] = []
        var page = try store.searchPage(query, limit: size, after: nil)
        rows += page.rows
        var pages = 1
        while let next = page.next, pages < 10_000 {
            page = try store.searchPage(query, limit: size, after: next)
            rows += page.rows
            pages += 1
        }
        return rows
    }

    /// 300 articles: word counts vary so bm25 ranks them, with ties of equal text among them.
    static func store() throws -> ArticleStore {
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "Tide Tables")
        let items = (0..<300).map { n in
            let body = String(repeating: "river ", count: 1 + n % 7) + (n % 3 == 0 ? "harbor lights " : "") + "word\(n % 11)"
            return SearchFixture.item("i\(n)", n % 10 == 0 ? "River \(n)" : "Note \(n)", body: "<p>\(body)</p>", minutesAgo: Double(n / 2))
        }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        return store
    }

    @Test(arguments: ["river", "river harbor", "\"harbor lights\"", "word3 OR word4", "river -harbor", "tag:x", "unread"])
    func pagesJoinedAreTheOneLongPage(query: String) throws {
        let store = try Self.store()
        let whole = try store.search(query, limit: 1_000)
        for size in [1, 7, 50] {
            #expect(try Self.allPages(store, query, size: size) == whole, "\(query), pages of \(size)")
        }
    }

    @Test func pastTheRankingWindowTheOlderMatchesFollowOnceEach() throws {
        // Given more matches than the ranking window
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        let count = ArticleStore.rankingWindow + 120
        let items = (0..<count).map { SearchFixture.item("n\($0)", "Item \($0)", body: "<p>a common word</p>", minutesAgo: Double($0)) }
        _ = try store.apply(FeedDocument(format: .rss20, items: items), toFeed: feed)
        // When every page is read
        let rows = try Self.allPages(store, "common", size: 999)
        // Then every match comes exactly once: the window ranked first, then the older ones
        #expect(rows.count == count)
        #expect(Set(rows.map(\.id)).count == count)
        let windowOldest = try #require(rows.prefix(ArticleStore.rankingWindow).map(\.id).min())
        let restNewest = try #require(rows.suffix(120).map(\.id).max())
        #expect(windowOldest > restNewest)
        #expect(try store.search("common", limit: 999) == Array(rows.prefix(999)))
    }

    /// What the index itself answers for a query: the ground truth for short prefixes.
    static func indexed(_ store: ArticleStore, _ query: String) throws -> Set<Int64> {
        let match = try #require(SearchQuery(query).match).replacingOccurrences(of: "'", with: "''")
        return Set(try store.rowsForTesting("SELECT rowid FROM article_fts WHERE article_fts MATCH '\(match)'").compactMap { $0[0].flatMap { Int64($0) } })
    }

    @Test(arguments: ["r*", "ri*", "wo*", "title:n*", "\"harbor l\"*", "h* -river", "ha* OR zz*", "no*"])
    func veryShortPrefixesFindWhatTheIndexFindsNewestFirst(query: String) throws {
        let store = try Self.store()
        #expect(SearchQuery(query).hasShortPrefix)
        let rows = try Self.allPages(store, query, size: 40)
        #expect(Set(rows.map(\.id)) == (try Self.indexed(store, query)))
        let cursors = rows.map(\.cursor)
        let newestFirst = cursors.sorted { (a: HeadlineCursor, b: HeadlineCursor) -> Bool in
            a.sortDate != b.sortDate ? a.sortDate > b.sortDate : a.id > b.id
        }
        #expect(cursors == newestFirst)
        #expect(try store.searchCount(query, atMost: 10_000) == SearchCount(total: rows.count, isExact: true))
    }

    @Test func aShortPrefixRareAmongTheNewestArticlesIsFoundInTheOldOnes() throws {
        // Given two old articles with "zq…" words, under more new articles than one page looks at
        let store = try ArticleStore.inMemory()
        let feed = try store.registerFeed(source: "s", title: "S")
        let old = [SearchFixture.item("o1", "Zqa", body: "<p>zqab</p>", minutesAgo: 99_999),
                   SearchFixture.item("o2", "Other", body: "<p>zqcd</p>", minutesAgo: 99_998)]
        let new = (0..<(SearchWindow.budget + 150)).map { SearchFixture.item("n\($0)", "New \($0)", body: "<p>fresh</p>", minutesAgo: Double($0)) }
        _ = try store.apply(FeedDocument(format: .rss20, items: old + new), toFeed: feed)
        // Then both are found, newest first, and counted exactly
        #expect(try store.search("zq*", limit: 10).map(\.title) == ["Other", "Zqa"])
        #expect(try store.searchCount("zq*", atMost: 100) == SearchCount(total: 2, isExact: true))
    }

    @Test func countsStopAtTheLimitAndSaySoPastIt() throws {
        let store = try Self.store()
        #expect(try store.searchCount("river", atMost: 1_000) == SearchCount(total: 300, isExact: true))
        #expect(try store.searchCount("river", atMost: 300) == SearchCount(total: 300, isExact: true))
        #expect(try store.searchCount("river", atMost: 299) == SearchCount(total: 299, isExact: false))
        #expect(try store.searchCount("\"harbor lights\"", atMost: 1_000) == SearchCount(total: 100, isExact: true))
        #expect(try store.searchCount("river unread", atMost: 50) == SearchCount(total: 50, isExact: false))
        #expect(try store.searchCount("zyzzyva", atMost: 50) == SearchCount(total: 0, isExact: true))
        // A short prefix common among the newest articles is "more than" without merging the lists
        #expect(try store.searchCount("r*", atMost: 100) == SearchCount(total: 100, isExact: false))
        #expect(SearchCount(total: 10_000, isExact: false).text == "more than 10,000")
    }
}

@Suite("Search pages from the command line")
struct SearchLimitCLITests {
    @Test func searchJSONReturnsItsFirstLimitResults() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        let all = try store.search("local OR ferry OR festival", limit: 100)
        #expect(all.count > 2)
        let result = try cli.run(["search", "--json", "--limit", "2", "local", "OR", "ferry", "OR", "festival"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try result.json() as? [[String: Any]])
        #expect(rows.map { ($0["id"] as? NSNumber)?.int64Value } == all.prefix(2).map(\.id))
    }
}
