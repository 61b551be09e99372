import Foundation
import Testing

/// The real binary in tmux: what a user sees and what survives a restart.
@Suite(.serialized)
struct ReaderEndToEndTests {
    /// The unread total the title bar reports, e.g. "Feeds (43 unread, 44 total)".
    static func unreadInTitle(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first,
              let range = line.range(of: #"\((\d+) unread"#, options: .regularExpression) else { return nil }
        return Int(line[range].dropFirst().split(separator: " ")[0])
    }

    @Test func readNextToggleQuitAndRelaunchKeepsReadState() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("cache.sqlite").path
        let tmux = try Tmux(try E2E.readerCommand(cache: cache))
        defer { tmux.kill() }

        var screen = try tmux.waitFor(text: "All articles")
        #expect(screen.contains("Unread"))
        // The first screen already shows headlines: the reader pane previews "All articles".
        screen = try tmux.waitFor(text: "Decommissioned lighthouse")
        #expect(screen.contains("unread of"))
        let initial = try #require(Self.unreadInTitle(screen))
        #expect(initial >= 40)

        // Open "All articles", then the newest article.
        try tmux.send("Enter")
        try tmux.waitFor(text: "All articles (")
        try tmux.send("Enter")
        screen = try tmux.waitFor(text: "Feed: ")
        #expect(screen.contains("Date: "))
        #expect(Self.unreadInTitle(screen) == initial - 1)

        // n reads the next unread article.
        try tmux.send("n")
        screen = try tmux.waitFor("unread count \(initial - 2)") { Self.unreadInTitle($0) == initial - 2 }

        // N marks the article in the reader unread again.
        try tmux.send("N")
        screen = try tmux.waitFor("unread count \(initial - 1)") { Self.unreadInTitle($0) == initial - 1 }
        #expect(screen.contains("Marked unread"))

        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
        tmux.kill()

        // Relaunch on the same cache: the same number is unread.
        let again = try Tmux(try E2E.readerCommand(cache: cache))
        defer { again.kill() }
        screen = try again.waitFor(text: "All articles")
        #expect(Self.unreadInTitle(screen) == initial - 1)
        try again.send("q")
        try again.waitFor(text: "[exited 0]")
    }

    @Test func resizingDownTo20x5AndBackNeverCrashes() throws {
        let dir = try E2E.tempDir()
        let tmux = try Tmux(try E2E.readerCommand(cache: dir.appendingPathComponent("c.sqlite").path))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        try tmux.send("Enter")
        try tmux.waitFor(text: "All articles (")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Feed: ")
        for (w, h) in [(80, 24), (40, 10), (20, 5), (21, 6), (20, 5), (120, 40)] {
            try tmux.resize(width: w, height: h)
            try tmux.waitFor("a \(w)x\(h) frame") { screen in
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return !screen.contains("[exited") && rows.count >= h && !rows[0].isEmpty
            }
        }
        // The list pane and the reader pane are side by side again at 120 columns.
        let screen = try tmux.waitFor("the side-by-side layout back") { $0.contains("│ Feed: ") }
        #expect(!screen.contains("[exited"))
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("term.sqlite").path
        let tmux = try Tmux(try E2E.readerCommand(cache: cache))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        #expect(E2E.signalReader(cache: cache, "TERM"))
        // 128 + SIGTERM, and the alternate screen is gone: the shell's own output shows.
        let screen = try tmux.waitFor(text: "[exited 143]")
        #expect(!screen.contains("All articles"))
    }

    @Test func helpOverlayListsTheKeysAndEscClosesIt() throws {
        let dir = try E2E.tempDir()
        let tmux = try Tmux(try E2E.readerCommand(cache: dir.appendingPathComponent("h.sqlite").path))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        try tmux.send("?")
        let screen = try tmux.waitFor(text: "Next unread article")
        #expect(screen.contains("Toggle read/unread"))
        try tmux.send("Escape")
        try tmux.waitFor("help closed") { !$0.contains("Next unread article") }
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }
}

/// The reader and scripts sharing one cache.
@Suite(.serialized)
struct SharedCacheEndToEndTests {
    @Test func theOpenReaderShowsWhatAnotherProcessAddsWithoutLosingItsPlace() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("shared.sqlite").path
        let tmux = try Tmux(try E2E.readerCommand(cache: cache))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        try tmux.send("j", "j", "j")
        let before = try tmux.capture()
        // A script (as cron would) subscribes to one more source while the reader is open.
        let extra = dir.appendingPathComponent("extra.rss")
        try """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Late Edition</title>
        <item><guid>late-1</guid><title>Breaking: the tide came in</title><pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate></item>
        </channel></rss>
        """.write(to: extra, atomically: true, encoding: .utf8)
        let add = E2E.shell("\(Tmux.quote(E2E.binary)) add --cache \(Tmux.quote(cache)) --config /dev/null \(Tmux.quote(extra.path))")
        #expect(add.status == 0, "\(add.output)")
        let screen = try tmux.waitFor(text: "Late Edition", timeout: 5)
        // The selection stayed on the same feed row.
        let selected = { (s: String) in s.split(separator: "\n").map(String.init).first { $0.contains("Alder Valley") } }
        #expect(selected(before) != nil && selected(screen) != nil)
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }

    @Test func aSecondReaderOnTheSameCacheIsToldWhy() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("lock.sqlite").path
        let first = try Tmux(try E2E.readerCommand(cache: cache))
        defer { first.kill() }
        try first.waitFor(text: "All articles")
        let second = try Tmux(try E2E.readerCommand(cache: cache))
        defer { second.kill() }
        let screen = try second.waitFor(text: "[exited 1]")
        #expect(screen.contains("another Tidings reader (pid"))
        try first.send("Q")
        try first.waitFor(text: "[exited 0]")
    }
}

/// Saved searches written in the config file are virtual feeds in the reader.
@Suite(.serialized)
struct ConfigSearchEndToEndTests {
    @Test func aSearchFromTheConfigIsAFeedWithItsCounts() throws {
        let dir = try E2E.tempDir()
        let config = dir.appendingPathComponent("config.toml")
        try "[searches]\n\"Bridge news\" = \"bridge\"\n".write(to: config, atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("c.sqlite").path
        let command = "\(Tmux.quote(E2E.binary)) --cache \(Tmux.quote(cache)) --config \(Tmux.quote(config.path)) --sources \(Tmux.quote(E2E.sampleFeeds))"
        let tmux = try Tmux(command)
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "Bridge news")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("Bridge news") })
        #expect(row.contains("3/3"), "\(row)")
        try tmux.send("j", "j", "Enter")
        let list = try tmux.waitFor(text: "Bridge news (3 unread, 3 total)")
        #expect(list.contains("Millrace Road bridge"))
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }
}
