import Foundation

/// `tidings-bench --http`: the corpus served by nginx over several loopback addresses, fetched by
/// `tidings refresh` and by newsboat from the same URLs in the same run.
struct HTTPResult {
    var articles = 0
    var feeds = 0
    var hosts = 0
    var diskImportSeconds: [Double] = []
    var coldSeconds: [Double] = []
    var unchangedSeconds: [Double] = []
    var unchanged304: [Int] = []
    var coldPeakRSS: [Double] = []
    var keyLatencyMs: [Double] = []
    var keyPresses = 0
    var capture = ""
    var newsboatColdSeconds: [Double] = []
    var newsboatUnchangedSeconds: [Double] = []
    var newsboatError: String?
}

enum HTTPBench {
    /// 200 feeds of equal size: a subscription list, not one firehose (which would pass the 15 MiB cap).
    static func plan(total: Int) -> [Int] {
        let feeds = min(200, max(1, total / 10))
        return (0..<feeds).map { total / feeds + ($0 < total % feeds ? 1 : 0) }
    }

    @MainActor
    static func measure(size: Int, options: Options, work: URL, corpusRoot: URL, newsboat: String?,
                        log: (String) -> Void) throws -> HTTPResult {
        guard let nginxBinary = Nginx.locate() else {
            throw BenchError.spawnFailed("nginx: install it with `apt-get install -y nginx-light`")
        }
        let corpus = try Corpus.generate(total: size, plan: plan(total: size),
                                         into: corpusRoot.appendingPathComponent("http-\(size)"), log: log)
        let folder = work.appendingPathComponent("http-\(size)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hosts = (2...9).map { "127.0.0.\($0)" }
        let nginx = try Nginx(binary: nginxBinary, root: corpus.directory, hosts: hosts, folder: folder.appendingPathComponent("nginx"))
        defer { nginx.stop() }
        var result = HTTPResult(articles: corpus.articles, feeds: corpus.feeds.count, hosts: hosts.count)
        let urls = corpus.feeds.enumerated().map { nginx.url(host: $0.offset, path: $0.element.file.lastPathComponent) }
        let urlsFile = folder.appendingPathComponent("http-urls")
        try (urls.joined(separator: "\n") + "\n").write(to: urlsFile, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("config.toml")
        try "fetch-concurrency = 6\n".write(to: config, atomically: true, encoding: .utf8)
        let cache = folder.appendingPathComponent("cache.sqlite").path
        let common = ["--cache", cache, "--config", config.path]

        for run in 1...options.runs {
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
            let disk = try Importer.runCLI(corpus, tidings: options.tidings, cache: cache, work: folder).0
            result.diskImportSeconds.append(disk.seconds)
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
            try check(TimedCommand.run(options.tidings, ["import", urlsFile.path] + common), "tidings import")
            let cold = try check(TimedCommand.run(options.tidings, ["refresh"] + common), "tidings refresh (cold)")
            let mark = nginx.logLines
            let again = try check(TimedCommand.run(options.tidings, ["refresh"] + common), "tidings refresh (unchanged)")
            let statuses = nginx.statuses(from: mark)
            result.coldSeconds.append(cold.seconds)
            result.coldPeakRSS.append(Double(cold.peakRSS))
            result.unchangedSeconds.append(again.seconds)
            result.unchanged304.append(statuses.filter { $0 == 304 }.count)
            log(String(format: "%d articles over HTTP, run %d: disk import %.2f s, cold refresh %.2f s (peak %.1f MB), unchanged %.2f s (%d of %d answered 304)",
                       size, run, disk.seconds, cold.seconds, Double(cold.peakRSS) / 1_048_576, again.seconds,
                       statuses.filter { $0 == 304 }.count, statuses.count))
        }

        // Key presses while the reader refreshes every feed in the background (a cold cache: all due).
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
        try check(TimedCommand.run(options.tidings, ["import", urlsFile.path] + common), "tidings import")
        let keys = try KeyLatencyProbe.run(tidings: options.tidings, cache: cache, config: config.path,
                                           rowCount: corpus.feeds.count + 2)
        result.keyLatencyMs = keys.latenciesMs
        result.keyPresses = keys.pressesDuringRefresh
        result.capture = keys.capture
        log(String(format: "%d articles over HTTP: %d key presses during the refresh, median %.1f ms, worst %.1f ms",
                   size, keys.pressesDuringRefresh, Stats.median(keys.latenciesMs) ?? -1, keys.latenciesMs.max() ?? -1)
            + "; counting stopped on the status line \"\(keys.stoppedOn)\"")

        if let newsboat {
            measureNewsboat(newsboat, urls: urls, folder: folder.appendingPathComponent("newsboat"), runs: options.newsboatRuns,
                            into: &result, log: log)
        }
        return result
    }

    @discardableResult
    private static func check(_ result: TimedCommand.Result, _ what: String) throws -> TimedCommand.Result {
        // 2 = some feeds failed: still a result, but the benchmark must not time a broken run.
        guard result.status == 0 else { throw BenchError.importFailed(file: what, reason: String(result.stderr.suffix(600))) }
        return result
    }

    /// newsboat sends its validators only from its third reload on, so it is warmed up before
    /// the unchanged reload is timed.
    private static func measureNewsboat(_ binary: String, urls: [String], folder: URL, runs: Int, into result: inout HTTPResult,
                                        log: (String) -> Void) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let urlsFile = folder.appendingPathComponent("http-urls")
            try (urls.joined(separator: "\n") + "\n").write(to: urlsFile, atomically: true, encoding: .utf8)
            let config = folder.appendingPathComponent("config")
            try "max-items 0\nconfirm-exit no\n".write(to: config, atomically: true, encoding: .utf8)
            let cache = folder.appendingPathComponent("cache.db").path
            let env = TerminalEnvironment.make(extra: ["HOME": folder.path])
            let args = ["-x", "reload", "-u", urlsFile.path, "-c", cache, "-C", config.path]
            for run in 1...runs {
                for suffix in ["", "-journal", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
                let cold = try check(TimedCommand.run(binary, args, environment: env), "newsboat -x reload")
                result.newsboatColdSeconds.append(cold.seconds)
                log(String(format: "newsboat cold reload run %d: %.2f s", run, cold.seconds))
            }
            for _ in 0..<2 { try check(TimedCommand.run(binary, args, environment: env), "newsboat warm-up reload") }
            for run in 1...runs {
                let again = try check(TimedCommand.run(binary, args, environment: env), "newsboat -x reload (unchanged)")
                result.newsboatUnchangedSeconds.append(again.seconds)
                log(String(format: "newsboat unchanged reload run %d: %.2f s", run, again.seconds))
            }
        } catch {
            result.newsboatError = "\(error)"
            log("newsboat: \(error)")
        }
    }

    static func markdown(_ results: [HTTPResult]) -> String {
        func row(_ label: String, _ value: (HTTPResult) -> String) -> String {
            "| \(label) | " + results.map(value).joined(separator: " | ") + " |"
        }
        func med(_ values: [Double]) -> Double? { Stats.median(values) }
        var lines = [
            "| measure (medians) | " + results.map { Stats.thousands(Double($0.articles)) }.joined(separator: " | ") + " |",
            "|---|" + results.map { _ in "---:|" }.joined(),
            row("feeds / hosts") { "\($0.feeds) / \($0.hosts)" },
            row("Tidings import of the same files from disk, s") { Stats.fixed(med($0.diskImportSeconds), 2) },
            row("Tidings cold refresh over HTTP, s") { Stats.fixed(med($0.coldSeconds), 2) },
            row("  ratio to its disk import (target ≤ 1.25)") { r in
                guard let a = med(r.coldSeconds), let b = med(r.diskImportSeconds), b > 0 else { return "n/a" }
                return Stats.fixed(a / b, 2) + "x"
            },
            row("newsboat cold `-x reload`, s") { Stats.fixed(med($0.newsboatColdSeconds), 2) },
            row("  Tidings faster by (target ≥ 2x)") { r in
                guard let a = med(r.newsboatColdSeconds), let b = med(r.coldSeconds), b > 0 else { return "n/a" }
                return Stats.fixed(a / b, 1) + "x"
            },
            row("Tidings refresh, nothing changed, s") { Stats.fixed(med($0.unchangedSeconds), 3) },
            row("  answered 304") { "\($0.unchanged304.last ?? 0)/\($0.feeds)" },
            row("newsboat reload, nothing changed (after warm-up), s") { Stats.fixed(med($0.newsboatUnchangedSeconds), 2) },
            row("  Tidings faster by (target ≥ 5x)") { r in
                guard let a = med(r.newsboatUnchangedSeconds), let b = med(r.unchangedSeconds), b > 0 else { return "n/a" }
                return Stats.fixed(a / b, 1) + "x"
            },
            row("key press during a refresh: median / worst, ms (presses)") { r in
                "\(Stats.fixed(med(r.keyLatencyMs))) / \(Stats.fixed(r.keyLatencyMs.max())) (\(r.keyPresses))"
            },
            row("peak RSS of `tidings refresh` (cold), MiB (target < 80)") { Stats.megabytes(med($0.coldPeakRSS)) },
        ]
        if let error = results.compactMap(\.newsboatError).first { lines.append("\nnewsboat: \(error)") }
        if let capture = results.last?.capture, !capture.isEmpty {
            lines.append("\nThe reader mid-refresh (120x40):\n\n```\n\(capture)\n```")
        }
        return lines.joined(separator: "\n")
    }
}
