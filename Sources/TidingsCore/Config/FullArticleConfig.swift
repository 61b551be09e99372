/// `full-article = "never"` (the default for every feed) and `[feeds."<source or title>"]
/// full-article = "always" | "auto" | "never"`: when the reader fetches the whole article.
public struct FullArticleConfig: Hashable, Sendable {
    public var fallback: FullArticlePolicy = .never
    /// By feed source or title, as the user wrote it.
    public var perFeed: [String: FullArticlePolicy] = [:]

    public init() {}

    static func policy(_ key: String, _ value: TOMLValue, line: Int) throws(ConfigError) -> FullArticlePolicy {
        guard case .string(let text) = value, let policy = FullArticlePolicy(rawValue: text) else {
            throw .badValue(key: key, expected: "\"always\", \"auto\" or \"never\"", line: line)
        }
        return policy
    }

    /// The setting of one feed: by its source first, then its title, else the default.
    public func policy(source: String, title: String) -> FullArticlePolicy {
        perFeed[source] ?? perFeed[title] ?? fallback
    }

    /// The feeds some table names that no subscription matches (a typo), for a warning.
    public func unmatched(sources: Set<String>, titles: Set<String>) -> [String] {
        perFeed.keys.filter { !sources.contains($0) && !titles.contains($0) }.sorted()
    }
}
