import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// Local sources (feed files, article folders, `exec:` commands) read into the cache, and the one
/// `commit` every prepared source goes through, whatever its kind.
public enum Refresher {
    /// Reads one local feed now and writes it (no scheduling): `make run`'s SampleFeeds and tests.
    public static func refreshLocal(_ feed: FeedInfo, store: ArticleStore, now: Date = Date()) -> RefreshStatus {
        commit(prepareLocal(feed, store: store, now: now), for: feed, store: store)
    }

    /// Reads, fingerprints and parses a local source. Only reads the cache.
    public static func prepareLocal(_ feed: FeedInfo, store: ArticleStore, now: Date = Date()) -> Prepared {
        let previous: FetchState
        do { previous = try store.fetchState(feed.id) } catch { return .failed("\(error)", record: nil) }
        do {
            // A local file whose size and modification time are as recorded is not even read.
            let stamp = feed.kind == .file ? fileStamp(feed.source, filter: feed.filter) : nil
            if let stamp, previous.lastModified == stamp, previous.isHealthy {
                return .unchanged(record: success(previous, stamp: stamp, hash: previous.contentHash, now))
            }
            let (bytes, document) = try read(feed)
            var hash = SourceHash()
            hash.add(bytes)
            hash.add(Data((feed.filter ?? "").utf8))
            if previous.contentHash == hash.value && previous.isHealthy {
                return .unchanged(record: success(previous, stamp: stamp, hash: hash.value, now))
            }
            let doc = try document()
            return .document(store.prepare(doc, forFeed: feed.id), record: success(previous, stamp: stamp, hash: hash.value, now),
                             warnings: doc.warnings)
        } catch {
            return .failed("\(error)", record: previous.failure("\(error)", at: now, nextFetch: nil))
        }
    }

    /// Local sources have no schedule: they are read whenever a refresh runs.
    private static func success(_ previous: FetchState, stamp: String?, hash: Int64?, _ now: Date) -> FetchRecord {
        FetchRecord(at: now, etag: nil, lastModified: stamp, contentHash: hash)
    }

    /// Writes a prepared source: the articles and the fetch record in one transaction.
    public static func commit(_ prepared: Prepared, for feed: FeedInfo, store: ArticleStore) -> RefreshStatus {
        do {
            switch prepared {
            case .unchanged(let record):
                try store.record(record, feed: feed.id)
                return .unchanged
            case .document(let doc, let record, let warnings):
                let report = try store.apply(doc, toFeed: feed.id, seenAt: record.at, fetch: record)
                return .updated(report, warnings: warnings)
            case .skipped(let why):
                return .skipped(why)
            case .failed(let message, let record):
                if let record { try? store.record(record, feed: feed.id) }
                return .failed(message)
            case .rateLimited(let until, let record):
                try store.record(record, feed: feed.id)
                return .rateLimited(until: until)
            case .gone(let record):
                try store.record(record, feed: feed.id)
                return .gone
            case .page:
                return .failed("this is a web page, not a feed")
            }
        } catch {
            let message = "\(error)"
            if let previous = try? store.fetchState(feed.id) {
                try? store.record(previous.failure(message, at: Date(), nextFetch: nil), feed: feed.id)
            }
            return .failed(message)
        }
    }

    /// The bytes that identify the source's current state, and how to turn them into a document.
    private static func read(_ feed: FeedInfo) throws -> (Data, () throws -> FeedDocument) {
        switch feed.kind {
        case .url:
            throw RefreshError("an http(s) feed is fetched by the refresh engine, not read as a local source")
        case .folder:
            let url = URL(fileURLWithPath: feed.source)
            return (try folderFingerprint(url), { try ArticleFolder.read(url) })
        case .file:
            let url = URL(fileURLWithPath: feed.source)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw RefreshError("cannot read \(feed.source): \(why(error, path: feed.source))")
            }
            let filtered = try applyFilter(feed.filter, data)
            return (data, { try FeedParser.parse(filtered, baseURL: url, options: localOptions) })
        case .exec:
            let command = String(feed.source.dropFirst("exec:".count))
            let data = try ExecSource.run(command)
            let filtered = try applyFilter(feed.filter, data)
            return (data, { try FeedParser.parse(filtered) })
        }
    }

    /// A short reason for a failed read; Foundation's own text ("The operation could not be
    /// completed…") says nothing a user can act on.
    private static func why(_ error: Error, path: String) -> String {
        if !FileManager.default.fileExists(atPath: path) { return "no such file or folder" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return (error as NSError).localizedDescription
    }

    /// A local file is the user's own choice: allow more than the 50 MB a download may have.
    private static let localOptions: ParseOptions = {
        var options = ParseOptions()
        options.maxInputBytes = 512 * 1024 * 1024
        options.maxTextBytes = 512 * 1024 * 1024
        return options
    }()

    /// Size and modification time (to the nanosecond) of a file, plus its filter: when all three
    /// are as recorded, the file has not changed.
    private static func fileStamp(_ path: String, filter: String?) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(filter ?? "")"
    }

    static func applyFilter(_ filter: String?, _ data: Data) throws -> Data {
        guard let filter, !filter.isEmpty else { return data }
        return try ExecSource.filter(filter, input: data)
    }

    /// Names, sizes and modification times of a folder's article files: cheap to compute, and
    /// it changes whenever an article is added, removed or edited.
    private static func folderFingerprint(_ url: URL) throws -> Data {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: keys)
        } catch {
            throw RefreshError("cannot read folder \(url.path): \(why(error, path: url.path))")
        }
        var text = ""
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let values = try? entry.resourceValues(forKeys: Set(keys))
            text += "\(entry.lastPathComponent)\t\(values?.fileSize ?? -1)\t\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)\n"
        }
        return Data(text.utf8)
    }
}

/// An FNV-style hash over a source's bytes, a word at a time: a change detector, not a security measure.
public struct SourceHash {
    public private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    public init() {}
    public mutating func add(_ data: Data) {
        // Eight bytes per step: a 125 MB feed hashes in a fraction of a second.
        data.withUnsafeBytes { raw in
            var i = 0
            let n = raw.count
            while i + 8 <= n {
                state ^= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                state = (state &* 0x100_0000_01b3) ^ (state >> 29)
                i += 8
            }
            while i < n {
                state ^= UInt64(raw[i])
                state = state &* 0x100_0000_01b3
                i += 1
            }
        }
    }
    public var value: Int64 { Int64(bitPattern: state) }
}
