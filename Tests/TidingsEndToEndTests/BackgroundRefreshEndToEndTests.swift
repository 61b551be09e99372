import Foundation
import Testing

/// A refresh held open by a slow server: every key still gets its screen at once, and quitting
/// does not wait for the download.
@Suite(.serialized)
struct BackgroundRefreshEndToEndTests {
    @Test func keysKeepWorkingWhileASlowServerHoldsARefreshOpen() throws {
        let dir = try E2E.tempDir()
        let site = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        // About 60 KB at 200 bytes a second: the download takes minutes, far past this test.
        var feed = try String(contentsOfFile: E2E.sampleFeeds + "/harbor-gazette.rss", encoding: .utf8)
        feed = feed.replacingOccurrences(of: "<channel>", with: "<channel><!--" + String(repeating: "slow ", count: 12_000) + "-->")
        try feed.write(to: site.appendingPathComponent("slow.rss"), atomically: true, encoding: .utf8)
        let server = try NginxServer(root: site, server: "location / { limit_rate 200; }")
        defer { server.stop() }

        let cache = dir.appendingPathComponent("cache.sqlite").path
        let config = dir.appendingPathComponent("config.toml")
        try "fetch-timeout = \"300s\"\n".write(to: config, atomically: true, encoding: .utf8)
        let add = E2E.shell("\(Tmux.quote(E2E.binary)) add --no-refresh --cache \(Tmux.quote(cache)) \(server.url("slow.rss")) --title 'Slow server'")
        #expect(add.status == 0, "\(add.output)")

        let command = "\(Tmux.quote(E2E.binary)) --cache \(Tmux.quote(cache)) --config \(Tmux.quote(config.path)) --sources \(Tmux.quote(E2E.sampleFeeds))"
        let tmux = try Tmux(command)
        defer { tmux.kill() }
        // The automatic refresh starts at once: the slow feed was never fetched, so it is due.
        var screen = try tmux.waitFor(text: "Refreshing")
        #expect(screen.contains("All articles"))

        // Every key gets its screen while the download crawls on.
        let rows = try #require(Self.rowCount(screen))
        for (i, key) in ["j", "j", "j", "k", "j", "j"].enumerated() {
            let position = [2, 3, 4, 3, 4, 5][i]
            try tmux.send(key)
            screen = try tmux.waitFor("selection \(position)/\(rows)", timeout: 10) { $0.contains(" \(position)/\(rows) ") }
        }
        try tmux.send("Enter")
        screen = try tmux.waitFor("a headline list", timeout: 10) { $0.contains(" 1/") && !$0.contains("Feeds (") }
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "Feed: ", timeout: 10)
        try tmux.send("q")
        try tmux.send("q")
        screen = try tmux.waitFor(text: "Feeds (", timeout: 10)
        #expect(screen.contains("Refreshing"), "the slow download is still running:\n\(screen)")

        // Quitting does not wait for the download, which has minutes left.
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]", timeout: 20)
    }

    /// "N/M" at the start of the status line (the selected row of the feed list and its count).
    static func rowCount(_ screen: String) -> Int? {
        guard let status = screen.split(separator: "\n").last,
              let range = status.range(of: #"^ \d+/(\d+) "#, options: .regularExpression) else { return nil }
        return Int(status[range].split(separator: "/")[1].trimmingCharacters(in: .whitespaces))
    }
}
