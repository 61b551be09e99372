internal import GRDB

extension ArticleStore {
    /// Where the full-text index differs from one built afresh from the articles, as readable
    /// lines; empty when it is exact. The index keeps no copy of the text, so a stale entry (a
    /// deletion given the wrong old text, a missed retitle) would otherwise go unseen: FTS5's
    /// own integrity-check on 3.40 does not compare an external-content index with its content.
    /// Builds a second index in the temp schema and compares per-column term statistics and
    /// column sizes; for tests and repairs, not for the hot path.
    func searchIndexDifferences(limit: Int = 5) throws -> [String] {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: """
                CREATE TEMP VIEW audit_search AS SELECT * FROM main.article_search;
                CREATE VIRTUAL TABLE temp.audit_fts USING fts5(
                    \(SearchIndex.columns), content = 'audit_search', content_rowid = 'id', \(SearchIndex.options));
                INSERT INTO audit_fts(audit_fts) VALUES ('rebuild');
                CREATE VIRTUAL TABLE temp.audit_live USING fts5vocab(main, article_fts, col);
                CREATE VIRTUAL TABLE temp.audit_fresh USING fts5vocab(temp, audit_fts, col);
                """)
            defer {
                try? db.execute(sql: """
                    DROP TABLE IF EXISTS temp.audit_live; DROP TABLE IF EXISTS temp.audit_fresh;
                    DROP TABLE IF EXISTS temp.audit_fts; DROP VIEW IF EXISTS temp.audit_search;
                    """)
            }
            var found: [String] = []
            let checks = [
                ("in the index only", "SELECT term, col, doc, cnt FROM audit_live EXCEPT SELECT term, col, doc, cnt FROM audit_fresh"),
                ("missing from the index", "SELECT term, col, doc, cnt FROM audit_fresh EXCEPT SELECT term, col, doc, cnt FROM audit_live"),
                ("sizes in the index only", "SELECT id, sz FROM main.article_fts_docsize EXCEPT SELECT id, sz FROM temp.audit_fts_docsize"),
                ("sizes missing from the index", "SELECT id, sz FROM temp.audit_fts_docsize EXCEPT SELECT id, sz FROM main.article_fts_docsize"),
            ]
            for (name, sql) in checks {
                for row in try Row.fetchAll(db, sql: sql + " LIMIT \(limit)") {
                    found.append("\(name): \(row.databaseValues.map(\.description).joined(separator: " "))")
                }
            }
            return found
        }
    }
}
