import Foundation
import Testing
@testable import TidingsStore

/// The sentences of issue 4's "Headless commands", checked against the built binary.
@Suite("Headless acceptance")
struct HeadlessAcceptanceTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleFeeds")

    /// Every failure, usage errors included, is exactly one `tidings: …` line and a non-zero exit.
    static let failures: [[String]] = [
        ["bogus"], ["list", "--limit", "abc"], ["list", "--since", "yesterday"], ["list", "--since", "2024-02-30"],
        ["show", "abc"], ["show", "1", "--format", "pdf"], ["show", "99"], ["mark", "read"], ["mark", "maybe", "1"],
        ["search"], ["list", "--feed", "nope"], ["remove", "nope"], ["import", "/no/such/urls"], ["refresh", "nope"],
        ["export", "--format", "csv"], ["feeds", "--no-such-flag"],
    ]

    @Test(arguments: failures) func aFailureIsOneLineOnStderr(_ arguments: [String]) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.seed()
        let r = try cli.run(arguments + ["--config", "/dev/null"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.hasPrefix("tidings: ") == true, "\(r.stderr)")
    }

    @Test func helpAndVersionStillPrintNormally() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let help = try cli.run(["list", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--since"))
        #expect(try cli.run(["--version"]).status == 0)
    }

    @Test(arguments: ["2024-01-01", "2024-01-01T00:00:00Z", "2024-01-01T02:00:00+02:00", "2024-01-01T00:00:00.5Z",
                      "2024-01-01T00:00", "2024-01-01 00:00:00", "3650d"])
    func sinceTakesTheDatesUsersWrite(_ date: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        _ = try cli.seed()
        let r = try cli.run(["list", "--since", date, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try r.json() is [Any])
    }

    @Test func removeFindsAFeedByIdTitleOrTheSourceAsItWasAdded() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = cli.directory.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["a.rss", "b.rss", "c.rss", "d.rss"] {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("harbor-gazette.rss"),
                                             to: folder.appendingPathComponent(name))
        }
        for name in ["a.rss", "b.rss", "c.rss", "d.rss"] {
            #expect(try cli.run(["add", "feeds/" + name, "--no-refresh", "--title", name.uppercased()], in: cli.directory).status == 0)
        }
        var r = try cli.run(["remove", "feeds/a.rss"], in: cli.directory)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Removed feed 1: A.RSS (0 articles)\n")
        r = try cli.run(["remove", "./b.rss"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        r = try cli.run(["remove", "c.rss"])  // the title, ignoring case
        #expect(r.stdout.hasPrefix("Removed feed 3: C.RSS"), "\(r.stderr)")
        r = try cli.run(["remove", folder.appendingPathComponent("d.rss").path])
        #expect(r.stdout.hasPrefix("Removed feed 4"), "\(r.stderr)")
        #expect((try cli.run(["feeds", "--json"]).json() as? [Any])?.isEmpty == true)
    }

    @Test func refreshKeepsGoingPastFailuresAndSaysSoInItsExitStatus() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let gone = cli.directory.appendingPathComponent("gone.rss")
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("harbor-gazette.rss"), to: gone)
        #expect(try cli.run(["add", gone.path, "--title", "Gone"]).status == 0)
        #expect(try cli.run(["add", Self.samples.appendingPathComponent("valley-bulletin.rdf").path]).status == 0)
        // Nothing listens on port 1 of loopback: connection refused at once, and no request
        // ever leaves the machine (add --no-refresh: the first fetch is the refresh's).
        let dead = "http://127.0.0.1:1"
        #expect(try cli.run(["add", "--no-refresh", "\(dead)/1.xml"]).status == 0)
        #expect(try cli.run(["add", "--no-refresh", "\(dead)/2.xml"]).status == 0)
        #expect(try cli.run(["add", "--no-refresh", "exec:exit 1", "--title", "Broken script"]).status == 0)
        try FileManager.default.removeItem(at: gone)

        var r = try cli.run(["refresh"])
        #expect(r.status == 2)
        #expect(r.stdout == "Refreshed 5 feeds: 0 new, 0 updated articles; 1 unchanged, 0 skipped, 4 failed\n")
        var problems = r.stderr.split(separator: "\n")
        #expect(problems.contains("tidings: Gone: cannot read \(gone.path): no such file or folder"), "\(r.stderr)")
        #expect(problems.contains { $0.hasPrefix("tidings: Broken script: `exit 1` failed") }, "\(r.stderr)")
        #expect(problems.contains { $0.hasPrefix("tidings: \(dead)/1.xml: connect:") }, "\(r.stderr)")

        let feeds = try #require(try cli.run(["feeds", "--json"]).json() as? [[String: Any]])
        #expect(feeds.filter { $0["lastError"] is String }.compactMap { $0["title"] as? String }.sorted()
                == ["Broken script", "Gone", "\(dead)/1.xml", "\(dead)/2.xml"])
        #expect(try cli.run(["feeds"]).stdout.contains("error: cannot read \(gone.path): no such file or folder"))

        // The http feeds now back off: skipped, with one line for the reason, not one per feed.
        r = try cli.run(["refresh"])
        #expect(r.status == 2)
        #expect(r.stdout == "Refreshed 5 feeds: 0 new, 0 updated articles; 1 unchanged, 2 skipped, 2 failed\n")
        problems = r.stderr.split(separator: "\n")
        #expect(problems.filter { $0.contains("skipped") }
                == ["tidings: skipped 2 feeds: backing off after errors (`tidings feeds` shows each error; --force retries now)"])

        r = try cli.run(["refresh", "Gone", "\(dead)/1.xml"])
        #expect(r.status == 1, "nothing could be refreshed")
        r = try cli.run(["refresh", "\(dead)/1.xml"])
        #expect(r.status == 0, "a skipped feed is no failure")
        let json = try #require(try cli.run(["refresh", "--json"]).json() as? [[String: Any]])
        #expect(Set(json.compactMap { $0["status"] as? String }) == ["unchanged", "skipped", "failed"])
    }
}
