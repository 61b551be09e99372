import Foundation

/// Starts the release reader on a cache through a pseudo-terminal and times what a user sees:
/// the first complete screen, then the list of the largest feed after Enter, and the peak RSS.
enum ReaderProbe {
    struct Sample {
        var firstScreenMs: Double
        var openFeedMs: Double
        var peakRSS: Int
    }

    /// `row` is the largest feed's row in the feed list (0 = "All articles"); `rowCount` the rows
    /// of that list, `articles` the feed's size.
    static func run(tidings: String, cache: String, row: Int, rowCount: Int, articles: Int) throws -> Sample {
        let session = try PTYSession(path: tidings, arguments: ["--cache", cache, "--config", "/dev/null"],
                                     environment: TerminalEnvironment.make())
        do {
            // The title bar comes first and the key hints at the right end of the status bar last.
            let first = try session.waitFor(["Feeds (", "Help"], from: 0, timeout: 120, what: "the reader's first screen")
            let firstMs = Monotonic.milliseconds(session.startedAt, first.time)
            session.send(String(repeating: "j", count: row))
            // Moving the selection redraws the position in the status bar: wait for it so that
            // the Enter below is timed alone.
            let moved = try session.waitFor([" \(row + 1)/\(rowCount) "], from: first.end, timeout: 30, what: "the selection to reach the largest feed")
            let enter = Monotonic.now()
            session.send("\r")
            // Title bar "<feed> (N unread, N total)" first, then the position "1/N" in the status bar.
            let opened = try session.waitFor(["\(articles) total)", "1/\(articles)"], from: moved.end, timeout: 120,
                                             what: "the largest feed's headline list")
            let openMs = Monotonic.milliseconds(enter, opened.time)
            session.send("Q")
            let end = session.finish(timeout: 10)
            return Sample(firstScreenMs: firstMs, openFeedMs: openMs, peakRSS: end.peakRSS)
        } catch {
            _ = session.finish(timeout: 0)
            throw error
        }
    }
}
