import TidingsCore
internal import GRDB

/// SQL fragments shared by the list queries. Every list, count and "next unread" query is
/// built here so that all of them keep to the `(sort_date DESC, id DESC)` indexes.
enum SQL {
    /// The title a feed is shown with: registered, else from the document, else its source.
    static let feedTitle = "COALESCE(NULLIF(custom_title, ''), NULLIF(title, ''), display_source(source))"

    /// `feedTitle` for a feed table aliased `alias` in a join.
    static func feedTitle(of alias: String) -> String {
        "COALESCE(NULLIF(\(alias).custom_title, ''), NULLIF(\(alias).title, ''), display_source(\(alias).source))"
    }

    static let headlineColumns = """
        a.id, a.feed_id, COALESCE(NULLIF(f.custom_title, ''), NULLIF(f.title, ''), display_source(f.source)) AS feed_title,
        a.title, a.author, a.published, a.sort_date, a.is_read, a.is_starred
        """
    /// CROSS JOIN keeps `article` the outer loop, so its order index drives the query.
    static let articleFeedJoin = " FROM article a CROSS JOIN feed f ON f.id = a.feed_id"

    /// Headline columns only: the body columns are never read for a list.
    static let headlineSelect = "SELECT " + headlineColumns + articleFeedJoin

    /// Headline columns plus link and body, for the one article being read.
    static let articleSelect = "SELECT " + headlineColumns + ", a.link, a.summary, a.content, a.content_type, a.enclosures" + articleFeedJoin

    /// WHERE terms for a scope (aliased `a`). `is_read = 0` stays a literal so the partial
    /// unread indexes apply.
    static func scopeFilter(_ scope: ListScope, unreadOnly: Bool = false) -> (terms: [String], arguments: StatementArguments) {
        var terms: [String] = []
        var arguments = StatementArguments()
        switch scope {
        case .all: break
        case .unread: terms.append("a.is_read = 0")
        case let .feed(id):
            terms.append("a.feed_id = ?")
            arguments += [id]
        case .search:
            // Search results are ranked and loaded whole through search(), never paged by date.
            terms.append("0")
        }
        if unreadOnly && scope != .unread { terms.append("a.is_read = 0") }
        return (terms, arguments)
    }

    /// A keyset page: rows strictly after (`.older`) or before (`.newer`) the cursor, in index
    /// order for the direction. `.newer` rows come oldest first and must be reversed by the caller.
    static func page(scope: ListScope, cursor: HeadlineCursor?, direction: PageDirection,
                     limit: Int, unreadOnly: Bool = false) -> (sql: String, arguments: StatementArguments) {
        var (terms, arguments) = scopeFilter(scope, unreadOnly: unreadOnly)
        if let cursor {
            terms.append(direction == .older ? "(a.sort_date, a.id) < (?, ?)" : "(a.sort_date, a.id) > (?, ?)")
            arguments += [cursor.sortDate, cursor.id]
        }
        let order = direction == .older ? "a.sort_date DESC, a.id DESC" : "a.sort_date ASC, a.id ASC"
        arguments += [limit]
        let sql = headlineSelect + whereClause(terms) + " ORDER BY \(order) LIMIT ?"
        return (sql, arguments)
    }

    /// Number of rows of the scope that come before the cursor in list order.
    static func rowsBefore(_ cursor: HeadlineCursor, scope: ListScope) -> (sql: String, arguments: StatementArguments) {
        var (terms, arguments) = scopeFilter(scope)
        terms.append("(a.sort_date, a.id) > (?, ?)")
        arguments += [cursor.sortDate, cursor.id]
        return ("SELECT count(*) FROM article a" + whereClause(terms), arguments)
    }

    static func whereClause(_ terms: [String]) -> String {
        terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
    }

    static func headline(_ row: Row) -> Headline {
        Headline(id: row["id"], feedID: row["feed_id"], feedTitle: row["feed_title"],
                 title: row["title"] ?? "", author: row["author"],
                 published: UnixTime.date(row["published"]), sortDate: row["sort_date"],
                 isRead: row["is_read"], isStarred: row["is_starred"])
    }
}
