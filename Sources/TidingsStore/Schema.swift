internal import GRDB

/// The cache schema as a list of named migrations. A shipped migration is never edited:
/// changes go into a new one appended at the end.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feeds-articles") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-search-feed-meta-retention") { db in
            try db.execute(sql: v2)
            // Rows are indexed by "v6-lean-cache", which replaces this index and runs after it.
        }
        migrator.registerMigration("v3-search-merge-settings") { db in
            // Fewer, larger merges while importing: measured 24 % faster for 100k articles with
            // search latency unchanged (common word about 5 ms). Stored in the index's own config.
            try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 16)")
            try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('crisismerge', 64)")
            try db.execute(sql: "INSERT INTO article_fts(article_fts, rank) VALUES ('pgsz', 4050)")
        }
        migrator.registerMigration("v4-search-text-alt-emoji") { db in
            // The indexed text changed (image alt text, emoji as tokens, full-width ASCII
            // folded) and queries are prepared the new way, so old rows must be rewritten.
            // "v6-lean-cache" rebuilds the whole index from the articles, so that is done there once.
        }
        migrator.registerMigration("v5-tag-order") { db in
            // Tags keep the order the user wrote them in (urls files, OPML categories), so that an
            // export gives back the file that was imported.
            try db.execute(sql: "ALTER TABLE feed_tag ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v6-http-fetch-state") { db in
            // What polite HTTP fetching must remember across runs: when to ask next, how many
            // failures in a row (the backoff), a server's Retry-After, and 410 Gone.
            try db.execute(sql: """
                ALTER TABLE feed ADD COLUMN http_status INTEGER;
                ALTER TABLE feed ADD COLUMN next_fetch INTEGER;
                ALTER TABLE feed ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE feed ADD COLUMN gone INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1));
                ALTER TABLE feed ADD COLUMN rate_limited_until INTEGER;
                """)
        }
        migrator.registerMigration(LeanCache.identifier) { db in
            try LeanCache.migrate(db)
        }
        migrator.registerMigration("v7-full-article") { db in
            // The reader view of an article's web page, beside the feed's own body: the final URL,
            // when it was fetched, and the extractor version, so a better extractor can redo it.
            try db.execute(sql: """
                CREATE TABLE full_article (
                    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                    url TEXT NOT NULL,
                    html TEXT NOT NULL,
                    text_length INTEGER NOT NULL,
                    extractor_version INTEGER NOT NULL,
                    fetched_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v7-sync") { db in
            // Sync with the user's feed server: which feeds and articles live there (server ids,
            // and the state last seen there for the three-way merge), the durable queue of local
            // marks not yet pushed, and the account's bookkeeping (cursor, last sync).
            try db.execute(sql: SyncSchema.v7)
        }
        migrator.registerMigration(FullArticleSearch.identifier) { db in
            try FullArticleSearch.migrate(db)
        }
        migrator.registerMigration(BodyFirstIndex.identifier) { db in
            try BodyFirstIndex.migrate(db)
        }
        migrator.registerMigration(BodyDictionarySchema.identifier) { db in try BodyDictionarySchema.migrate(db) }
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

    /// Full-text index, feed metadata for the CLI, saved searches and retention tombstones.
    /// The FTS table keeps its own copy of the stripped text (not contentless): SQLite 3.40 has no
    /// `contentless_delete`, and a contentless index must be given a row's exact old text to
    /// delete it, which a changed feed title or stripper would silently get wrong. `detail=full`
    /// because `detail=column` cannot answer phrase queries. Rows are written by the import
    /// code in batches (see SearchIndex), never by an insert trigger: FTS5 is slow one row at a time.
    private static let v2 = """
        ALTER TABLE feed ADD COLUMN kind TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('url', 'file', 'folder', 'exec'));
        ALTER TABLE feed ADD COLUMN filter TEXT;          -- command the fetched bytes are piped through
        ALTER TABLE feed ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
        ALTER TABLE feed ADD COLUMN last_checked INTEGER; -- last fetch attempt, successful or not
        UPDATE feed SET kind = 'url' WHERE source LIKE 'http://%' OR source LIKE 'https://%';
        UPDATE feed SET kind = 'exec' WHERE source LIKE 'exec:%';

        CREATE TABLE feed_tag (
            feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (feed_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX feed_tag_by_tag ON feed_tag(tag, feed_id);

        CREATE TABLE saved_search (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL
        );

        -- Guids removed by retention, so the next refresh does not bring them back as unread.
        CREATE TABLE purged_article (
            feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            purged_at INTEGER NOT NULL,
            PRIMARY KEY (feed_id, guid)
        ) WITHOUT ROWID;

        CREATE INDEX article_starred_order ON article(sort_date DESC, id DESC) WHERE is_starred = 1;

        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, author, feed, body,
            tokenize = 'unicode61 remove_diacritics 2', detail = full
        );
        -- Title matches weigh most, then author, feed title, body.
        INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)');

        -- Deletes are rare and come from cascades too, so a trigger is the one place to catch them all.
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            DELETE FROM article_fts WHERE rowid = OLD.id;
        END;
        """
}
