/// A problem in the config file, with the line to fix.
public enum ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    case syntax(TOMLError)
    case unknownKey(String, line: Int)
    case badValue(key: String, expected: String, line: Int)
    case unknownCommand(String, line: Int)
    case unknownKeyName(String, line: Int)

    public var description: String {
        switch self {
        case .syntax(let e): return "config \(e)"
        case .unknownKey(let k, let l): return "config line \(l): unknown setting \(k)"
        case .badValue(let k, let e, let l): return "config line \(l): \(k) must be \(e)"
        case .unknownCommand(let c, let l):
            return "config line \(l): unknown command \"\(c)\" (see the help screen, ?, for command names)"
        case .unknownKeyName(let k, let l): return "config line \(l): \"\(k)\" is not a key name (examples: j, ^L, Enter, PgDn, F1)"
        }
    }
}

/// Settings read from `config.toml`.
public struct Config: Hashable, Sendable {
    public var theme: String?
    public var layout: LayoutPreference
    public var keymap: Keymap
    /// `[searches]`: name = query, shown as virtual feeds next to the saved searches in the cache.
    public var searches: [String: String] = [:]
    /// `[retention]` and `[retention."feed"]`: what `tidings cleanup` and every refresh remove.
    public var retention = RetentionPolicy()
    /// fetch-concurrency, fetch-timeout, refresh-interval, auto-refresh.
    public var fetch = FetchConfig()
    /// `full-article` and `[feeds."…"] full-article`.
    public var fullArticle = FullArticleConfig()
    /// `[sync]`: the feed server to sync with; nil when the table is absent.
    public var sync: SyncConfig?
    /// The global articles-per-feed limit (0 = none).
    public var maxArticles: Int? {
        get { retention.global.maxArticles }
        set { retention.global.maxArticles = newValue }
    }
    /// The global age limit in days (0 = none).
    public var keepDays: Int? {
        get { retention.global.keepDays }
        set { retention.global.keepDays = newValue }
    }

    public init(theme: String? = nil, layout: LayoutPreference = .automatic, keymap: Keymap = .standard) {
        self.theme = theme; self.layout = layout; self.keymap = keymap
    }

    /// Reads a config file. `[keys]`, `[keys.list]` and `[keys.reader]` map key names to command names
    /// (or to "none" to unbind), so the command table is the single vocabulary.
    public init(toml text: String) throws(ConfigError) {
        self.init()
        let doc: TOMLDocument
        do { doc = try TOMLDocument(parsing: text) } catch { throw .syntax(error) }
        for table in doc.tableOrder {
            let fields = doc.tables[table] ?? [:]
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                let line = doc.keyLines[table.isEmpty ? key : table + "." + key] ?? 0
                switch table {
                case "", "general":
                    switch key {
                    case "theme":
                        guard case .string(let s) = value else { throw .badValue(key: key, expected: "a theme name in quotes", line: line) }
                        theme = s
                    case "layout":
                        guard case .string(let s) = value else { throw .badValue(key: key, expected: "\"auto\", \"side-by-side\" or \"stacked\"", line: line) }
                        switch s {
                        case "auto": layout = .automatic
                        case "side-by-side": layout = .sideBySide
                        case "stacked": layout = .stacked
                        default: throw .badValue(key: key, expected: "\"auto\", \"side-by-side\" or \"stacked\"", line: line)
                        }
                    case "full-article":
                        fullArticle.fallback = try FullArticleConfig.policy(key, value, line: line)
                    case _ where FetchConfig.keys.contains(key):
                        try fetch.read(key, value, line: line)
                    default:
                        throw .unknownKey(table.isEmpty ? key : "\(table).\(key)", line: line)
                    }
                case "sync":
                    if sync == nil {
                        sync = try SyncConfig.read(fields) { doc.keyLines["sync." + $0] ?? doc.keyLines["sync"] ?? 0 }
                    }
                case "searches":
                    guard case .string(let query) = value,
                          !query.trimmingCharacters(in: .whitespaces).isEmpty,
                          !key.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw .badValue(key: key, expected: "a search query in quotes, e.g. \"climate unread\"", line: line)
                    }
                    searches[key] = query
                case "retention":
                    try Self.readLimit(key, value, line: line, table: table, into: &retention.global)
                case let feedTable where feedTable.hasPrefix("retention."):
                    let feed = String(feedTable.dropFirst("retention.".count))
                    try Self.readLimit(key, value, line: line, table: table, into: &retention.perFeed[feed, default: RetentionLimits()])
                case let feedTable where feedTable.hasPrefix("feeds."):
                    let feed = String(feedTable.dropFirst("feeds.".count))
                    guard key == "full-article" else { throw .unknownKey("\(table).\(key)", line: line) }
                    fullArticle.perFeed[feed] = try FullArticleConfig.policy(key, value, line: line)
                case "keys", "keys.list", "keys.reader":
                    let context: KeyContext = table == "keys" ? .global : (table == "keys.list" ? .list : .reader)
                    guard let k = Key(name: key) else { throw .unknownKeyName(key, line: line) }
                    guard case .string(let name) = value else { throw .badValue(key: key, expected: "a command name in quotes", line: line) }
                    if name == "none" { keymap.unbind(k, in: context); continue }
                    guard let command = Command(rawValue: name) else { throw .unknownCommand(name, line: line) }
                    keymap.bind(k, to: command, in: context)
                default:
                    throw .unknownKey("[\(table)]", line: line)
                }
            }
        }
    }

    private static func readLimit(_ key: String, _ value: TOMLValue, line: Int, table: String,
                                  into limits: inout RetentionLimits) throws(ConfigError) {
        guard key == "max-articles" || key == "keep-days" else { throw .unknownKey("\(table).\(key)", line: line) }
        guard case .integer(let n) = value, n >= 0 else {
            throw .badValue(key: key, expected: "a whole number, 0 (no limit) or more", line: line)
        }
        if key == "max-articles" { limits.maxArticles = n } else { limits.keepDays = n }
    }
}
