import Foundation
import Testing
import TidingsCore
import TidingsStore

/// `[retention]` limits from the config, global and per feed, through `refresh` and `cleanup`.
@Suite("Retention from the command line")
struct RetentionCLITests {
    /// An RSS feed of `count` items, one a day back from 2020-06-30.
    static func feed(_ title: String, count: Int) -> String {
        let items = (0..<count).map { i in
            "<item><guid>\(title)-\(i)</guid><title>\(title) \(i)</title><pubDate>\(30 - i) Jun 2020 10:00:00 +0000</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>\(items)</channel></rss>"
    }

    @Test func refreshAppliesGlobalAndPerFeedLimitsAndCleanupNamesUnknownFeeds() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let dir = cli.directory
        try Data(Self.feed("Alpha", count: 6).utf8).write(to: dir.appendingPathComponent("a.rss"))
        try Data(Self.feed("Beta", count: 6).utf8).write(to: dir.appendingPathComponent("b.rss"))
        let config = dir.appendingPathComponent("config.toml")
        try Data("""
            [retention]
            max-articles = 2
            [retention."beta"]
            max-articles = 0
            [retention."Gamma"]
            keep-days = 3
            """.utf8).write(to: config)
        let common = ["--config", config.path]
        for file in ["a.rss", "b.rss"] {
            let add = try cli.run(["add", dir.appendingPathComponent(file).path] + common)
            #expect(add.status == 0, "\(add.stderr)")
        }
        let store = try ArticleStore(path: cli.cache)
        #expect(try store.totals().total == 12)
        // A star keeps an article whatever the limits say.
        let oldest = try #require(try store.search("title:alpha", limit: 10).first { $0.title == "Alpha 5" })
        try store.setStarred([oldest.id], true)

        let refresh = try cli.run(["refresh"] + common)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stdout.contains("3 old articles removed by retention limits"), "\(refresh.stdout)")
        let titles = try store.articles(limit: 50).map(\.title)
        #expect(titles.filter { $0.hasPrefix("Alpha") }.sorted() == ["Alpha 0", "Alpha 1", "Alpha 5"])
        #expect(titles.filter { $0.hasPrefix("Beta") }.count == 6)

        let cleanup = try cli.run(["cleanup"] + common)
        #expect(cleanup.status == 0, "\(cleanup.stderr)")
        #expect(cleanup.stdout.hasPrefix("deleted 0 articles"))
        #expect(cleanup.stderr == "tidings: warning: [retention.\"Gamma\"] in \(config.path) names no feed\n")

        let unlimited = try cli.run(["cleanup", "--config", "/dev/null", "--max-articles", "0"])
        #expect(unlimited.status == 1)
        #expect(unlimited.stderr.hasPrefix("tidings: no retention limit"))
    }
}
