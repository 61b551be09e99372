/// The tables of migration "v7-sync" (see `Schema`); never edited once shipped.
enum SyncSchema {
    static let v7 = """
        -- A feed whose list entry comes from the server: the server fetches it, Tidings does not.
        CREATE TABLE sync_feed (
            feed_id INTEGER PRIMARY KEY REFERENCES feed(id) ON DELETE CASCADE,
            server_id TEXT NOT NULL UNIQUE,
            folder TEXT
        );
        -- An article known to the server, with read/starred as last seen there (NULL: never merged).
        CREATE TABLE sync_article (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            server_id TEXT NOT NULL UNIQUE,
            seen_read INTEGER CHECK (seen_read IN (0, 1)),
            seen_starred INTEGER CHECK (seen_starred IN (0, 1))
        );
        -- Local marks not yet pushed, coalesced per article and field.
        CREATE TABLE sync_intent (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
            value INTEGER NOT NULL CHECK (value IN (0, 1)),
            seq INTEGER NOT NULL,
            PRIMARY KEY (article_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE sync_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """
}
