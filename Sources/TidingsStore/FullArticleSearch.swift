internal import GRDB

/// Migration "v8-full-article-search": an article is found by the words of its kept full article
/// (table `full_article`) as well as by its feed text. The index still keeps no copy of either:
/// the view `article_search` appends the full article's text to the body it computes from the
/// stored row, so every path that hands FTS5 an article's old text (deletes, retitles, edits,
/// rebuilds, the audit) sees the full article too.
///
/// What changes beside the view:
/// - an article's entry leaves the index BEFORE the article row is deleted. Its full article goes
///   in the same statement by cascade, which SQLite runs before the article's AFTER triggers, so
///   an AFTER trigger could no longer know the text that was indexed;
/// - saving, replacing or deleting a full article moves the entry: out with the text indexed
///   until now, in with the new. A full article is never moved to another article (a trigger
///   refuses it), and must not be written with an upsert: an upsert runs the INSERT triggers and
///   then the UPDATE ones, which would take the entry out twice.
enum FullArticleSearch {
    static let identifier = "v8-full-article-search"

    static func migrate(_ db: Database) throws {
        // Entries of articles that already have a full article go out with the text the old
        // view gives (feed text only) and come back with the new view's.
        try db.execute(sql: """
            INSERT INTO article_fts(article_fts, rowid, title, author, feed, body)
            SELECT 'delete', id, title, author, feed, body FROM article_search
             WHERE id IN (SELECT article_id FROM full_article);
            DROP VIEW article_search;
            DROP TRIGGER article_search_delete;
            """)
        try db.execute(sql: schema)
        try db.execute(sql: """
            INSERT INTO article_fts(rowid, title, author, feed, body)
            SELECT id, title, author, feed, body FROM article_search
             WHERE id IN (SELECT article_id FROM full_article);
            """)
    }

    /// Display title of the feed row `f`, as `SQL.feedTitle`.
    private static let feedTitle = "COALESCE(NULLIF(f.custom_title, ''), NULLIF(f.title, ''), f.source)"

    /// Moves one article's entry: `'delete'` with the text indexed now, or an insert of the text now.
    private static func entry(out: Bool, _ id: String) -> String {
        out
            ? "INSERT INTO article_fts(article_fts, rowid, title, author, feed, body) SELECT 'delete', id, title, author, feed, body FROM article_search WHERE id = \(id);"
            : "INSERT INTO article_fts(rowid, title, author, feed, body) SELECT id, title, author, feed, body FROM article_search WHERE id = \(id);"
    }

    /// A pair of triggers around a change to `full_article`: the article's entry out before it
    /// (the text indexed until now), and in after it (the text from now on).
    private static func moves(_ name: String, on event: String, old: String, new: String) -> String {
        """
        CREATE TRIGGER full_article_search_before_\(name) BEFORE \(event) ON full_article BEGIN
            \(entry(out: true, old))
        END;
        CREATE TRIGGER full_article_search_after_\(name) AFTER \(event) ON full_article BEGIN
            \(entry(out: false, new))
        END;
        """
    }

    static let schema = """
        CREATE VIEW article_search AS
        SELECT a.id AS id, a.feed_id AS feed_id,
               tidings_search_plain(a.title) AS title, tidings_search_plain(a.author) AS author,
               tidings_search_plain(\(feedTitle)) AS feed,
               tidings_search_full(a.content, a.summary, a.content_type, fa.html) AS body
          FROM article a JOIN feed f ON f.id = a.feed_id
          LEFT JOIN full_article fa ON fa.article_id = a.id;

        CREATE TRIGGER article_search_delete BEFORE DELETE ON article BEGIN
            \(entry(out: true, "OLD.id"))
        END;

        \(moves("insert", on: "INSERT", old: "NEW.article_id", new: "NEW.article_id"))
        \(moves("edit", on: "UPDATE OF html", old: "OLD.article_id", new: "NEW.article_id"))
        \(moves("delete", on: "DELETE", old: "OLD.article_id", new: "OLD.article_id"))
        CREATE TRIGGER full_article_keeps_its_article BEFORE UPDATE OF article_id ON full_article
        WHEN OLD.article_id IS NOT NEW.article_id BEGIN
            SELECT RAISE(ABORT, 'a full article cannot move to another article');
        END;
        """
}
