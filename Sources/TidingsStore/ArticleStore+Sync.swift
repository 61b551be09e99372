import Foundation
import TidingsCore
internal import GRDB

/// A feed as the sync server lists it, in the store's terms.
public struct SyncedFeedEntry: Sendable, Equatable {
    public var serverID: String
    public var url: String
    public var title: String
    public var folder: String?
    public init(serverID: String, url: String, title: String, folder: String?) {
        self.serverID = serverID; self.url = url; self.title = title; self.folder = folder
    }
}

/// An article from the server, to be matched to a local one or stored.
public struct SyncedArticleEntry: Sendable, Equatable {
    public var serverID: String
    /// `SHA1:` + sha1 of the feed's guid (tt-rss), if the server gives one.
    public var guidHash: String?
    public var title: String?
    public var link: String?
    public var author: String?
    public var updated: Date?
    public var body: String?
    public var read: Bool
    public var starred: Bool
    public init(serverID: String, guidHash: String?, title: String?, link: String?, author: String?, updated: Date?,
                body: String?, read: Bool, starred: Bool) {
        self.serverID = serverID; self.guidHash = guidHash; self.title = title; self.link = link; self.author = author
        self.updated = updated; self.body = body; self.read = read; self.starred = starred
    }
}

/// One synced article's three states for one merge: local flags, the server's as last seen, and
/// the queued local marks (with their sequence numbers).
public struct SyncedArticleState: Sendable, Equatable {
    public var articleID: ArticleID
    public var serverID: String
    public var read: Bool
    public var starred: Bool
    public var seenRead: Bool?
    public var seenStarred: Bool?
    public var intentRead: Bool?
    public var intentStarred: Bool?
}

/// What a merge decided for one article: the flags to hold locally and as the new base.
public struct SyncedArticleOutcome: Sendable, Equatable {
    public var articleID: ArticleID
    public var read: Bool
    public var starred: Bool
    public init(articleID: ArticleID, read: Bool, starred: Bool) {
        self.articleID = articleID; self.read = read; self.starred = starred
    }
}

/// `tidings sync --status`.
public struct SyncLedger: Sendable, Equatable {
    public var lastSync: Date?
    public var lastError: String?
    public var pendingMarks: Int
    public var syncedFeeds: Int
    public var syncedArticles: Int
}

extension ArticleStore {
    /// Feeds whose articles come from the sync server; refresh leaves them alone.
    public func syncedFeedIDs() throws(StoreError) -> Set<FeedID> {
        try read { db in Set(try FeedID.fetchAll(db, sql: "SELECT feed_id FROM sync_feed")) }
    }

    public func syncValue(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM sync_meta WHERE key = ?", arguments: [key]) }
    }

    public func setSyncValue(_ key: String, _ value: String?) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(sql: "INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM sync_meta WHERE key = ?", arguments: [key])
            }
        }
    }

    public func syncLedger() throws(StoreError) -> SyncLedger {
        try read { db in
            let last = try String.fetchOne(db, sql: "SELECT value FROM sync_meta WHERE key = 'last-sync'").flatMap(Double.init)
            return SyncLedger(
                lastSync: last.map { Date(timeIntervalSince1970: $0) },
                lastError: try String.fetchOne(db, sql: "SELECT value FROM sync_meta WHERE key = 'last-error'"),
                pendingMarks: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_intent") ?? 0,
                syncedFeeds: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_feed") ?? 0,
                syncedArticles: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_article") ?? 0)
        }
    }

    /// Makes the synced feeds exactly the server's list, in one transaction: a feed already here
    /// with the same URL becomes synced (its articles are matched, not doubled); a synced feed the
    /// server no longer lists is removed with its articles. Local-only feeds are untouched.
    /// Returns the local feed of each server feed id, and how many were added and removed.
    public func applySubscriptions(_ entries: [SyncedFeedEntry]) throws(StoreError)
        -> (feeds: [String: FeedID], added: Int, removed: Int) {
        try write { db in
            var map: [String: FeedID] = [:]
            var added = 0
            let known = Set(try String.fetchAll(db, sql: "SELECT server_id FROM sync_feed"))
            for entry in entries {
                let id = try upsertFeed(source: entry.url, title: nil, kind: .url, db)
                try db.execute(sql: "UPDATE feed SET title = COALESCE(title, ?) WHERE id = ?", arguments: [entry.title, id])
                try db.execute(sql: """
                    INSERT INTO sync_feed (feed_id, server_id, folder) VALUES (?, ?, ?)
                    ON CONFLICT (feed_id) DO UPDATE SET server_id = excluded.server_id, folder = excluded.folder
                    """, arguments: [id, entry.serverID, entry.folder])
                // The server's folder is the feed's tag (the feed list groups by tag).
                try db.execute(sql: "DELETE FROM feed_tag WHERE feed_id = ?", arguments: [id])
                if let folder = entry.folder, !folder.isEmpty {
                    try db.execute(sql: "INSERT INTO feed_tag (feed_id, tag, position) VALUES (?, ?, 0)", arguments: [id, folder])
                }
                if !known.contains(entry.serverID) { added += 1 }
                map[entry.serverID] = id
            }
            let keep = Set(entries.map(\.serverID))
            var removed = 0
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, server_id FROM sync_feed") where !keep.contains(row["server_id"]) {
                try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [row["feed_id"] as FeedID])
                removed += 1
            }
            return (map, added, removed)
        }
    }

    /// Local articles of a feed that a server article could be: by the tt-rss guid hash, then by link.
    public func syncMatchIndex(feed: FeedID) throws(StoreError) -> (byHash: [String: ArticleID], byLink: [String: ArticleID]) {
        try read { db in
            var byHash: [String: ArticleID] = [:], byLink: [String: ArticleID] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, guid, link FROM article WHERE feed_id = ?", arguments: [feed]) {
                let id: ArticleID = row["id"]
                byHash[SHA1.ttrssHash(guid: row["guid"])] = id
                if let link: String = row["link"] { byLink[link] = id }
            }
            return (byHash, byLink)
        }
    }

    /// Server ids already mapped to a local article.
    public func syncedServerIDs(_ ids: [String]) throws(StoreError) -> Set<String> {
        try read { db in
            var out: Set<String> = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                out.formUnion(try String.fetchAll(db, sql: "SELECT server_id FROM sync_article WHERE server_id IN (\(marks))",
                                                  arguments: StatementArguments(chunk)))
            }
            return out
        }
    }

    /// Maps server articles to local ones already in the cache (matched by hash or link) and
    /// stores the others, then records the mapping. Matched articles keep their flags until the
    /// state merge; new ones take the server's flags, which become their base.
    /// Returns how many were stored new and how many matched.
    public func storeSyncedArticles(_ entries: [SyncedArticleEntry], feed: FeedID,
                                    matches: (byHash: [String: ArticleID], byLink: [String: ArticleID]),
                                    seenAt: Date = Date()) throws(StoreError) -> (new: Int, matched: Int) {
        var matched: [(SyncedArticleEntry, ArticleID)] = []
        var fresh: [SyncedArticleEntry] = []
        for entry in entries {
            if let id = entry.guidHash.flatMap({ matches.byHash[$0] }) ?? entry.link.flatMap({ matches.byLink[$0] }) {
                matched.append((entry, id))
            } else {
                fresh.append(entry)
            }
        }
        if !fresh.isEmpty {
            let items = fresh.map { entry in
                FeedItem(id: Self.localGuid(entry), title: entry.title, link: entry.link, author: entry.author,
                         published: entry.updated, content: entry.body, contentType: .html)
            }
            _ = try apply(FeedDocument(format: .rss20, items: items), toFeed: feed, seenAt: seenAt)
        }
        return try write { db in
            let find = try db.cachedStatement(sql: "SELECT id FROM article WHERE feed_id = ? AND guid = ?")
            let map = try db.cachedStatement(sql: """
                INSERT INTO sync_article (article_id, server_id, seen_read, seen_starred) VALUES (?, ?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET server_id = excluded.server_id
                """)
            for (entry, id) in matched {
                try db.execute(sql: "DELETE FROM sync_article WHERE server_id = ? AND article_id <> ?", arguments: [entry.serverID, id])
                try map.execute(arguments: [id, entry.serverID, nil, nil])
            }
            var stored = 0
            for entry in fresh {
                // Absent when retention removed it before (a tombstone): not brought back.
                guard let id = try ArticleID.fetchOne(find, arguments: [feed, Self.localGuid(entry)]) else { continue }
                try db.execute(sql: "DELETE FROM sync_article WHERE server_id = ? AND article_id <> ?", arguments: [entry.serverID, id])
                try map.execute(arguments: [id, entry.serverID, entry.read, entry.starred])
                try db.execute(sql: "UPDATE article SET is_read = ?, is_starred = ? WHERE id = ?",
                               arguments: [entry.read, entry.starred, id])
                stored += 1
            }
            return (stored, matched.count)
        }
    }

    static func localGuid(_ entry: SyncedArticleEntry) -> String { entry.guidHash ?? "sync:" + entry.serverID }

    /// Every synced article's local flags, base and queued marks, plus the highest queue
    /// sequence number seen: `commitSyncMerge` removes only marks up to it.
    public func syncMergeInput() throws(StoreError) -> (states: [SyncedArticleState], queueMark: Int64) {
        try read { db in
            var intents: [Int64: (read: Bool?, starred: Bool?)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT article_id, field, value FROM sync_intent") {
                let id: Int64 = row["article_id"]
                if row["field"] as String == "read" { intents[id, default: (nil, nil)].read = row["value"] }
                else { intents[id, default: (nil, nil)].starred = row["value"] }
            }
            let mark = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM sync_intent") ?? 0
            let states = try Row.fetchAll(db, sql: """
                SELECT s.article_id, s.server_id, a.is_read, a.is_starred, s.seen_read, s.seen_starred
                  FROM sync_article s JOIN article a ON a.id = s.article_id
                """).map { row in
                let id: Int64 = row["article_id"]
                return SyncedArticleState(articleID: id, serverID: row["server_id"], read: row["is_read"], starred: row["is_starred"],
                                          seenRead: row["seen_read"], seenStarred: row["seen_starred"],
                                          intentRead: intents[id]?.read, intentStarred: intents[id]?.starred)
            }
            return (states, mark)
        }
    }

    /// After the merge's marks reached the server: in one transaction, sets the local flags and the
    /// base to the merged values and drops the queued marks up to `queueMark`. A mark made while
    /// the sync ran (a higher sequence number) keeps its flag and stays queued for the next sync.
    public func commitSyncMerge(_ outcomes: [SyncedArticleOutcome], queueMark: Int64, at date: Date = Date()) throws(StoreError) {
        try write { db in
            let newer = try db.cachedStatement(sql: "SELECT 1 FROM sync_intent WHERE article_id = ? AND field = ? AND seq > ?")
            let setRead = try db.cachedStatement(sql: "UPDATE article SET is_read = ? WHERE id = ? AND is_read <> ?")
            let setStarred = try db.cachedStatement(sql: "UPDATE article SET is_starred = ? WHERE id = ? AND is_starred <> ?")
            let base = try db.cachedStatement(sql: "UPDATE sync_article SET seen_read = ?, seen_starred = ? WHERE article_id = ?")
            for outcome in outcomes {
                if try Bool.fetchOne(newer, arguments: [outcome.articleID, "read", queueMark]) == nil {
                    try setRead.execute(arguments: [outcome.read, outcome.articleID, outcome.read])
                }
                if try Bool.fetchOne(newer, arguments: [outcome.articleID, "starred", queueMark]) == nil {
                    try setStarred.execute(arguments: [outcome.starred, outcome.articleID, outcome.starred])
                }
                try base.execute(arguments: [outcome.read, outcome.starred, outcome.articleID])
            }
            try db.execute(sql: "DELETE FROM sync_intent WHERE seq <= ?", arguments: [queueMark])
            try db.execute(sql: "INSERT INTO sync_meta (key, value) VALUES ('last-sync', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           arguments: [String(Int(date.timeIntervalSince1970))])
            try db.execute(sql: "DELETE FROM sync_meta WHERE key = 'last-error'")
        }
    }
}

extension ArticleStore {
    /// The server's id of a synced feed; nil for a local feed.
    public func syncServerFeedID(_ feed: FeedID) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT server_id FROM sync_feed WHERE feed_id = ?", arguments: [feed]) }
    }
}
