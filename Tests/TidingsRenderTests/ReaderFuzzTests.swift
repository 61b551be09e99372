import Foundation
import Testing
import TidingsCore
import TidingsRender

/// A random walk through the reader: keys, resizes down to nothing, other processes writing,
/// answers arriving for the effects the reducer asked for. The reducer and the views must never
/// trap, and the list's cursor must always point inside the list.
@Suite struct ReaderFuzzTests {
    /// A tiny cache the fake runtime answers from, newest first.
    struct World {
        var feeds: [FeedSummary]
        var articles: [Headline]

        init(random: inout SeededGenerator) {
            feeds = (1...4).map { FeedSummary(id: FeedID($0), title: ["Harbor 港", "Évora", "أخبار", "Empty"][$0 - 1], source: "/\($0)",
                                              unread: 0, total: 0, tags: [["news"], ["news", "local"], [], ["local"]][$0 - 1]) }
            articles = (1...60).map { i in
                let feed = FeedID(Int.random(in: 1...3, using: &random))
                let date = Int64(1_700_000_000 - i * 3600 - (i % 7 == 0 ? 0 : Int.random(in: 0...600, using: &random)))
                return Headline(id: ArticleID(i), feedID: feed, feedTitle: "F\(feed)", title: i % 5 == 0 ? "長い見出し 🌊 \(i)" : "Title \(i)",
                                published: Date(timeIntervalSince1970: TimeInterval(date)), sortDate: date, isRead: i % 3 == 0)
            }
            articles.sort { $0.sortDate != $1.sortDate ? $0.sortDate > $1.sortDate : $0.id > $1.id }
            recount()
        }

        mutating func recount() {
            for i in feeds.indices {
                let rows = articles.filter { $0.feedID == feeds[i].id }
                feeds[i].total = rows.count
                feeds[i].unread = rows.filter { !$0.isRead }.count
            }
        }

        var totals: Totals { Totals(unread: articles.filter { !$0.isRead }.count, total: articles.count) }

        func rows(_ scope: ListScope) -> [Headline] {
            switch scope {
            case .all: return articles
            case .unread: return articles.filter { !$0.isRead }
            case .feed(let id): return articles.filter { $0.feedID == id }
            case .search(let q): return articles.filter { $0.title.localizedCaseInsensitiveContains(q) }
            }
        }

        static func older(_ a: HeadlineCursor, than b: HeadlineCursor) -> Bool {
            a.sortDate != b.sortDate ? a.sortDate < b.sortDate : a.id < b.id
        }

        func page(_ scope: ListScope, _ anchor: PageAnchor, _ limit: Int) -> HeadlinePage {
            let all = rows(scope)
            var start = 0, end = 0
            switch anchor {
            case .top: start = 0; end = min(limit, all.count)
            case .bottom: start = max(0, all.count - limit); end = all.count
            case .after(let c), .reload(let c):
                let inclusive: Bool
                if case .reload = anchor { inclusive = true } else { inclusive = false }
                start = all.firstIndex { Self.older($0.cursor, than: c) || (inclusive && $0.cursor == c) } ?? all.count
                end = min(all.count, start + limit)
            case .before(let c):
                end = all.firstIndex { !Self.older(c, than: $0.cursor) } ?? all.count
                start = max(0, end - limit)
            }
            return HeadlinePage(scope: scope, anchor: anchor, rows: Array(all[start..<end]), firstIndex: start, total: all.count)
        }

        func unread(_ search: UnreadSearch, _ limit: Int) -> UnreadMatch? {
            let all = rows(search.scope)
            let candidates = all.indices.filter { i in
                guard !all[i].isRead else { return false }
                guard let from = search.from else { return true }
                return search.direction == .older ? Self.older(all[i].cursor, than: from) : Self.older(from, than: all[i].cursor)
            }
            guard let i = search.direction == .older ? candidates.first : candidates.last else { return nil }
            let start = max(0, i - limit / 2)
            let end = min(all.count, start + limit)
            return UnreadMatch(target: all[i], window: Array(all[start..<end]), firstIndex: start, total: all.count)
        }

        mutating func setRead(_ ids: [ArticleID], _ read: Bool) {
            for i in articles.indices where ids.contains(articles[i].id) { articles[i].isRead = read }
            recount()
        }

        /// Search results in pages, each continuing after the last row of the one before.
        func searchPage(_ query: String, after: SearchCursor?, _ limit: Int) -> SearchPage {
            let all = rows(.search(query))
            var start = 0
            if case .dated(let cursor)? = after { start = (all.firstIndex { $0.id == cursor.id } ?? all.count - 1) + 1 }
            let rows = Array(all[min(start, all.count)...].prefix(limit))
            return SearchPage(rows: rows, next: start + rows.count < all.count ? rows.last.map { .dated($0.cursor) } : nil)
        }

        /// What the runtime would answer; effects that leave the process (browser, pipe) answer nothing.
        mutating func run(_ effect: Effect) -> [Action] {
            switch effect {
            case .loadFeeds: return [.feedsLoaded(feeds, totals), .savedSearchesLoaded([SavedSearchSummary(name: "Tides", query: "title", unread: 1, total: 2)])]
            case .loadHeadlines(let scope, let anchor, let limit): return [.headlinesLoaded(page(scope, anchor, limit))]
            case .loadPreview(let scope, let limit): return [.previewLoaded(page(scope, .top, limit))]
            case .findUnread(let search, let limit): return [.unreadFound(search, unread(search, limit))]
            case .loadArticle(let id):
                guard let h = articles.first(where: { $0.id == id }) else { return [.articleMissing(id)] }
                let body = "<h2>Sub</h2><p>Body of \(id) with <a href=\"https://x.example/\(id)\">a link</a> 東京 🌊.</p><blockquote>q</blockquote>"
                return [.articleLoaded(Article(headline: h, link: "https://x.example/a/\(id)", body: body, contentType: .html,
                                               enclosures: id % 4 == 0 ? [FeedEnclosure(url: "https://x.example/\(id).mp3", type: "audio/mpeg", length: 99)] : []))]
            case .setRead(let ids, let read): setRead(ids, read); return []
            case .markAllRead(let scope): setRead(rows(scope).map(\.id), true); return []
            case .search(let query, let limit): return [.searchPage(query, searchPage(query, after: nil, limit), after: nil)]
            case .searchMore(let query, let after, let limit): return [.searchPage(query, searchPage(query, after: after, limit), after: after)]
            case .refresh: return [.refreshFinished("Refreshed")]
            case .sync: return [.syncFinished("Synced")]
            case .refreshAfterSync: return [.refreshFinished("")]
            case .setStarred, .openLink, .openURL, .saveText, .pipeText, .redraw, .quit, .cancelSearch, .cancelFullArticle: return []
            case .fetchFullArticle(let id, let url): return [.fullArticleFailed(id, "no network in the fuzz world (\(url))")]
            }
        }
    }

    static let keys: [Key] = "jkgGnpNAC*/?qQzvJKou0123syt".map { Key.char($0) }
        + [.enter, .escape, .tab, .up, .down, .pageUp, .pageDown, .home, .end, .backspace, .ctrl("l"), .ctrl("u"), .ctrl("d"), .ctrl("n"), .ctrl("p"), .ctrl("t"), .char(" "), .char("|"), .char("r"), .char("R")]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func randomSessionsNeverTrapAndKeepTheCursorInTheList(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var world = World(random: &random)
        var state = AppState(size: Size(width: 80, height: 24))
        var queue: [Action] = [.resized(Size(width: 80, height: 24))]
        queue += world.run(.loadFeeds)
        for step in 0..<1_500 {
            if queue.isEmpty {
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<6:
                    let sizes = [(0, 0), (1, 1), (20, 5), (40, 10), (80, 24), (120, 40), (7, 3), (200, 60)]
                    let (w, h) = sizes.randomElement(using: &random)!
                    queue.append(.resized(Size(width: w, height: h)))
                case 6..<9:
                    // Another process marks something read or adds nothing: the cache changed.
                    if let i = world.articles.indices.randomElement(using: &random) { world.setRead([world.articles[i].id], true) }
                    queue.append(.cacheChanged)
                default:
                    queue.append(.key(Self.keys.randomElement(using: &random)!))
                }
            }
            let action = queue.removeFirst()
            if case .key(.char("Q")) = action { continue }
            let effects = reduce(&state, action)
            for effect in effects where effect != .quit { queue += world.run(effect) }
            _ = AppView.render(state)
            if let h = state.headlines, h.total > 0 {
                #expect(h.selected >= 0 && h.selected < h.total, "seed \(seed) step \(step): selected \(h.selected) of \(h.total)")
                #expect(h.top <= h.selected, "seed \(seed) step \(step): top \(h.top) selected \(h.selected)")
            }
            #expect(state.feedList.selected >= 0 && state.feedList.selected < state.feedList.rowCount)
        }
    }
}
