import Foundation
import Testing

/// A summary-only feed: `w` in the reader fetches the article's page from a real web server,
/// shows the extracted article, and a second `w` goes back to the summary.
@Suite(.serialized)
struct FullArticleEndToEndTests {
    @Test func wShowsTheWholeArticleAndTheFeedTextAgain() throws {
        let site = try E2E.tempDir()
        let paragraph = "The harbour crane returned on Monday after eleven months of repairs, and the quay workers "
            + "who had unloaded every ferry by hand since January lined up to watch it lift its first container."
        let page = """
            <!DOCTYPE html><html lang="en"><head><title>Crane returns to the harbour | Gazette</title></head><body>
            <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
            <article><h1>Crane returns to the harbour</h1>
            \((1...8).map { "<p>\(paragraph) Part \($0).</p>" }.joined())
            <h2>What happens next</h2><p>\(paragraph) The end.</p></article>
            <aside>Most read: something else entirely</aside></body></html>
            """
        try page.write(to: site.appendingPathComponent("crane.html"), atomically: true, encoding: .utf8)
        let server = try NginxServer(root: site, server: "types { text/html html; }")
        defer { server.stop() }
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>
            <item><title>Crane returns to the harbour</title><guid>crane</guid><link>\(server.url("crane.html"))</link>
            <description>The crane is back. Read on.</description><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
            </channel></rss>
            """
        let dir = try E2E.tempDir()
        try feed.write(to: dir.appendingPathComponent("summaries.rss"), atomically: true, encoding: .utf8)
        let cache = dir.appendingPathComponent("cache.sqlite").path
        let command = "\(Tmux.quote(E2E.binary)) --cache \(Tmux.quote(cache)) --config /dev/null --sources \(Tmux.quote(dir.path))"
        let tmux = try Tmux(command, width: 80, height: 24)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Summaries")
        try tmux.send("j", "j", "Enter")
        try tmux.waitFor(text: "Crane returns to the harbour")
        try tmux.send("Enter")
        var screen = try tmux.waitFor(text: "The crane is back")
        try tmux.send("w")
        screen = try tmux.waitFor("the full article", timeout: 30) { $0.contains("Showing: Full article from") && $0.contains("harbour crane returned") }
        #expect(!screen.contains("Most read"))
        try tmux.send("w")
        screen = try tmux.waitFor(text: "The crane is back", timeout: 10)
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")

        // The extraction was kept: show --full prints it with the server stopped.
        server.stop()
        let shown = E2E.shell("\(Tmux.quote(E2E.binary)) show 1 --full --cache \(Tmux.quote(cache)) --config /dev/null")
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("What happens next"))
        #expect(shown.output.contains("Showing: Full article from \(server.url("crane.html"))"))
    }
}
