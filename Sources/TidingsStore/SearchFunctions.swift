internal import GRDB

/// SQL functions through which SQLite itself computes an article's indexed text, the same way
/// the import does in Swift (`SearchIndex.Text`). The index keeps no copy of the text: its
/// content table is the view `article_search` built on these functions, so deleting a row
/// (which FTS5 must be given the exact old text for), retitling a feed and rebuilding can all
/// recompute that text from the article row. They are registered on every connection the
/// store opens; a connection without them (the sqlite3 shell) cannot delete articles, which
/// fails loudly instead of leaving stale index entries behind.
enum SearchFunctions {
    /// `tidings_search_plain(text)`: a title, author or feed title as indexed.
    static let plain = DatabaseFunction("tidings_search_plain", argumentCount: 1, pure: true) { values in
        SearchText.fromPlain(String.fromDatabaseValue(values[0]) ?? "")
    }

    /// `tidings_search_body(content, summary, content_type)`: the body as indexed, from the
    /// stored (possibly packed) columns. Per connection: a body packed with a dictionary needs
    /// the connection's own access to `body_dictionary` (see `ConnectionDictionaries`). Still
    /// pure: a dictionary id always means the same dictionary.
    static func body(_ dictionaries: ConnectionDictionaries) -> DatabaseFunction {
        DatabaseFunction("tidings_search_body", argumentCount: 3, pure: true) { values in
            SearchIndex.Text.indexedBody(content: BodyCodec.unpack(values[0], dictionary: dictionaries.dictionary),
                                         summary: BodyCodec.unpack(values[1], dictionary: dictionaries.dictionary),
                                         contentType: String.fromDatabaseValue(values[2]) ?? "html")
        }
    }

    /// `tidings_search_full(content, summary, content_type, full_html)`: the body as indexed
    /// since "v8-full-article-search": the feed's text, then the kept full article's, if any.
    static func full(_ dictionaries: ConnectionDictionaries) -> DatabaseFunction {
        DatabaseFunction("tidings_search_full", argumentCount: 4, pure: true) { values in
            SearchIndex.Text.indexedBody(content: BodyCodec.unpack(values[0], dictionary: dictionaries.dictionary),
                                         summary: BodyCodec.unpack(values[1], dictionary: dictionaries.dictionary),
                                         contentType: String.fromDatabaseValue(values[2]) ?? "html",
                                         fullArticle: BodyCodec.unpack(values[3]))
        }
    }

    static func register(_ db: Database) {
        let dictionaries = ConnectionDictionaries(db)
        // Lives as long as the connection; hears of rollbacks (see `BodyDictionaryCache`).
        db.add(transactionObserver: dictionaries, extent: .databaseLifetime)
        db.add(function: plain)
        db.add(function: body(dictionaries))
        db.add(function: full(dictionaries))
    }
}
