import Foundation
import Testing

/// Bugs found by using the real reader on SampleFeeds, replayed the way they were found.
@Suite(.serialized)
struct AcceptanceEndToEndTests {
    static func firstHeadline(_ screen: String) -> String? {
        screen.split(separator: "\n").dropFirst().first.map(String.init)
    }

    /// In "Unread", N then N again a moment later must undo the first N. The reader's own write used
    /// to come back a second later as an outside change: the list reloaded without the just-read row
    /// and the second N marked the next article read instead.
    @Test func nTwiceInTheUnreadListUndoesOnTheSameArticle() throws {
        let dir = try E2E.tempDir()
        let tmux = try Tmux(try E2E.readerCommand(cache: dir.appendingPathComponent("u.sqlite").path))
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")
        try tmux.send("j", "Enter")
        var screen = try tmux.waitFor(text: "Unread (44 unread")
        let first = try #require(Self.firstHeadline(screen))
        #expect(first.contains("Decommissioned lighthouse"))
        try tmux.send("N")
        try tmux.waitFor(text: "Unread (43 unread")
        // Longer than the one-second change poll: the moment the bug needed to show.
        Thread.sleep(forTimeInterval: 1.6)
        try tmux.send("N")
        screen = try tmux.waitFor(text: "Marked unread")
        #expect(screen.contains("Unread (44 unread"))
        #expect(Self.firstHeadline(screen)?.contains("Decommissioned lighthouse") == true)
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }

    /// Back in the feed list the reader pane previews the selected feed, as the README says,
    /// instead of keeping the article of the list just left.
    @Test func backInTheFeedListThePaneShowsThePreviewAgain() throws {
        let dir = try E2E.tempDir()
        let tmux = try Tmux(try E2E.readerCommand(cache: dir.appendingPathComponent("p.sqlite").path))
        defer { tmux.kill() }
        try tmux.waitFor(text: "unread of 44")
        try tmux.send("Enter")
        try tmux.waitFor(text: "All articles (")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Feed: Meridian Agency")
        try tmux.send("q", "q")
        let screen = try tmux.waitFor(text: "43 unread of 44")
        #expect(!screen.contains("Feed: Meridian Agency"))
        try tmux.send("q")
        try tmux.waitFor(text: "[exited 0]")
    }
}
