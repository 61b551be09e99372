import Foundation
import TidingsCore
internal import GRDB

/// A feed document turned into column values and search text, ready for a short write.
public struct PreparedDocument: @unchecked Sendable {
    let meta: FeedMeta
    let values: [ArticleValues]
    /// The dictionary bodies were packed with, if any (see `packBodies`).
    var dictionary: PreparedDictionary?
}

extension ArticleStore {
    /// The CPU-heavy half of `apply` (hashes, JSON, search text), done without the write lock so
    /// it can run on another thread while another feed is written. With `feed`, search text is
    /// prepared only for items that are new or changed there.
    public func prepare(_ doc: FeedDocument, forFeed feed: FeedID?) -> PreparedDocument {
        // Reversed so the first item of the document gets the highest id: among equal dates
        // the list (newest first, then id descending) then shows them in document order.
        var values = Array(ArticleValues.deduplicated(doc.items).reversed())
        var stored: [String: Int64] = [:]
        if let feed, let rows = try? read({ db in
            try Row.fetchAll(db, sql: "SELECT guid, content_hash FROM article WHERE feed_id = ?", arguments: [feed])
        }) {
            for row in rows { stored[row["guid"]] = row["content_hash"] }
        }
        // Only new items are indexed by the import; a changed one is re-indexed by a trigger.
        // Bodies are packed here too, so the writer only copies bytes.
        let changed = values.indices.filter { stored[values[$0].guid] != values[$0].hash }
        for i in changed where stored[values[i].guid] == nil { values[i].search = SearchIndex.Text(values[i]) }
        let dictionary = packBodies(&values, at: changed, feed: feed)
        return PreparedDocument(meta: doc.feed, values: values, dictionary: dictionary)
    }

    /// Merges a parsed document into a feed in one short transaction: new items are inserted,
    /// changed ones updated by guid (read and starred flags untouched), unchanged ones skipped.
    /// Items absent from the document are kept.
    public func apply(_ doc: FeedDocument, toFeed id: FeedID, seenAt: Date = Date()) throws(StoreError) -> ImportReport {
        try apply(prepare(doc, forFeed: id), toFeed: id, seenAt: seenAt)
    }

    /// Writes a prepared document (see `prepare`) in one short transaction, together with the
    /// fetch record (validators, schedule) when one is given, so the two can never disagree.
    public func apply(_ prepared: PreparedDocument, toFeed id: FeedID, seenAt: Date = Date(),
                      fetch: FetchRecord? = nil) throws(StoreError) -> ImportReport {
        let seen = UnixTime.seconds(seenAt) ?? 0
        let values = prepared.values
        let meta = prepared.meta
        var newDictionaryID: Int64?
        let report = try write { db in
            try db.execute(sql: """
                UPDATE feed SET title = COALESCE(?, title), site_link = COALESCE(?, site_link),
                       description = COALESCE(?, description), last_updated = ?, last_error = NULL
                 WHERE id = ?
                """, arguments: [meta.title, meta.link, meta.description, seen, id])
            guard db.changesCount > 0 else { throw StoreError.unknownFeed(id) }
            // A changed title re-indexed the feed's older articles (trigger feed_search_retitle).
            let indexedFeedTitle = SearchText.fromPlain(try SearchIndex.displayTitle(feed: id, db) ?? "")

            let find = try db.cachedStatement(sql: "SELECT id, content_hash FROM article WHERE feed_id = ? AND guid = ?")
            var inserter = try ArticleInserter(db)
            let update = try db.cachedStatement(sql: """
                UPDATE article SET title = ?, author = ?, link = ?, published = ?, updated = ?,
                       sort_date = COALESCE(?, ?, first_seen), summary = ?, content = ?, content_type = ?,
                       categories = ?, enclosures = ?, content_hash = ?
                 WHERE id = ?
                """)

            let purged = try db.cachedStatement(sql: "SELECT 1 FROM purged_article WHERE feed_id = ? AND guid = ?")
            var index = SearchIndex.Writer(db)
            var report = ImportReport()
            var bodies = DictionaryWrite(prepared.dictionary, feed: id, db)
            newDictionaryID = nil
            for item in values {
                guard let existing = try Row.fetchOne(find, arguments: [id, item.guid]) else {
                    if try Bool.fetchOne(purged, arguments: [id, item.guid]) != nil {
                        report.skipped += 1
                        continue
                    }
                    let dictionaryID = try bodies.id(for: item)
                    let rowID = try inserter.add([
                        id, item.guid, item.title, item.author, item.link, item.published, item.updated,
                        item.published ?? item.updated ?? seen, item.storedSummary(dictionaryID: dictionaryID),
                        item.storedContent(dictionaryID: dictionaryID), item.contentType,
                        item.categories, item.enclosures, item.hash, seen,
                    ])
                    try index.add(SearchIndex.Entry(id: rowID, text: item.search ?? SearchIndex.Text(item),
                                                    feed: indexedFeedTitle))
                    report.inserted += 1
                    continue
                }
                let storedHash: Int64 = existing["content_hash"]
                if storedHash == item.hash {
                    report.unchanged += 1
                    continue
                }
                let articleID: Int64 = existing["id"]
                let dictionaryID = try bodies.id(for: item)
                try update.execute(arguments: [
                    item.title, item.author, item.link, item.published, item.updated,
                    item.published, item.updated, item.storedSummary(dictionaryID: dictionaryID),
                    item.storedContent(dictionaryID: dictionaryID), item.contentType,
                    item.categories, item.enclosures, item.hash, articleID,
                ])
                // Updates are few (an edited item): triggers move its index entry, computing
                // the old text from the old row (article_search_before_edit / _after_edit).
                report.updated += 1
            }
            try inserter.flush()
            try index.flush()
            if let fetch { try Self.write(fetch, feed: id, db) }
            newDictionaryID = bodies.inserted
            return report
        }
        // Learnt only once committed: a rolled-back id is handed out again (see BodyDictionaryCache).
        if let newDictionaryID, let dictionary = prepared.dictionary?.dictionary {
            dictionaries.insert(dictionary, id: newDictionaryID)
        }
        return report
    }
}
