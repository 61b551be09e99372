internal import GRDB

/// The cache schema as a list of named migrations. A shipped migration is never edited:
/// changes go into a new one appended at the end (an FTS5 index will be "v2-…").
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feeds-articles") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }()

    /// Identifiers this build knows; anything else in `grdb_migrations` came from a newer build.
    static var knownMigrations: Set<String> { Set(migrator.migrations) }

    private static let v1 = """
        CREATE TABLE feed (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            custom_title TEXT,          -- title the user registered, wins over the document's
            title TEXT,                 -- title from the last imported document
            site_link TEXT,
            description TEXT,
            etag TEXT,
            last_modified TEXT,
            content_hash INTEGER,       -- hash of the last fetched bytes, to skip unchanged sources
            last_updated INTEGER,
            last_error TEXT,
            unread_count INTEGER NOT NULL DEFAULT 0,
            total_count INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            title TEXT,
            author TEXT,
            link TEXT,
            published INTEGER,
            updated INTEGER,
            sort_date INTEGER NOT NULL,  -- published ?? updated ?? first_seen
            summary TEXT,
            content TEXT,
            content_type TEXT NOT NULL,
            categories TEXT,             -- JSON array of strings, NULL when empty
            enclosures TEXT,             -- JSON array of {url,type,length}, NULL when empty
            content_hash INTEGER NOT NULL,
            is_read INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),
            is_starred INTEGER NOT NULL DEFAULT 0 CHECK (is_starred IN (0, 1)),
            first_seen INTEGER NOT NULL,
            UNIQUE (feed_id, guid)
        );

        CREATE INDEX article_order ON article(sort_date DESC, id DESC);
        CREATE INDEX article_feed_order ON article(feed_id, sort_date DESC, id DESC);
        CREATE INDEX article_unread_order ON article(sort_date DESC, id DESC) WHERE is_read = 0;
        CREATE INDEX article_feed_unread_order ON article(feed_id, sort_date DESC, id DESC) WHERE is_read = 0;

        -- Counters on feed so that summaries and totals never scan articles.
        CREATE TRIGGER article_counts_insert AFTER INSERT ON article BEGIN
            UPDATE feed SET total_count = total_count + 1,
                            unread_count = unread_count + (NEW.is_read = 0)
             WHERE id = NEW.feed_id;
        END;
        CREATE TRIGGER article_counts_delete AFTER DELETE ON article BEGIN
            UPDATE feed SET total_count = total_count - 1,
                            unread_count = unread_count - (OLD.is_read = 0)
             WHERE id = OLD.feed_id;
        END;
        CREATE TRIGGER article_counts_update AFTER UPDATE OF is_read, feed_id ON article
        WHEN OLD.is_read IS NOT NEW.is_read OR OLD.feed_id IS NOT NEW.feed_id BEGIN
            UPDATE feed SET total_count = total_count - 1,
                            unread_count = unread_count - (OLD.is_read = 0)
             WHERE id = OLD.feed_id;
            UPDATE feed SET total_count = total_count + 1,
                            unread_count = unread_count + (NEW.is_read = 0)
             WHERE id = NEW.feed_id;
        END;
        """
}
