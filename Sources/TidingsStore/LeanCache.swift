internal import GRDB

/// Migration "v6-lean-cache": bodies packed with deflate (`BodyCodec`) and a full-text index
/// that keeps no copy of the text. Before it, the index stored its own copy of every article's
/// stripped text (about 5 KB of 13.5 KB per article) and bodies were plain.
///
/// The index is FTS5 with external content: the view `article_search` computes the indexed text
/// from the article row (`SearchFunctions`). SQLite 3.40 has no `contentless_delete`, and FTS5
/// must be handed the exact text it indexed to remove an entry, so every change to an indexed
/// row goes through a trigger that recomputes the old text while the old row is still known:
/// - an article deleted (retention, tests): from the OLD row and its feed's title;
/// - a feed deleted: its articles' entries are removed BEFORE the feed row goes, because by the
///   time a cascade deletes the articles the feed (and so its title) is gone already;
/// - a feed retitled: its articles are re-indexed with the new title;
/// - an article's text changed: old entry out before, new entry in after.
/// New articles are indexed by the import in batches, with text prepared off the write lock.
enum LeanCache {
    static let identifier = "v6-lean-cache"

    /// Gives the pages the old index copy and the plain bodies held back to the file system,
    /// once, right after the migration (which cannot VACUUM inside its transaction). Best effort:
    /// when another process holds the cache, the space is reused by later imports instead, and
    /// `tidings cleanup` compacts.
    static func compact(_ pool: DatabasePool) {
        try? pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS article_fts_delete")
        try db.execute(sql: "DROP TABLE IF EXISTS article_fts")
        try packBodies(db)
        try db.execute(sql: schema)
        try SearchIndex.rebuild(db)
    }

    /// Rewrites plain bodies in their packed form, a chunk of rows at a time by id.
    private static func packBodies(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE article SET content = ?, summary = ? WHERE id = ?")
        var last: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, content, summary FROM article WHERE id > ? ORDER BY id LIMIT 1000
                """, arguments: [last])
            guard let final = rows.last else { return }
            for row in rows {
                let content = BodyCodec.pack(BodyCodec.unpack(row["content"]))
                let summary = BodyCodec.pack(BodyCodec.unpack(row["summary"]))
                try update.execute(arguments: [content, summary, row["id"] as Int64])
            }
            last = final["id"]
        }
    }

    /// Display title of the feed row `alias` (as `SQL.feedTitle`), for triggers that see OLD/NEW.
    private static func title(_ alias: String) -> String {
        "COALESCE(NULLIF(\(alias).custom_title, ''), NULLIF(\(alias).title, ''), \(alias).source)"
    }

    static let schema = """
        CREATE VIEW article_search AS
        SELECT a.id AS id, a.feed_id AS feed_id,
               tidings_search_plain(a.title) AS title, tidings_search_plain(a.author) AS author,
               tidings_search_plain(\(title("f"))) AS feed,
               tidings_search_body(a.content, a.summary, a.content_type) AS body
          FROM article a JOIN feed f ON f.id = a.feed_id;

        -- detail=full because detail=column cannot answer phrase queries.
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, author, feed, body,
            content = 'article_search', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2', detail = full
        );
        -- Title matches weigh most, then author, feed title, body.
        INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)');
        -- Fewer, larger merges while importing (see "v3-search-merge-settings").
        INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 16);
        INSERT INTO article_fts(article_fts, rank) VALUES ('crisismerge', 64);
        INSERT INTO article_fts(article_fts, rank) VALUES ('pgsz', 4050);

        CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, author, feed, body)
            SELECT 'delete', OLD.id, tidings_search_plain(OLD.title), tidings_search_plain(OLD.author),
                   tidings_search_plain(\(title("f"))),
                   tidings_search_body(OLD.content, OLD.summary, OLD.content_type)
              FROM feed f WHERE f.id = OLD.feed_id;
        END;

        CREATE TRIGGER feed_search_delete BEFORE DELETE ON feed BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, author, feed, body)
            SELECT 'delete', id, title, author, feed, body FROM article_search WHERE feed_id = OLD.id;
        END;

        CREATE TRIGGER feed_search_retitle AFTER UPDATE OF custom_title, title, source ON feed
        WHEN \(title("OLD")) IS NOT \(title("NEW")) BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, author, feed, body)
            SELECT 'delete', id, title, author, tidings_search_plain(\(title("OLD"))), body
              FROM article_search WHERE feed_id = NEW.id;
            INSERT INTO article_fts(rowid, title, author, feed, body)
            SELECT id, title, author, feed, body FROM article_search WHERE feed_id = NEW.id;
        END;

        CREATE TRIGGER article_search_before_edit BEFORE UPDATE OF title, author, content, summary, content_type, feed_id
        ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, author, feed, body)
            SELECT 'delete', id, title, author, feed, body FROM article_search WHERE id = OLD.id;
        END;
        CREATE TRIGGER article_search_after_edit AFTER UPDATE OF title, author, content, summary, content_type, feed_id
        ON article BEGIN
            INSERT INTO article_fts(rowid, title, author, feed, body)
            SELECT id, title, author, feed, body FROM article_search WHERE id = NEW.id;
        END;
        """
}
