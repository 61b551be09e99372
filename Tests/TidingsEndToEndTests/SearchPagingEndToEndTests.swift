import Foundation
import Testing

/// A search with more matches than one page: the list shows the first page and the count, and
/// scrolling to the end brings the rest.
@Suite(.serialized)
struct SearchPagingEndToEndTests {
    /// One RSS feed of `count` items, every one of them about lanterns.
    static func feed(count: Int) -> String {
        let items = (0..<count).map { n in
            "<item><guid>l\(n)</guid><title>Lantern note \(n)</title><description>The lantern number \(n).</description>"
                + "<pubDate>\(Self.date(minutesAgo: n))</pubDate></item>"
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lanterns</title>" + items.joined() + "</channel></rss>"
    }

    static func date(minutesAgo: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date(timeIntervalSince1970: 1_700_000_000 - Double(minutesAgo) * 60))
    }

    @Test func scrollingToTheEndOfASearchLoadsEveryPage() throws {
        let dir = try E2E.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let feeds = dir.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        try Self.feed(count: 250).write(to: feeds.appendingPathComponent("lanterns.rss"), atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache.sqlite").path
        let tmux = try Tmux("\(Tmux.quote(E2E.binary)) --cache \(Tmux.quote(cache)) --config /dev/null --sources \(Tmux.quote(feeds.path))")
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")

        try tmux.send("/")
        try tmux.type("lantern")
        try tmux.send("Enter")
        // The first page is shown with the count of every match
        try tmux.waitFor(text: "Search: lantern (100 unread, 250 total)", timeout: 15)
        // Each step to the end of what is loaded brings the next page, up to the 250th match
        try tmux.send("G")
        try tmux.waitFor(text: "Search: lantern (200 unread, 250 total)", timeout: 15)
        try tmux.send("G")
        try tmux.waitFor(text: "Search: lantern (250 unread, 250 total)", timeout: 15)
        try tmux.send("G")
        try tmux.waitFor(text: "Lantern note 249", timeout: 15)
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }
}
