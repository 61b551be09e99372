import Foundation
import TidingsCore
internal import GRDB

extension ArticleStore {
    /// Adds a feed or updates the one with this source: title (nil or blank = the document's),
    /// tags (replacing the old set), hidden flag, kind (nil = inferred from the source) and filter.
    public func registerFeed(source: String, title: String?, tags: [String], hidden: Bool = false,
                             kind: FeedKind? = nil, filter: String? = nil) throws(StoreError) -> FeedID {
        let kind = kind ?? FeedKind.infer(source: source)
        let registration = FeedRegistration(source: source, title: title, tags: tags, hidden: hidden, kind: kind, filter: filter)
        return try registerFeeds([registration])[0]
    }

    /// Registers many feeds in one transaction (an import): all of them or, on failure, none.
    public func registerFeeds(_ feeds: [FeedRegistration]) throws(StoreError) -> [FeedID] {
        try write { db in
            try feeds.map { feed in
                let kind = feed.kind ?? FeedKind.infer(source: feed.source)
                let id = try upsertFeed(source: feed.source, title: feed.title, kind: kind, db)
                try db.execute(sql: "UPDATE feed SET kind = ?, hidden = ?, filter = ? WHERE id = ?",
                               arguments: [kind.rawValue, feed.hidden, feed.filter.flatMap { $0.isEmpty ? nil : $0 }, id])
                try Self.replaceTags(of: id, with: feed.tags, db)
                return id
            }
        }
    }

    /// Replaces a feed's tags (blank tags dropped, duplicates merged).
    public func setTags(_ tags: [String], of id: FeedID) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.unknownFeed(id)
            }
            try Self.replaceTags(of: id, with: tags, db)
        }
    }

    /// Hides a feed from the reader's feed list, or shows it again.
    public func setHidden(_ hidden: Bool, feed id: FeedID) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE feed SET hidden = ? WHERE id = ?", arguments: [hidden, id])
            if db.changesCount == 0 { throw StoreError.unknownFeed(id) }
        }
    }

    private static func replaceTags(of id: FeedID, with tags: [String], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM feed_tag WHERE feed_id = ?", arguments: [id])
        var seen = Set<String>()
        let clean = tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        for (position, tag) in clean.enumerated() {
            try db.execute(sql: "INSERT INTO feed_tag (feed_id, tag, position) VALUES (?, ?, ?)", arguments: [id, tag, position])
        }
    }

    /// Every feed (hidden ones included) with tags, counters and fetch status, ordered like the feed list.
    public func feeds() throws(StoreError) -> [FeedInfo] {
        let infos = try read { db in
            var tags: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT feed_id, tag FROM feed_tag ORDER BY feed_id, position, tag") {
                tags[row["feed_id"], default: []].append(row["tag"])
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, \(SQL.feedTitle) AS display_title, custom_title, source, kind, filter, hidden, site_link,
                       unread_count, total_count, last_updated, last_checked, last_error,
                       http_status, next_fetch, failures, gone, rate_limited_until
                  FROM feed
                """).map { row in
                let id: Int64 = row["id"]
                return FeedInfo(id: id, title: row["display_title"], customTitle: row["custom_title"], source: row["source"],
                                kind: FeedKind(rawValue: row["kind"]) ?? .file, filter: row["filter"],
                                tags: tags[id] ?? [], hidden: row["hidden"], siteLink: row["site_link"],
                                unread: row["unread_count"], total: row["total_count"],
                                lastUpdated: UnixTime.date(row["last_updated"]), lastChecked: UnixTime.date(row["last_checked"]),
                                lastError: row["last_error"], httpStatus: row["http_status"],
                                nextFetch: UnixTime.date(row["next_fetch"]), failures: row["failures"], gone: row["gone"],
                                rateLimitedUntil: UnixTime.date(row["rate_limited_until"]))
            }
        }
        return infos.sorted { lhs, rhs in
            let (left, right) = (lhs.title.lowercased(), rhs.title.lowercased())
            return left == right ? lhs.id < rhs.id : left < right
        }
    }

    /// The validators and status of a feed's last fetch.
    public func fetchState(_ id: FeedID) throws(StoreError) -> FetchState {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT etag, last_modified, content_hash, last_checked, last_updated, last_error,
                       http_status, failures, next_fetch, gone, rate_limited_until FROM feed WHERE id = ?
                """, arguments: [id]) else { throw StoreError.unknownFeed(id) }
            return FetchState(etag: row["etag"], lastModified: row["last_modified"], contentHash: row["content_hash"],
                              lastChecked: UnixTime.date(row["last_checked"]), lastUpdated: UnixTime.date(row["last_updated"]),
                              lastError: row["last_error"], httpStatus: row["http_status"], failures: row["failures"],
                              nextFetch: UnixTime.date(row["next_fetch"]), gone: row["gone"],
                              rateLimitedUntil: UnixTime.date(row["rate_limited_until"]))
        }
    }

    /// Records a fetch attempt. With `error` nil the validators and hash are replaced and the
    /// last error cleared; with an error only the error and time are recorded, so the next
    /// attempt still sends the validators of the last good response.
    public func recordFetch(_ id: FeedID, etag: String?, lastModified: String?, contentHash: Int64?,
                            error: String?, at date: Date = Date()) throws(StoreError) {
        let seconds = UnixTime.seconds(date)
        try write { db in
            if let error {
                try db.execute(sql: "UPDATE feed SET last_error = ?, last_checked = ? WHERE id = ?",
                               arguments: [error, seconds, id])
            } else {
                try db.execute(sql: """
                    UPDATE feed SET etag = ?, last_modified = ?, content_hash = ?, last_error = NULL, last_checked = ?
                     WHERE id = ?
                    """, arguments: [etag, lastModified, contentHash, seconds, id])
            }
            if db.changesCount == 0 { throw StoreError.unknownFeed(id) }
        }
    }

    /// Saves (or replaces) a named search.
    public func saveSearch(name: String, query: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO saved_search (name, query) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query
                """, arguments: [name, query])
        }
    }

    /// Saved searches by name, or with `inCreationOrder` as they were saved (for export, so a file round-trips).
    public func savedSearches(inCreationOrder: Bool = false) throws(StoreError) -> [SavedSearch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_search ORDER BY " + (inCreationOrder ? "id" : "name"))
                .map { SavedSearch(name: $0["name"], query: $0["query"]) }
        }
    }

    /// Removes a saved search; returns false when there was none by that name.
    @discardableResult
    public func removeSavedSearch(name: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM saved_search WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Unread and total matches of every saved search, in name order; `extra` ones (from the
    /// config file) join them and win over a cached search of the same name.
    public func savedSearchCounts(extra: [SavedSearch] = []) throws(StoreError) -> [(search: SavedSearch, unread: Int, total: Int)] {
        var byName: [String: SavedSearch] = [:]
        for search in try savedSearches() { byName[search.name] = search }
        for search in extra { byName[search.name] = search }
        var result: [(search: SavedSearch, unread: Int, total: Int)] = []
        for search in byName.values.sorted(by: { $0.name < $1.name }) {
            let counts = try searchCounts(search.query)
            result.append((search, counts.unread, counts.total))
        }
        return result
    }
}
