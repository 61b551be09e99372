import TidingsCore
import TidingsStore

/// Executes the cache effects of the reducer and turns their results into actions.
struct EffectRunner {
    let store: ArticleStore
    /// Saved searches from the config file, shown beside the ones in the cache.
    var configSearches: [SavedSearch] = []
    /// `full-article` settings, matched to feeds whenever the feed list is read.
    var fullArticle = FullArticleConfig()

    func run(_ effect: Effect) -> [Action] {
        do {
            switch effect {
            case .loadFeeds:
                let t = try store.totals()
                let searches = try store.savedSearchCounts(extra: configSearches).map {
                    SavedSearchSummary(name: $0.search.name, query: $0.search.query, unread: $0.unread, total: $0.total)
                }
                let feeds = try store.feedSummaries()
                var policies: [FeedID: FullArticlePolicy] = [:]
                for feed in feeds { policies[feed.id] = fullArticle.policy(source: feed.source, title: feed.title) }
                return [.feedsLoaded(feeds, Totals(unread: t.unread, total: t.total)), .savedSearchesLoaded(searches),
                        .fullArticlePolicies(policies, default: fullArticle.fallback)]
            case .loadHeadlines(let scope, let anchor, let limit):
                return [.headlinesLoaded(try page(scope, anchor, limit))]
            case .loadPreview(let scope, let limit):
                return [.previewLoaded(try page(scope, .top, limit))]
            case .findUnread(let search, let limit):
                return [.unreadFound(search, try findUnread(search, limit))]
            case .loadArticle(let id):
                guard let article = try store.article(id) else { return [.articleMissing(id)] }
                return [.articleLoaded(article)]
            case .setRead(let ids, let read):
                try store.setRead(ids, read)
                return []
            case .setStarred(let ids, let starred):
                try store.setStarred(ids, starred)
                return []
            case .markAllRead(let scope):
                try store.markAllRead(scope)
                let t = try store.totals()
                return [.feedsLoaded(try store.feedSummaries(), Totals(unread: t.unread, total: t.total))]
            case .search(let query, let limit):
                return [.searchPage(query, try store.searchPage(query, limit: limit, after: nil), after: nil),
                        .searchCounted(query, try store.searchCount(query, atMost: AppState.searchCountLimit))]
            case .searchMore(let query, let after, let limit):
                return [.searchPage(query, try store.searchPage(query, limit: limit, after: after), after: after)]
            case .openLink, .openURL, .refresh, .sync, .refreshAfterSync, .saveText, .pipeText, .redraw, .quit, .cancelSearch,
                 .fetchFullArticle, .cancelFullArticle:
                return []
            }
        } catch {
            return [.failed("\(error)")]
        }
    }

    private func page(_ scope: ListScope, _ anchor: PageAnchor, _ limit: Int) throws -> HeadlinePage {
        let total = try store.count(scope)
        switch anchor {
        case .top:
            let rows = try store.headlines(HeadlinePageRequest(scope: scope, cursor: nil, direction: .older, limit: limit))
            return HeadlinePage(scope: scope, anchor: anchor, rows: rows, firstIndex: 0, total: total)
        case .bottom:
            let rows = try store.headlines(HeadlinePageRequest(scope: scope, cursor: nil, direction: .newer, limit: limit))
            return HeadlinePage(scope: scope, anchor: anchor, rows: rows, firstIndex: max(0, total - rows.count), total: total)
        case .after(let cursor):
            let rows = try store.headlines(HeadlinePageRequest(scope: scope, cursor: cursor, direction: .older, limit: limit))
            let first = try store.index(of: cursor, in: scope) + 1
            return HeadlinePage(scope: scope, anchor: anchor, rows: rows, firstIndex: first, total: total)
        case .reload(let cursor):
            // (sortDate, id + 1) sorts immediately before `cursor`, so the page starts at the cursor itself.
            let start = HeadlineCursor(sortDate: cursor.sortDate, id: cursor.id + 1)
            let rows = try store.headlines(HeadlinePageRequest(scope: scope, cursor: start, direction: .older, limit: limit))
            let first = try store.index(of: cursor, in: scope)
            return HeadlinePage(scope: scope, anchor: anchor, rows: rows, firstIndex: first, total: total)
        case .before(let cursor):
            let rows = try store.headlines(HeadlinePageRequest(scope: scope, cursor: cursor, direction: .newer, limit: limit))
            let first = try store.index(of: cursor, in: scope) - rows.count
            return HeadlinePage(scope: scope, anchor: anchor, rows: rows, firstIndex: max(0, first), total: total)
        }
    }

    private func findUnread(_ search: UnreadSearch, _ limit: Int) throws -> UnreadMatch? {
        guard let target = try store.firstUnread(in: search.scope, after: search.from, direction: search.direction) else {
            return nil
        }
        let half = max(10, limit / 2)
        let index = try store.index(of: target.cursor, in: search.scope)
        let newer = try store.headlines(HeadlinePageRequest(scope: search.scope, cursor: target.cursor, direction: .newer, limit: half))
        let older = try store.headlines(HeadlinePageRequest(scope: search.scope, cursor: target.cursor, direction: .older, limit: half))
        let total = try store.count(search.scope)
        return UnreadMatch(target: target, window: newer + [target] + older, firstIndex: max(0, index - newer.count), total: total)
    }
}
