import Foundation
import TidingsCore
import TidingsStore

/// What one sync round changed in each direction, for the CLI's line, `--json` and the status bar.
public struct SyncReport: Sendable, Equatable {
    public var feedsAdded = 0, feedsRemoved = 0, feeds = 0
    /// Articles stored new, and articles from the server matched to ones already in the cache.
    public var articlesNew = 0, articlesMatched = 0
    /// Flags changed here because the server changed them.
    public var pulledRead = 0, pulledUnread = 0, pulledStarred = 0, pulledUnstarred = 0
    /// Marks sent to the server.
    public var pushedRead = 0, pushedUnread = 0, pushedStarred = 0, pushedUnstarred = 0
    /// Flags changed on both sides since the last sync and settled by the rule.
    public var conflicts = 0
    /// Server calls that failed while the rest went on (exit status 2).
    public var problems: [String] = []
    public var seconds: Double = 0
    public init() {}

    /// Nothing came, went or changed: an automatic round keeps quiet about it.
    public var changedNothing: Bool {
        feedsAdded + feedsRemoved + articlesNew + articlesMatched + conflicts == 0 && problems.isEmpty
            && pulledRead + pulledUnread + pulledStarred + pulledUnstarred == 0
            && pushedRead + pushedUnread + pushedStarred + pushedUnstarred == 0
    }

    public var line: String {
        let pulled = pulledRead + pulledUnread + pulledStarred + pulledUnstarred
        let pushed = pushedRead + pushedUnread + pushedStarred + pushedUnstarred
        var parts = ["\(feeds) feed\(feeds == 1 ? "" : "s") (+\(feedsAdded) −\(feedsRemoved))",
                     "\(articlesNew) new article\(articlesNew == 1 ? "" : "s")"]
        if articlesMatched > 0 { parts.append("\(articlesMatched) matched to cached ones") }
        parts.append("\(pushed) mark\(pushed == 1 ? "" : "s") sent, \(pulled) received")
        if conflicts > 0 { parts.append("\(conflicts) conflicts (unread and starred won)") }
        return "Synced: " + parts.joined(separator: ", ") + String(format: " in %.1f s", seconds)
    }
}

/// A step of a sync, for progress in the status bar or on stderr.
public enum SyncProgress: Sendable, Equatable {
    case loggingIn, subscriptions, articles(Int), states, pushing(Int)

    public var label: String {
        switch self {
        case .loggingIn: return "logging in"
        case .subscriptions: return "subscriptions"
        case .articles(let n): return "\(n) new articles"
        case .states: return "read and starred states"
        case .pushing(let n): return "sending \(n) marks"
        }
    }
}

/// One sync round: log in; make the synced feeds the server's list; store the articles new since
/// the last cursor (bodies fetched only for articles not already cached); pull the unread and
/// starred id sets and merge them three ways with the local flags and queued marks; push the
/// merged marks with absolute set calls; then commit flags, base and queue in one transaction.
/// A failure before that commit leaves every queued mark in place: the next round redoes it, and
/// an absolute set sent twice is harmless.
public struct SyncEngine: Sendable {
    let service: any SyncService
    let store: ArticleStore

    public init(service: any SyncService, store: ArticleStore) {
        self.service = service
        self.store = store
    }

    public func run(progress: @Sendable (SyncProgress) -> Void = { _ in }) async throws -> SyncReport {
        let started = Date()
        var report = SyncReport()
        do {
            try await round(&report, progress: progress)
        } catch {
            try? store.setSyncValue("last-error", "\(error)")
            throw error
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func round(_ report: inout SyncReport, progress: @Sendable (SyncProgress) -> Void) async throws {
        progress(.loggingIn)
        _ = try await service.login()

        progress(.subscriptions)
        let remote = try await service.subscriptions()
        let subscribed = try store.applySubscriptions(remote.map {
            SyncedFeedEntry(serverID: $0.id, url: $0.url, title: $0.title, folder: $0.folder)
        })
        report.feeds = remote.count
        report.feedsAdded = subscribed.added
        report.feedsRemoved = subscribed.removed

        // New articles, page by page; the cursor is saved after each page is stored, so an
        // interrupted sync resumes there (and re-stored pages match instead of doubling).
        var cursor = try store.syncValue("cursor")
        var matchIndexes: [FeedID: (byHash: [String: ArticleID], byLink: [String: ArticleID])] = [:]
        var seen = 0
        var continuation: String?
        // The flags each headline of this round came with, as the server held them then.
        var headlineFlags: [String: (unread: Bool, starred: Bool)] = [:]
        repeat {
            let page = try await service.articles(since: cursor, continuation: continuation)
            continuation = page.continuation
            seen += page.articles.count
            for a in page.articles { headlineFlags[a.id] = (a.unread, a.starred) }
            progress(.articles(seen))
            let known = try store.syncedServerIDs(page.articles.map(\.id))
            let byFeed = Dictionary(grouping: page.articles.filter { !known.contains($0.id) && subscribed.feeds[$0.feedID] != nil },
                                    by: \.feedID)
            // The whole page is matched first, so one call per batch brings the bodies of every
            // new article in it, whatever feeds they belong to (40 feeds must not cost 40 calls).
            var unmatched: [String] = []
            for (serverFeed, articles) in byFeed {
                guard let feed = subscribed.feeds[serverFeed] else { continue }
                let index = try matchIndexes[feed] ?? store.syncMatchIndex(feed: feed)
                matchIndexes[feed] = index
                unmatched += articles.filter { a in
                    a.body == nil && a.guidHash.flatMap { index.byHash[$0] } == nil && a.link.flatMap { index.byLink[$0] } == nil
                }.map(\.id)
            }
            let bodies = unmatched.isEmpty ? [:] : try await service.bodies(unmatched)
            for (serverFeed, articles) in byFeed {
                guard let feed = subscribed.feeds[serverFeed], let index = matchIndexes[feed] else { continue }
                let entries = articles.map { a in
                    SyncedArticleEntry(serverID: a.id, guidHash: a.guidHash, title: a.title, link: a.link, author: a.author,
                                       updated: a.updated, body: a.body ?? bodies[a.id], read: !a.unread, starred: a.starred)
                }
                let stored = try store.storeSyncedArticles(entries, feed: feed, matches: index)
                report.articlesNew += stored.new
                report.articlesMatched += stored.matched
            }
            // Saved once the page is stored: an interrupted sync resumes after the last whole page
            // (and a page stored twice matches instead of doubling).
            if continuation == nil, let next = page.cursor {
                cursor = next
                try store.setSyncValue("cursor", next)
            }
        } while continuation != nil

        progress(.states)
        let input = try store.syncMergeInput()
        let server: (unread: Set<String>, starred: Set<String>)
        if input.states.allSatisfy({ headlineFlags[$0.serverID] != nil }) {
            // Every synced article came with this round's headlines (a first sync): their flags are
            // what the id sets would say, without paging through every unread id once more. A
            // change made on the server meanwhile is met by the next round, as any other.
            server = (Set(headlineFlags.filter { $0.value.unread }.keys), Set(headlineFlags.filter { $0.value.starred }.keys))
        } else {
            server = try await service.stateIDs()
        }
        var outcomes: [SyncedArticleOutcome] = []
        var push: [SyncField: [Bool: [String]]] = [:]
        for state in input.states {
            let serverRead = !server.unread.contains(state.serverID)
            let serverStarred = server.starred.contains(state.serverID)
            let read = ThreeWayMerge.decide(base: state.seenRead, server: serverRead, local: state.read,
                                            intent: state.intentRead, preferred: false)
            let starred = ThreeWayMerge.decide(base: state.seenStarred, server: serverStarred, local: state.starred,
                                               intent: state.intentStarred, preferred: true)
            if read.push { push[.read, default: [:]][read.value, default: []].append(state.serverID) }
            if starred.push { push[.starred, default: [:]][starred.value, default: []].append(state.serverID) }
            report.conflicts += (read.conflict ? 1 : 0) + (starred.conflict ? 1 : 0)
            if read.value != state.read, !read.push || read.conflict {
                if read.value { report.pulledRead += 1 } else { report.pulledUnread += 1 }
            }
            if starred.value != state.starred, !starred.push || starred.conflict {
                if starred.value { report.pulledStarred += 1 } else { report.pulledUnstarred += 1 }
            }
            outcomes.append(SyncedArticleOutcome(articleID: state.articleID, read: read.value, starred: starred.value))
        }

        let total = push.values.flatMap(\.values).reduce(0) { $0 + $1.count }
        if total > 0 { progress(.pushing(total)) }
        for field in SyncField.allCases {
            for value in [false, true] {
                guard let ids = push[field]?[value], !ids.isEmpty else { continue }
                try await service.setFlag(field, value, ids: ids.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) })
                switch (field, value) {
                case (.read, true): report.pushedRead += ids.count
                case (.read, false): report.pushedUnread += ids.count
                case (.starred, true): report.pushedStarred += ids.count
                case (.starred, false): report.pushedUnstarred += ids.count
                }
            }
        }
        try store.commitSyncMerge(outcomes, queueMark: input.queueMark)
    }
}
