import Foundation

/// Key-press latency while a background refresh runs: the reader opens on a cache whose feeds
/// are all due, its automatic refresh starts, and each key (`?`, opening and closing the help
/// box) is timed from the write to the moment the screen shows its effect. Presses stop being
/// counted once the status line no longer says "Refreshing".
enum KeyLatencyProbe {
    struct Sample {
        var latenciesMs: [Double]
        var pressesDuringRefresh: Int
        var capture: String
        /// The status line when presses stopped being counted: says why the probe judged the refresh over.
        var stoppedOn: String
    }

    static func run(tidings: String, cache: String, config: String, rowCount: Int, presses: Int = 200) throws -> Sample {
        let session = try PTYSession(path: tidings, arguments: ["--cache", cache, "--config", config],
                                     environment: TerminalEnvironment.make())
        defer { session.finish(timeout: 10) }
        let last = 39
        _ = try session.waitUntil(timeout: 60, what: "a refresh in progress on the first screen") {
            $0.line(0).contains("Feeds (") && $0.line(last).contains("Refreshing")
        }
        var latencies: [Double] = []
        var during = 0
        var capture = ""
        // `?` opens the help box and the next `?` closes it: a screen change every key makes,
        // whatever the refresh does to the list meanwhile (feeds retitle and re-sort as they arrive).
        // A press counts while the refresh runs: the status line said "Refreshing" just before it.
        var refreshing = session.screen.line(last).contains("Refreshing")
        for i in 0..<presses where refreshing {
            let opening = i % 2 == 0
            let sent = Monotonic.now()
            session.send("?")
            let shown = try session.waitUntil(timeout: 30, what: opening ? "the help box" : "the help box to close") {
                // Closing counts once the whole frame is drawn: the box's bottom edge covers the
                // status line, and reading it half-redrawn would end the count early.
                $0.line(0).contains("any other key closes") == opening && (opening || !$0.line(last).contains("┘"))
            }
            latencies.append(Monotonic.milliseconds(sent, shown))
            during += 1
            if !opening {
                refreshing = session.screen.line(last).contains("Refreshing")
                if refreshing && (capture.isEmpty || i == presses / 2 + 1) { capture = session.screen.text() }
            }
            usleep(20_000)
        }
        if capture.isEmpty { capture = session.screen.text() }
        let stoppedOn = session.screen.line(last).trimmingCharacters(in: .whitespaces)
        session.send("Q")
        return Sample(latenciesMs: latencies, pressesDuringRefresh: during, capture: capture, stoppedOn: stoppedOn)
    }
}
