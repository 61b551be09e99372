import Foundation
import Testing
@testable import TidingsStore

/// add / refresh / import / export, run as the built binary on temporary caches.
@Suite("Subscription commands")
struct SubscriptionCLITests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleFeeds")

    @Test func addReadsLocalSourcesAndRefreshSkipsUnchangedOnes() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let rss = Self.samples.appendingPathComponent("harbor-gazette.rss").path
        var r = try cli.run(["add", rss, "--tag", "news", "--title", "Gazette"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Added feed 1: Gazette (11 new articles)"))
        r = try cli.run(["add", Self.samples.appendingPathComponent("meridian-agency").path])
        #expect(r.stdout.contains("(12 new articles)"))
        r = try cli.run(["add", "exec:cat " + Self.samples.appendingPathComponent("lantern-weekly.json").path])
        #expect(r.stdout.contains("(7 new articles)"), "\(r.stdout) \(r.stderr)")
        r = try cli.run(["refresh"])
        #expect(r.status == 0)
        #expect(r.stdout == "Refreshed 3 feeds: 0 new, 0 updated articles; 3 unchanged, 0 skipped, 0 failed\n")
        let feeds = try #require(try cli.run(["feeds", "--json"]).json() as? [[String: Any]])
        #expect(feeds.map { $0["kind"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["exec", "file", "folder"])
    }

    @Test func addRejectsWhatItCannotUse() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        for (source, message) in [("/no/such/file.xml", "no such file or folder: /no/such/file.xml"),
                                  ("exec:", "exec: needs a command"),
                                  ("gopher://x.example/feed", "only http, https, file and exec: sources are supported")] {
            let r = try cli.run(["add", source])
            #expect(r.status != 0)
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func aFailingSourceIsReportedAndTheOthersStillRefresh() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let broken = cli.directory.appendingPathComponent("broken.rss")
        try Data("<rss><channel><item><title>one</title></item></channel></rss>".utf8).write(to: broken)
        #expect(try cli.run(["add", broken.path]).status == 0)
        #expect(try cli.run(["add", Self.samples.appendingPathComponent("valley-bulletin.rdf").path]).status == 0)
        try Data([0, 1, 2, 3, 0xFF]).write(to: broken)
        let r = try cli.run(["refresh"])
        #expect(r.status == 2, "some feeds failed, the others were refreshed")
        #expect(r.stdout.contains("1 failed"))
        #expect(r.stderr.contains("broken.rss"))
        let feeds = try #require(try cli.run(["feeds", "--json"]).json() as? [[String: Any]])
        #expect(feeds.contains { ($0["lastError"] as? String)?.isEmpty == false })
    }

    @Test func recoveredProblemsAreReportedAsWarningsAndTheArticlesStillArrive() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let feed = cli.directory.appendingPathComponent("sloppy.rss")
        try Data("""
        <rss version="2.0"><channel><title>Sloppy</title>
        <item><guid>1</guid><title>Bad date</title><pubDate>the day after tomorrow</pubDate></item>
        <item><guid>2</guid><title>Fine</title></item></channel></rss>
        """.utf8).write(to: feed)
        #expect(try cli.run(["add", "--no-refresh", feed.path]).status == 0)
        let r = try cli.run(["refresh"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2 new") && r.stdout.contains("1 with warnings"), "\(r.stdout)")
        #expect(r.stderr.contains("sloppy.rss: warning: unparseable date"), "\(r.stderr)")
    }

    @Test func importReportsWhatItAddedSkippedAndCouldNotUnderstand() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let urls = cli.directory.appendingPathComponent("urls")
        try """
        # my feeds
        https://example.com/a.xml news "tag two" "~My Title"
        https://example.com/hidden.xml !
        https://example.com/a.xml
        query:Tides:title:tide
        this is not a feed
        "exec:cat /dev/null" scripts
        """.write(to: urls, atomically: true, encoding: .utf8)
        let r = try cli.run(["import", urls.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try r.json() as? [String: Any])
        func entries(_ key: String, in report: [String: Any]) -> [[String: Any]] { report[key] as? [[String: Any]] ?? [] }
        #expect(entries("added", in: report).map { $0["line"] as? Int } == [2, 3, 7])
        #expect(entries("added", in: report).first?["text"] as? String == "https://example.com/a.xml")
        #expect(entries("savedSearches", in: report).map { $0["text"] as? String } == ["Tides"])
        #expect(entries("savedSearches", in: report).map { $0["line"] as? Int } == [5])
        #expect(entries("skipped", in: report).map { $0["line"] as? Int } == [4])
        #expect(entries("notUnderstood", in: report).map { $0["line"] as? Int } == [6])
        #expect(entries("notUnderstood", in: report).first?["reason"] is String)
        // Importing again adds nothing, and says on which line each known feed was.
        let again = try #require(try cli.run(["import", urls.path, "--json"]).json() as? [String: Any])
        #expect(entries("added", in: again).isEmpty)
        #expect(entries("skipped", in: again).compactMap { $0["line"] as? Int }.sorted() == [2, 3, 4, 5, 7])
        let text = try cli.run(["import", urls.path])
        #expect(text.stdout.contains("  skipped: line 2: already subscribed: https://example.com/a.xml"), "\(text.stdout)")
    }

    @Test(arguments: ["urls", "opml"])
    func exportThenImportIsALosslessRoundTrip(format: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let urls = cli.directory.appendingPathComponent("urls")
        try """
        https://example.com/a.xml news "tag two" "~Café & Co"
        https://example.com/h.xml ! "~Hidden one"
        https://example.com/n.xml "!ORF News (hidden)" "~日本 \\"quoted\\" <b>"
        "exec:printf 'x y'" scripts
        "filter:~/bin/fix.sh --strict:https://example.com/f.xml" fixed
        https://example.com/plain.xml
        "query:Unread news:unread = \\"yes\\" and tags # \\"news\\""
        """.write(to: urls, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", urls.path]).status == 0)
        let exported = try cli.run(["export", "--format", format])
        #expect(exported.status == 0)
        let file = cli.directory.appendingPathComponent("export." + format)
        try Data(exported.stdout.utf8).write(to: file)

        let other = try CLIRunner()
        defer { other.cleanUp() }
        #expect(try other.run(["import", file.path]).status == 0)
        func summary(_ c: CLIRunner) throws -> [String] {
            try #require(try c.run(["feeds", "--json"]).json() as? [[String: Any]]).map {
                "\($0["source"] ?? "") \($0["customTitle"] ?? "") \($0["tags"] ?? "") \($0["hidden"] ?? "") \($0["filter"] ?? "")"
            }.sorted()
        }
        #expect(try summary(cli) == summary(other))
        #expect(try summary(other).count == 6)
        #expect(try other.run(["stats", "--json"]).json() as? [String: Any] != nil)
        let searches = try #require(try other.run(["stats", "--json"]).json() as? [String: Any])["savedSearches"] as? Int
        #expect(searches == 1, "saved searches come back from \(format) too")
        #expect(try other.run(["export", "--format", format]).stdout.replacingOccurrences(of: #"<dateCreated>.*</dateCreated>"#, with: "", options: .regularExpression)
                == exported.stdout.replacingOccurrences(of: #"<dateCreated>.*</dateCreated>"#, with: "", options: .regularExpression))
    }

    /// Export gives back what was imported: feeds in the file's order, tags in the order written.
    @Test func exportKeepsTheOrderOfFeedsAndTagsOfTheImportedFile() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let urls = cli.directory.appendingPathComponent("urls")
        try Data("""
            https://b.example/feed "zeta" "news"
            https://a.example/feed "~Alpha Daily" tech alpha
            "query:Fresh:unread = \\"yes\\""
            https://c.example/feed

            """.utf8).write(to: urls)
        #expect(try cli.run(["import", urls.path, "--config", "/dev/null"]).status == 0)
        let exported = try cli.run(["export", "--format", "urls", "--config", "/dev/null"])
        #expect(exported.stdout.split(separator: "\n").map(String.init) == [
            "https://b.example/feed zeta news",
            "https://a.example/feed tech alpha \"~Alpha Daily\"",
            "https://c.example/feed",
            "\"query:Fresh:unread = \\\"yes\\\"\"",
        ])
        // And importing that export elsewhere exports the same again.
        let again = try CLIRunner()
        defer { again.cleanUp() }
        let file = again.directory.appendingPathComponent("urls")
        try Data(exported.stdout.utf8).write(to: file)
        #expect(try again.run(["import", file.path, "--config", "/dev/null"]).status == 0)
        #expect(try again.run(["export", "--format", "urls", "--config", "/dev/null"]).stdout == exported.stdout)
        let opml = try cli.run(["export", "--format", "opml", "--config", "/dev/null"]).stdout
        let order = ["b.example", "a.example", "c.example"].map { opml.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
    }
}
