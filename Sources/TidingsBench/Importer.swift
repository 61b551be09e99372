import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// Imports a corpus through the same library calls the reader's `--sources` uses:
/// parse each file, register its feed, apply the document in one transaction.
enum Importer {
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

    static func run(_ corpus: Corpus, into store: ArticleStore) throws -> Pass {
        let start = Monotonic.now()
        var pass = Pass(seconds: 0)
        for feed in corpus.feeds {
            do {
                let parseStart = Monotonic.now()
                let data = try Data(contentsOf: feed.file)
                let doc = try FeedParser.parse(data, baseURL: feed.file, options: parseOptions)
                pass.parseSeconds += Double(Monotonic.now() - parseStart) / 1e9
                let id = try store.registerFeed(source: feed.file.path, title: nil)
                let report = try store.apply(doc, toFeed: id)
                pass.inserted += report.inserted
                pass.updated += report.updated
                pass.unchanged += report.unchanged
            } catch {
                throw BenchError.importFailed(file: feed.file.lastPathComponent, reason: "\(error)")
            }
        }
        pass.seconds = Double(Monotonic.now() - start) / 1e9
        return pass
    }

    /// Bytes of the cache file and its WAL and shared-memory files.
    static func cacheBytes(_ path: String) -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = ((try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int) ?? 0
            return total + size
        }
    }
}
