import Foundation
import Testing

/// Search as you type with every query slowed down on purpose (the test hook
/// TIDINGS_TEST_SEARCH_DELAY_MS): the prompt answers each key while a query is in flight,
/// only the newest query's results arrive, and Esc leaves at once.
@Suite(.serialized)
struct SlowSearchEndToEndTests {
    @Test func thePromptAnswersEveryKeyWhileAQueryRuns() throws {
        let dir = try E2E.tempDir()
        let cache = dir.appendingPathComponent("cache.sqlite").path
        let tmux = try Tmux(try E2E.readerCommand(cache: cache), environment: ["TIDINGS_TEST_SEARCH_DELAY_MS": "8000"])
        defer { tmux.kill() }
        try tmux.waitFor(text: "All articles")

        try tmux.send("/")
        for (i, key) in ["b", "r", "i", "d", "g", "e"].enumerated() {
            try tmux.type(key)
            let typed = "/" + "bridge".prefix(i + 1)
            // The key is on screen while its query (8 s each) is still running.
            try tmux.waitFor("\(typed) with a search in flight", timeout: 10) {
                $0.contains(typed + "▏") && $0.contains("searching…")
            }
        }
        // Only the last query answers; the stale ones were dropped, not run one after another.
        var screen = try tmux.waitFor("results for bridge", timeout: 30) { $0.contains("Search: bridge") && !$0.contains("searching…") }
        #expect(screen.lowercased().contains("bridge"))
        try tmux.send("Enter")

        // Esc during a slow query goes back to the list at once.
        try tmux.send("/")
        try tmux.type("harbor")
        try tmux.waitFor(text: "searching…", timeout: 10)
        try tmux.send("Escape")
        screen = try tmux.waitFor("the list without the prompt", timeout: 6) { !$0.contains("/harbor") && !$0.contains("searching…") }
        #expect(screen.contains("Search: bridge"))
        try tmux.send("Q")
        try tmux.waitFor(text: "[exited 0]")
    }
}
