import Foundation
internal import GRDB
internal import GRDBSQLite

/// `tidings_bm25(minRowid, maxRowid, weights…)`: FTS5's own bm25 (same constants, same
/// formula, same column weights), except for how it learns in how many articles a phrase
/// occurs (its IDF). FTS5's bm25 counts that by evaluating the phrase over the whole index once
/// per query: for a phrase of common words ("of the") at 200,000 articles, that one count cost
/// more than everything else the search does. Here the count stops after `exactHits` matches
/// and is extrapolated from the share of the rowid range scanned so far (rowids are article ids,
/// dense apart from deletions). Below `exactHits` matches the count, and so the ranking, is
/// exactly bm25's; above it the phrase is so common that its weight is near zero either way.
enum SearchRank {
    /// Matches counted exactly; the same order of magnitude as the ranking window.
    static let exactHits: Int64 = 5_000

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), "tidings_bm25", nil, bm25, nil)
    }

    /// The `rank MATCH` expression for the rowid range of the articles and bm25's column weights.
    static func expression(_ db: Database, weights: [Double]) throws -> String {
        // Two subqueries: SQLite answers a lone min() or max() from the rowid b-tree, but scans
        // the whole table for both in one SELECT (26 ms per search at 200,000 articles).
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE((SELECT min(id) FROM article), 0) AS lo, COALESCE((SELECT max(id) FROM article), 0) AS hi
            """)
        let lo: Int64 = row?["lo"] ?? 0, hi: Int64 = row?["hi"] ?? 0
        return "tidings_bm25(\(lo), \(hi), " + weights.map { String($0) }.joined(separator: ", ") + ")"
    }

    /// What `xQueryPhrase` fills in: matches seen, and the rowid of the last one.
    private struct Count {
        var hits: Int64 = 0
        var lastRowid: Int64 = 0
    }

    private static let countMatch: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = { api, fts, user in
        guard let api, let user else { return SQLITE_ERROR }
        let count = user.assumingMemoryBound(to: Count.self)
        count.pointee.hits += 1
        guard count.pointee.hits >= SearchRank.exactHits else { return SQLITE_OK }
        count.pointee.lastRowid = api.pointee.xRowid(fts)
        return SQLITE_DONE   // stops the scan; xQueryPhrase then returns SQLITE_OK
    }

    /// Per query: [average document length, IDF of phrase 0, 1, …], computed on the first row.
    private static func queryData(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer?,
                                  lo: Int64, hi: Int64) -> UnsafeMutablePointer<Double>? {
        if let cached = api.pointee.xGetAuxdata(fts, 0) { return cached.assumingMemoryBound(to: Double.self) }
        let phrases = Int(api.pointee.xPhraseCount(fts))
        var rows: Int64 = 0, tokens: Int64 = 0
        guard api.pointee.xRowCount(fts, &rows) == SQLITE_OK,
              api.pointee.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK,
              let raw = malloc(MemoryLayout<Double>.stride * (phrases + 1)) else { return nil }
        let data = raw.assumingMemoryBound(to: Double.self)
        data[0] = rows > 0 ? Double(tokens) / Double(rows) : 1
        for phrase in 0..<phrases {
            var count = Count()
            _ = api.pointee.xQueryPhrase(fts, Int32(phrase), &count, countMatch)
            var hits = Double(count.hits)
            if count.hits >= exactHits, hi > lo, count.lastRowid > lo {
                let scanned = Double(count.lastRowid - lo + 1) / Double(hi - lo + 1)
                hits = min(Double(rows), hits / scanned)
            }
            // bm25's IDF, clamped as FTS5 clamps it.
            let idf = log((Double(rows) - hits + 0.5) / (hits + 0.5))
            data[phrase + 1] = idf <= 0 ? 1e-6 : idf
        }
        guard api.pointee.xSetAuxdata(fts, raw, free) == SQLITE_OK else { return nil }
        return data
    }

    private static let bm25: fts5_extension_function = { api, fts, context, count, values in
        guard let api else { return }
        let k1 = 1.2, b = 0.75
        let lo = count > 0 ? sqlite3_value_int64(values?[0]) : 0
        let hi = count > 1 ? sqlite3_value_int64(values?[1]) : 0
        guard let data = queryData(api, fts, lo: lo, hi: hi) else {
            sqlite3_result_error(context, "tidings_bm25: cannot read the index statistics", -1)
            return
        }
        let phrases = Int(api.pointee.xPhraseCount(fts))
        var frequency = [Double](repeating: 0, count: phrases)
        var instances: Int32 = 0
        guard api.pointee.xInstCount(fts, &instances) == SQLITE_OK else { return }
        for i in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.pointee.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK else { return }
            // Column weights follow the two rowid bounds.
            let weight = Int32(2) + column < count ? sqlite3_value_double(values?[Int(2 + column)]) : 1.0
            frequency[Int(phrase)] += weight
        }
        var length: Int32 = 0
        _ = api.pointee.xColumnSize(fts, -1, &length)
        let norm = k1 * (1 - b + b * Double(length) / data[0])
        var score = 0.0
        for phrase in 0..<phrases {
            score += data[phrase + 1] * (frequency[phrase] * (k1 + 1)) / (frequency[phrase] + norm)
        }
        sqlite3_result_double(context, -score)
    }
}
