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
            let last = 39
            // Complete: the title bar at the top and the key hints at the right end of the status bar.
            let first = try session.waitUntil(timeout: 120, what: "the reader's first screen") {
                $0.line(0).contains("Feeds (") && $0.line(last).contains("?:Help")
            }
            let firstMs = Monotonic.milliseconds(session.startedAt, first)
            session.send(String(repeating: "j", count: row))
            // Wait (untimed) until the selection rests on the largest feed, so the Enter is timed alone.
            let position = " \(row + 1)/\(rowCount) "
            _ = try session.waitUntil(timeout: 30, what: "the selection to reach the largest feed (\(position))") {
                $0.line(last).hasPrefix(position)
            }
            session.settle(quiet: 0.2, timeout: 5)
            let enter = Monotonic.now()
            session.send("\r")
            let opened = try session.waitUntil(timeout: 120, what: "the largest feed's headline list") {
                $0.line(0).contains("\(articles) total)") && $0.line(last).hasPrefix(" 1/\(articles) ")
                    && $0.line(last).contains("?:Help")
            }
            let openMs = Monotonic.milliseconds(enter, opened)
            let peak = session.peakRSS() ?? 0
            session.send("Q")
            session.finish(timeout: 10)
            return Sample(firstScreenMs: firstMs, openFeedMs: openMs, peakRSS: peak)
        } catch {
            session.finish(timeout: 0)
            throw error
        }
    }
}
