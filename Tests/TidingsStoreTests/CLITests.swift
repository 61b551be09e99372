import Foundation
import Testing
import TidingsCore
@testable import TidingsStore

/// The headless commands, run as the built binary on temporary caches.
@Suite("Headless commands")
struct CLITests {
    private func ids(_ result: CLIRunner.Result) throws -> [Int64] {
        try #require(try result.json() as? [[String: Any]]).map { ($0["id"] as? NSNumber)?.int64Value ?? -1 }
    }

    private func titles(_ result: CLIRunner.Result) throws -> [String] {
        try #require(try result.json() as? [[String: Any]]).map { $0["title"] as? String ?? "?" }
    }

    @Test func feedsJSONHasEveryFieldInStableOrder() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.seed()
        let result = try cli.run(["feeds", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let feeds = try #require(try result.json() as? [[String: Any]])
        #expect(feeds.map { $0["title"] as? String } == ["Harbor Gazette", "Valley Bulletin"])
        let harbor = feeds[0]
        #expect(Set(harbor.keys) == ["id", "title", "customTitle", "source", "kind", "filter", "tags", "hidden", "siteLink",
                                     "unread", "total", "lastUpdated", "lastChecked", "lastError",
                                     "state", "nextFetch", "httpStatus", "rateLimitedUntil"])
        #expect(harbor["state"] as? String == "ok" && harbor["httpStatus"] is NSNull && harbor["nextFetch"] is NSNull)
        #expect(harbor["kind"] as? String == "url" && harbor["tags"] as? [String] == ["news", "local"])
        #expect((harbor["unread"] as? NSNumber)?.intValue == 3 && harbor["lastError"] is NSNull)
        #expect(harbor["lastUpdated"] as? String == "2023-11-14T22:13:20Z")
        // Keys are sorted, so the output is byte-stable.
        let keys = result.stdout.split(separator: "\n").prefix(16).compactMap { line in
            line.split(separator: "\"").dropFirst().first.map(String.init)
        }
        #expect(Array(keys.prefix(3)) == ["customTitle", "filter", "hidden"])
        #expect(try cli.run(["feeds"]).stdout.split(separator: "\n").count == 2)
    }

    @Test func listFiltersAndPrintsJSON() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        let all = try cli.run(["list", "--json"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try titles(all) == ["Ferry timetable changes", "東京の天気", "Market day", "Harvest festival", "Café reopens"])
        let first = try #require(try all.json() as? [[String: Any]]).first
        #expect(first?["published"] as? String == "2023-11-14T22:13:20Z")
        #expect(first?["feed"] as? String == "Harbor Gazette" && first?["read"] as? Bool == false)

        try store.setRead([try ids(all)[0]], true)
        #expect(try titles(cli.run(["list", "--json", "--feed", "Harbor Gazette", "--unread", "--limit", "1"])) == ["Market day"])
        #expect(try titles(cli.run(["list", "--json", "--tag", "news"])).count == 3)
        #expect(try titles(cli.run(["list", "--json", "--since", "2023-11-14T22:12:30Z"])) == ["Ferry timetable changes", "東京の天気"])
        let text = try cli.run(["list"])
        #expect(text.stdout.split(separator: "\n").count == 5)
        #expect(text.stdout.split(separator: "\n").first?.split(separator: "\t").last == "Ferry timetable changes")

        for bad in [["list", "--since", "yesterday-ish"], ["list", "--limit", "-1"], ["list", "--feed", "Nowhere"]] {
            let result = try cli.run(bad)
            #expect(result.status != 0, "\(bad)")
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.isEmpty)
        }
    }

    @Test func showPrintsTheReaderLayoutTheBodyOrJSON() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        let ferry = try #require(try store.search("title:ferry", limit: 1).first)
        let text = try cli.run(["show", String(ferry.id), "--width", "60"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Ferry timetable changes")
        #expect(lines.contains("Feed: Harbor Gazette"))
        #expect(lines.contains("Author: Ana Lima"))
        #expect(lines.contains { $0.contains("ferry") && $0.contains("noon") })
        #expect(lines.allSatisfy { $0.count <= 60 })

        let html = try cli.run(["show", String(ferry.id), "--format", "html"])
        #expect(html.stdout == "<p>The <b>ferry</b> leaves at noon.</p>\n")
        let json = try #require(try cli.run(["show", String(ferry.id), "--format", "json"]).json() as? [String: Any])
        #expect(json["body"] as? String == "<p>The <b>ferry</b> leaves at noon.</p>")
        #expect(json["link"] as? String == "https://example.org/h1" && json["contentType"] as? String == "html")
        #expect((json["enclosures"] as? [Any])?.isEmpty == true)

        let missing = try cli.run(["show", "9999"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no article with id 9999"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test func markChangesFlagsByIdFeedOrAll() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        let list = try ids(cli.run(["list", "--json"]))

        #expect(try cli.run(["mark", "read", String(list[0]), String(list[1])]).status == 0)
        #expect(try store.totals().unread == 3)
        #expect(try cli.run(["mark", "star", "--feed", "Valley Bulletin"]).status == 0)
        #expect(try ids(cli.run(["list", "--json", "--starred"])) == [list[1], list[3]])
        #expect(try cli.run(["mark", "unstar", String(list[1])]).status == 0)
        #expect(try ids(cli.run(["list", "--json", "--starred"])) == [list[3]])
        #expect(try cli.run(["mark", "read", "--all"]).status == 0)
        #expect(try store.totals().unread == 0)
        #expect(try cli.run(["mark", "unread", "--feed", "https://harbor.example/rss"]).status == 0)
        #expect(try store.totals().unread == 3)

        // Unknown ids change nothing and fail; a missing or doubled target is a usage error.
        let unknown = try cli.run(["mark", "read", String(list[0]), "424242"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no article with id 424242"))
        #expect(try store.totals().unread == 3)
        #expect(try cli.run(["mark", "read"]).status != 0)
        #expect(try cli.run(["mark", "read", "--all", "--feed", "1"]).status != 0)
        #expect(try cli.run(["mark", "sideways", "1"]).status != 0)
    }

    @Test func searchPrintsRankedJSONAndSurvivesHostileQueries() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.seed()
        let result = try cli.run(["search", "ferry", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try titles(result) == ["Ferry timetable changes", "Market day"])
        #expect(try titles(cli.run(["search", "--json", "feed:valley", "東京"])) == ["東京の天気"])
        // A leading - excludes a term; it is query text, not an unknown option.
        let without = try cli.run(["search", "--json", "-ferry"])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(try !titles(without).isEmpty && !titles(without).contains("Ferry timetable changes"))
        #expect(try titles(cli.run(["search", "--json", "ferry", "-market"])) == ["Ferry timetable changes"])
        for hostile in ["\"", "*", "AND", "NEAR(", "'; DROP TABLE article; --", "title:"] {
            let run = try cli.run(["search", "--json", hostile])
            #expect(run.status == 0, "\(hostile): \(run.stderr)")
            #expect(try (run.json() as? [Any])?.count ?? -1 >= 0)
        }
        #expect(try titles(cli.run(["search", "--json", "\""])).isEmpty)
        #expect(try cli.run(["search"]).status != 0)
    }

    @Test func statsRemoveAndCleanup() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let store = try cli.seed()
        try store.setStarred([try #require(try store.search("title:market", limit: 1).first).id], true)
        let stats = try #require(try cli.run(["stats", "--json"]).json() as? [String: Any])
        #expect((stats["articles"] as? NSNumber)?.intValue == 5 && (stats["starred"] as? NSNumber)?.intValue == 1)
        #expect((stats["feeds"] as? NSNumber)?.intValue == 2 && stats["newest"] as? String == "2023-11-14T22:13:20Z")

        #expect(try cli.run(["remove", "valley bulletin"]).status == 0)
        #expect(try store.feeds().map(\.title) == ["Harbor Gazette"])
        let again = try cli.run(["remove", "Valley Bulletin"])
        #expect(again.status != 0 && again.stderr.contains("no feed matches"))

        let cleanup = try cli.run(["cleanup", "--keep-days", "1"])
        #expect(cleanup.status == 0, "\(cleanup.stderr)")
        #expect(cleanup.stdout.hasPrefix("deleted 2 articles"))
        #expect(try store.articles(limit: 10).map(\.title) == ["Market day"])
        #expect(try cli.run(["cleanup"]).status != 0)
    }

    @Test func aDamagedCacheFailsWithOneLine() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: cli.cache))
        let result = try cli.run(["list"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is corrupted"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
