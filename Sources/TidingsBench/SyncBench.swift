import Foundation
import TidingsStore

/// `tidings-bench --sync`: `tidings sync` against a real tt-rss holding `--sync-articles`
/// articles (20,000 by default): a full sync from scratch into an empty cache, then an
/// incremental one with nothing new, each timed per run; newsboat's tt-rss mode (`urls-source
/// "ttrss"`, `-x reload`) on the same account in the same run when it is installed.
struct SyncResult {
    var articles = 0
    var feeds = 0
    var fullSeconds: [Double] = []
    var incrementalSeconds: [Double] = []
    var fullPeakRSS: [Double] = []
    var cachedAfterFull: [Int] = []
    var cachedAfterIncremental: [Int] = []
    var newsboatFull: [Double] = []
    var newsboatIncremental: [Double] = []
    var newsboatArticles: [Int] = []
    var newsboatError: String?
    var loadBefore = ""
    var loadAfter = ""
}

enum SyncBench {
    static let feeds = 40

    static func measure(total: Int, options: Options, work: URL, newsboat: String?, log: (String) -> Void) async throws -> SyncResult {
        let server = try TTRSSLoader.fromEnvironment()
        var result = SyncResult(feeds: feeds)
        result.articles = try await server.load(total: total, feeds: feeds, log: log)
        guard result.articles == total else {
            throw BenchError.importFailed(file: "tt-rss", reason: "the server holds \(result.articles) of \(total) articles")
        }
        let folder = work.appendingPathComponent("sync-\(total)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cache = folder.appendingPathComponent("cache.sqlite").path
        let config = folder.appendingPathComponent("config.toml")
        try "[sync]\nservice = \"ttrss\"\nurl = \"\(server.url)\"\nuser = \"\(server.user)\"\n".write(to: config, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["TIDINGS_SYNC_PASSWORD"] = server.password
        let arguments = ["sync", "--cache", cache, "--config", config.path]

        result.loadBefore = loadAverage()
        for run in 1...options.runs {
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
            let full = try TimedCommand.run(options.tidings, arguments, environment: env)
            guard full.status == 0 else { throw BenchError.importFailed(file: "tidings sync", reason: full.stderr) }
            result.fullSeconds.append(full.seconds)
            result.fullPeakRSS.append(Double(full.peakRSS))
            result.cachedAfterFull.append(try cached(cache))
            let again = try TimedCommand.run(options.tidings, arguments, environment: env)
            guard again.status == 0 else { throw BenchError.importFailed(file: "tidings sync (again)", reason: again.stderr) }
            result.incrementalSeconds.append(again.seconds)
            result.cachedAfterIncremental.append(try cached(cache))
            log(String(format: "sync run %d: full %.2f s (%d articles cached), nothing new %.2f s", run, full.seconds,
                       result.cachedAfterFull.last ?? 0, again.seconds))
            if let newsboat {
                do {
                    let (first, second, articles) = try newsboatRound(newsboat, server: server, folder: folder.appendingPathComponent("newsboat"))
                    result.newsboatFull.append(first)
                    result.newsboatIncremental.append(second)
                    result.newsboatArticles.append(articles)
                    log(String(format: "newsboat run %d: full %.2f s (%d articles cached), again %.2f s", run, first, articles, second))
                } catch {
                    result.newsboatError = "\(error)"
                }
            }
        }
        result.loadAfter = loadAverage()
        if !options.keep { try? FileManager.default.removeItem(at: folder) }
        return result
    }

    private static func cached(_ path: String) throws -> Int {
        try ArticleStore(path: path).totals().total
    }

    /// newsboat with `urls-source "ttrss"` on the same account: a reload into an empty cache, then another.
    private static func newsboatRound(_ binary: String, server: TTRSSLoader, folder: URL) throws -> (Double, Double, Int) {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let urls = folder.appendingPathComponent("urls"), cache = folder.appendingPathComponent("cache.db")
        let config = folder.appendingPathComponent("config")
        try "".write(to: urls, atomically: true, encoding: .utf8)
        try """
            urls-source "ttrss"
            ttrss-url "\(server.url)"
            ttrss-login "\(server.user)"
            ttrss-password "\(server.password)"
            max-items 0
            """.write(to: config, atomically: true, encoding: .utf8)
        let env = TerminalEnvironment.make(extra: ["HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("xdg-config").path,
                                                   "XDG_DATA_HOME": folder.appendingPathComponent("xdg-data").path])
        let arguments = ["-x", "reload", "-u", urls.path, "-c", cache.path, "-C", config.path]
        let first = try TimedCommand.run(binary, arguments, environment: env)
        guard first.status == 0 else { throw BenchError.importFailed(file: "newsboat -x reload", reason: first.stderr) }
        let second = try TimedCommand.run(binary, arguments, environment: env)
        guard second.status == 0 else { throw BenchError.importFailed(file: "newsboat -x reload (again)", reason: second.stderr) }
        return (first.seconds, second.seconds, newsboatCount(cache.path))
    }

    /// Articles in newsboat's cache, through the sqlite3 shell when it is installed (else 0).
    private static func newsboatCount(_ path: String) -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "SELECT count(*) FROM rss_item"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return 0 }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func markdown(_ r: SyncResult, runs: Int) -> String {
        func cell(_ values: [Double]) -> String { Stats.fixed(Stats.median(values), 2) }
        func counts(_ values: [Int]) -> String { Set(values).sorted().map { Stats.thousands(Double($0)) }.joined(separator: "/") }
        var lines = [
            "### Sync with tt-rss: \(Stats.thousands(Double(r.articles))) articles in \(r.feeds) feeds (median of \(runs) runs, seconds)",
            "",
            "| | Tidings | articles in the cache after | newsboat (urls-source ttrss) | articles in its cache after | newsboat ÷ Tidings |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        func ratio(_ a: [Double], _ b: [Double]) -> String {
            guard let x = Stats.median(a), let y = Stats.median(b), y > 0 else { return "n/a" }
            return String(format: "%.1f×", x / y)
        }
        lines.append("| Full sync, empty cache | \(cell(r.fullSeconds)) | \(counts(r.cachedAfterFull)) | \(cell(r.newsboatFull)) | "
                     + "\(r.newsboatArticles.isEmpty ? "n/a" : counts(r.newsboatArticles)) | \(ratio(r.newsboatFull, r.fullSeconds)) |")
        lines.append("| Again, nothing new | \(cell(r.incrementalSeconds)) | \(counts(r.cachedAfterIncremental)) | \(cell(r.newsboatIncremental)) | "
                     + "| \(ratio(r.newsboatIncremental, r.incrementalSeconds)) |")
        lines.append("")
        lines.append("Tidings full sync peak RSS: \(Stats.megabytes(Stats.median(r.fullPeakRSS))) MB. Load average before: \(r.loadBefore); after: \(r.loadAfter).")
        if let error = r.newsboatError { lines.append("newsboat: \(error)") }
        return lines.joined(separator: "\n")
    }
}
