import Foundation

/// Key-press latency while a background refresh runs: the reader opens on a cache whose feeds
/// are all due, its automatic refresh starts, and each `j`/`k` is timed from the write to the
/// moment the status line shows the moved selection. Only presses answered while the status
/// line still said "Refreshing" count.
enum KeyLatencyProbe {
    struct Sample {
        var latenciesMs: [Double]
        var pressesDuringRefresh: Int
        var capture: String
    }

    static func run(tidings: String, cache: String, config: String, rowCount: Int, presses: Int = 60) throws -> Sample {
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
        var position = 1
        for i in 0..<presses {
            // Walk down and back up so the selection always moves.
            let down = (i / 20) % 2 == 0
            let key = down ? "j" : "k"
            let target = min(max(1, position + (down ? 1 : -1)), rowCount)
            let sent = Monotonic.now()
            session.send(key)
            // The refresh may end meanwhile: its summary then takes the status line and the probe stops.
            let shown = try session.waitUntil(timeout: 10, what: "the selection at \(target)/\(rowCount)") {
                $0.line(last).hasPrefix(" \(target)/\(rowCount) ") || !$0.line(last).contains("Refreshing")
            }
            position = target
            guard session.screen.line(last).hasPrefix(" \(target)/\(rowCount) ") else { break }
            let refreshing = session.screen.line(last).contains("Refreshing")
            if refreshing {
                latencies.append(Monotonic.milliseconds(sent, shown))
                during += 1
                if i == presses / 2 { capture = session.screen.text() }
            }
            usleep(20_000)
        }
        if capture.isEmpty { capture = session.screen.text() }
        session.send("Q")
        return Sample(latenciesMs: latencies, pressesDuringRefresh: during, capture: capture)
    }
}
