import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// Imports a corpus the way a user does: `tidings import` of a urls file listing every feed
/// file, then `tidings refresh` (timed), then `tidings refresh` again with nothing changed.
/// A separate library pass measures how much of that is reading and parsing.
enum Importer {
    /// First import and unchanged refresh through the real binary.
    static func runCLI(_ corpus: Corpus, tidings: String, cache: String, work: URL) throws -> (Pass, Pass) {
        let urls = work.appendingPathComponent("urls")
        try corpus.feeds.map { $0.file.path }.joined(separator: "\n").write(to: urls, atomically: true, encoding: .utf8)
        let common = ["--cache", cache, "--config", "/dev/null"]
        _ = try runTimed(tidings, ["import", urls.path] + common)
        let first = try runTimed(tidings, ["refresh"] + common)
        let second = try runTimed(tidings, ["refresh"] + common)
        let store = try ArticleStore(path: cache)
        let total = try store.count(.all)
        return (Pass(seconds: first, inserted: total), Pass(seconds: second, unchanged: corpus.feeds.count))
    }

    /// Seconds a `tidings` command took; its failure is the benchmark's failure.
    private static func runTimed(_ binary: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = Monotonic.now()
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Double(Monotonic.now() - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchError.importFailed(file: arguments.first ?? "tidings", reason: String(decoding: stderr, as: UTF8.self))
        }
        return seconds
    }

    /// Reading and parsing every file, nothing stored: the parser's share of an import.
    static func parseOnly(_ corpus: Corpus) throws -> Double {
        let start = Monotonic.now()
        for feed in corpus.feeds {
            _ = try FeedParser.parse(try Data(contentsOf: feed.file), baseURL: feed.file, options: parseOptions)
        }
        return Double(Monotonic.now() - start) / 1e9
    }

    /// What one import pass did and how long it took.
    struct Pass {
        var seconds: Double
        /// Reading and parsing the files; the rest of `seconds` is the store.
        var parseSeconds = 0.0
        var inserted = 0
        var updated = 0
        var unchanged = 0
    }

    /// The default 50 MB input cap refuses the 20,000-article feed (about 125 MB): the benchmark
    /// raises it so the largest feed arrives as one document, the way newsboat gets it too.
    static let parseOptions: ParseOptions = {
        var options = ParseOptions()
        options.maxInputBytes = 512 * 1024 * 1024
        options.maxTextBytes = 512 * 1024 * 1024
        return options
    }()

    /// Bytes of the cache file and its WAL and shared-memory files.
    static func cacheBytes(_ path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int) ?? 0
            return total + size
        }
    }
}
