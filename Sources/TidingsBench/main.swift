import Foundation
import TidingsCore
import TidingsStore

// `tidings-bench [--sizes 10000,100000,200000] [--quick] [--runs 5] [--corpus DIR] [--tidings PATH]`:
// generates a deterministic corpus per size, imports it through the library, times the release
// reader through a pseudo-terminal, times list and search queries, runs newsboat on the same
// corpus when it is installed, and prints a Markdown table with the targets of issue 4.

func log(_ message: String) { FileHandle.standardError.write(Data("tidings-bench: \(message)\n".utf8)) }

let options: Options
do { options = try Options.parse(Array(CommandLine.arguments.dropFirst())) } catch {
    log("\(error)")
    exit(2)
}

let work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tidings-bench-\(getpid())")
let corpusRoot = options.corpus.map { URL(fileURLWithPath: $0) } ?? work.appendingPathComponent("corpus")
let newsboat = options.newsboat ? NewsboatProbe.locate() : nil
guard access(options.tidings, X_OK) == 0 else {
    log("no reader binary at \(options.tidings): build it with `swift build -c release` or pass --tidings PATH")
    exit(2)
}

if options.sync {
    do {
        let result = try await SyncBench.measure(total: options.syncArticles, options: options, work: work, newsboat: newsboat, log: log)
        if !options.keep { try? FileManager.default.removeItem(at: work) }
        print(SyncBench.markdown(result, runs: options.runs))
        exit(0)
    } catch {
        log("\(error)")
        exit(1)
    }
}

if options.http {
    do {
        var httpResults: [HTTPResult] = []
        for size in options.sizes {
            httpResults.append(try HTTPBench.measure(size: size, options: options, work: work, corpusRoot: corpusRoot,
                                                     newsboat: newsboat, log: log))
        }
        if !options.keep { try? FileManager.default.removeItem(at: work) }
        print(HTTPBench.markdown(httpResults))
        exit(0)
    } catch {
        log("\(error)")
        exit(1)
    }
}

var results: [SizeResult] = []
do {
    if let cache = options.cache {
        results.append(try measureQueries(cache: cache))
    } else {
        for size in options.sizes {
            results.append(try measure(size: size))
        }
    }
} catch {
    log("\(error)")
    exit(1)
}
if !options.keep { try? FileManager.default.removeItem(at: work) }
print(Report.markdown(results, options: options, newsboatFound: newsboat != nil))

@MainActor func measure(size: Int) throws -> SizeResult {
    let corpus = try Corpus.generate(total: size, into: corpusRoot.appendingPathComponent("size-\(size)"), log: log)
    var result = SizeResult(articles: corpus.articles, feeds: corpus.feeds.count, largestFeed: corpus.feeds[0].articles,
                            corpusBytes: corpus.bytes)
    let folder = work.appendingPathComponent("size-\(size)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let cache = folder.appendingPathComponent("cache.sqlite").path

    let parseSeconds = try Importer.parseOnly(corpus)
    for run in 1...(options.importRuns ?? options.runs) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache + suffix) }
        var (first, second) = try Importer.runCLI(corpus, tidings: options.tidings, cache: cache, work: folder)
        first.parseSeconds = parseSeconds
        result.importSeconds.append(first.seconds)
        if first.inserted != corpus.articles {
            throw BenchError.importFailed(file: "corpus", reason: "\(first.inserted) of \(corpus.articles) articles were imported")
        }
        result.reimportSeconds.append(second.seconds)
        result.importParseSeconds.append(first.parseSeconds)
        result.reimportParseSeconds.append(second.parseSeconds)
        result.reimportUnchanged = second.unchanged
        log(String(format: "%d articles, import run %d: %.2f s (parse %.2f s, %d new), unchanged re-import %.2f s (parse %.2f s, %d unchanged, %d updated)",
                   size, run, first.seconds, first.parseSeconds, first.inserted, second.seconds, second.parseSeconds,
                   second.unchanged, second.updated))
    }
    result.cacheBytes = Importer.cacheBytes(cache)

    let store = try ArticleStore(path: cache)
    let feeds = try store.feedSummaries()
    guard let index = feeds.firstIndex(where: { $0.title == Corpus.largestTitle }) else {
        throw BenchError.importFailed(file: "corpus", reason: "the largest feed is missing from the cache")
    }
    let largestID = feeds[index].id

    for run in 1...options.runs {
        do {
            // Rows 0 and 1 are "All articles" and "Unread"; feeds follow in the store's order.
            let sample = try ReaderProbe.run(tidings: options.tidings, cache: cache, row: index + 2, rowCount: feeds.count + 2,
                                             articles: feeds[index].total)
            result.firstScreenMs.append(sample.firstScreenMs)
            result.openFeedMs.append(sample.openFeedMs)
            result.peakRSS.append(Double(sample.peakRSS))
            log(String(format: "%d articles, reader run %d: first screen %.1f ms, largest feed %.1f ms, peak RSS %.1f MB",
                       size, run, sample.firstScreenMs, sample.openFeedMs, Double(sample.peakRSS) / 1_048_576))
        } catch {
            result.readerError = "\(error)"
            log("reader run \(run) failed: \(error)")
            break
        }
    }

    try probeQueries(store: store, largestFeed: largestID, into: &result)

    if let newsboat {
        result.newsboat = measureNewsboat(binary: newsboat, corpus: corpus, folder: folder.appendingPathComponent("newsboat"))
    }
    if !options.keep { try? FileManager.default.removeItem(at: folder) }
    return result
}

/// The list and search query timings, `options.runs` times.
@MainActor func probeQueries(store: ArticleStore, largestFeed: FeedID, into result: inout SizeResult) throws {
    for _ in 1...options.runs {
        let sample = try QueryProbe.run(store: store, largestFeed: largestFeed)
        result.firstPageMs.append(sample.firstPage)
        result.deepPageMs.append(sample.deepPage)
        result.feedPageMs.append(sample.largestFeedPage)
        for (label, ms) in sample.searchFirstPage { result.searchFirstPageMs[label, default: []].append(ms) }
        for (label, ms) in sample.searchCount { result.searchCountMs[label, default: []].append(ms) }
        for (label, ms) in sample.searchFirstPageCPU { result.searchFirstPageCPUMs[label, default: []].append(ms) }
        for (label, ms) in sample.searchCountCPU { result.searchCountCPUMs[label, default: []].append(ms) }
        result.searchCounted = sample.counted
    }
}

/// `--cache`: the query timings alone, on a cache an earlier run kept.
@MainActor func measureQueries(cache: String) throws -> SizeResult {
    let store = try ArticleStore(path: cache)
    let feeds = try store.feedSummaries()
    guard let largest = feeds.max(by: { $0.total < $1.total }) else {
        throw BenchError.importFailed(file: cache, reason: "the cache has no feeds")
    }
    var result = SizeResult(articles: try store.count(.all), feeds: feeds.count, largestFeed: largest.total, corpusBytes: 0)
    result.cacheBytes = Importer.cacheBytes(cache)
    try probeQueries(store: store, largestFeed: largest.id, into: &result)
    return result
}

@MainActor func measureNewsboat(binary: String, corpus: Corpus, folder: URL) -> NewsboatResult {
    var result = NewsboatResult()
    do {
        let probe = try NewsboatProbe(binary: binary, folder: folder, corpus: corpus)
        for run in 1...options.newsboatRuns {
            probe.reset()
            let seconds = try probe.reload()
            result.importSeconds.append(seconds)
            log(String(format: "%d articles, newsboat import run %d: %.2f s", corpus.articles, run, seconds))
        }
        result.cacheBytes = Importer.cacheBytes(probe.cache.path)
        let again = try probe.reload()
        result.reloadUnchangedSeconds.append(again)
        log(String(format: "%d articles, newsboat unchanged reload: %.2f s", corpus.articles, again))
        for run in 1...options.newsboatRuns {
            let shown = try probe.firstScreen(total: corpus.articles)
            result.firstScreenMs.append(shown.ms)
            result.peakRSS.append(Double(shown.peakRSS))
            log(String(format: "%d articles, newsboat reader run %d: first screen %.1f ms, peak RSS %.1f MB",
                       corpus.articles, run, shown.ms, Double(shown.peakRSS) / 1_048_576))
        }
    } catch {
        result.error = "\(error)"
        log("newsboat: \(error)")
    }
    return result
}
