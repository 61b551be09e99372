import Foundation
internal import GRDB

/// Migration "v9-body-dictionaries": the dictionaries bodies may be packed with
/// (see `BodyDictionary`). Existing rows keep their form; nothing is rewritten.
///
/// - AUTOINCREMENT so that an id is never reused, even after the newest dictionary went with its
///   feed: a cache keyed by id stays right, and `tidings_search_body` stays a pure function.
/// - A dictionary belongs to one feed and goes with it. Articles never move between feeds, so
///   none of them can outlive their dictionary. Removing a feed stays exact for the search index:
///   `feed_search_delete` takes the articles' entries out BEFORE the feed row goes, while the
///   dictionaries still exist; the cascaded article deletes after it find no feed row in
///   `article_search`, so they never unpack a body.
/// - `data` is the dictionary as a zstd frame (`BodyDictionary.stored`).
enum BodyDictionarySchema {
    static let identifier = "v9-body-dictionaries"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE body_dictionary (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                data BLOB NOT NULL
            );
            -- The newest dictionary of a feed, and the cascade when a feed goes.
            CREATE INDEX body_dictionary_by_feed ON body_dictionary(feed_id, id);
            """)
    }

    /// The id of a feed's newest dictionary, the one its imports pack with.
    static func newest(feed: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM body_dictionary WHERE feed_id = ?", arguments: [feed])
    }

    /// A dictionary by id, read through GRDB; nil when missing or damaged.
    static func load(_ id: Int64, _ db: Database) throws -> BodyDictionary? {
        try Data.fetchOne(db, sql: "SELECT data FROM body_dictionary WHERE id = ?", arguments: [id])
            .flatMap(BodyDictionary.init(stored:))
    }

    /// Whether dictionary `id` exists and belongs to `feed` (checked by the writer before it
    /// writes bodies packed with a dictionary that `prepare` read outside its transaction).
    static func exists(_ id: Int64, feed: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM body_dictionary WHERE id = ? AND feed_id = ?", arguments: [id, feed]) != nil
    }

    /// Inserts a new dictionary for `feed`; its id.
    static func insert(_ stored: Data, feed: Int64, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO body_dictionary (feed_id, data) VALUES (?, ?)", arguments: [feed, stored])
        return db.lastInsertedRowID
    }
}
