import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// What refreshing one feed did.
enum RefreshStatus {
    /// Written; `warnings` are what the parser recovered from (shown, never fatal).
    case updated(ImportReport, warnings: [String])
    /// The source's bytes were the same as last time: nothing was parsed or written.
    case unchanged
    case skipped(String)
    case failed(String)
}

/// The single entry point that brings a feed's source into the cache. Local files, article
/// folders and `exec:` commands are read here; an HTTP fetcher plugs in as one more kind.
enum Refresher {
    /// A source read and parsed, ready to be written; the slow half of a refresh, which may run
    /// on another thread while the previous feed is written.
    enum Prepared: @unchecked Sendable {
        case document(PreparedDocument, stamp: String?, hash: Int64, warnings: [String])
        case unchanged(stamp: String?, hash: Int64?)
        case skipped(String)
        case failed(String)
    }

    static func refresh(_ feed: FeedInfo, store: ArticleStore, now: Date = Date()) -> RefreshStatus {
        commit(prepare(feed, store: store), for: feed, store: store, now: now)
    }

    /// Reads, fingerprints and parses a source. Only reads the cache.
    static func prepare(_ feed: FeedInfo, store: ArticleStore) -> Prepared {
        do {
            let previous = try store.fetchState(feed.id)
            // A local file whose size and modification time are as recorded is not even read.
            let stamp = feed.kind == .file ? fileStamp(feed.source, filter: feed.filter) : nil
            let healthy = previous.contentHash != nil && previous.lastError == nil
            if let stamp, previous.lastModified == stamp, healthy {
                return .unchanged(stamp: stamp, hash: previous.contentHash)
            }
            let (bytes, document) = try read(feed)
            var hash = SourceHash()
            hash.add(bytes)
            hash.add(Data((feed.filter ?? "").utf8))
            if previous.contentHash == hash.value && healthy { return .unchanged(stamp: stamp, hash: hash.value) }
            let doc = try document()
            return .document(store.prepare(doc, forFeed: feed.id), stamp: stamp, hash: hash.value, warnings: doc.warnings)
        } catch let skip as RefreshSkip {
            return .skipped(skip.reason)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Writes a prepared source: one transaction for the articles, then the fetch record.
    static func commit(_ prepared: Prepared, for feed: FeedInfo, store: ArticleStore, now: Date = Date()) -> RefreshStatus {
        do {
            switch prepared {
            case .unchanged(let stamp, let hash):
                try store.recordFetch(feed.id, etag: nil, lastModified: stamp, contentHash: hash, error: nil, at: now)
                return .unchanged
            case .document(let doc, let stamp, let hash, let warnings):
                let report = try store.apply(doc, toFeed: feed.id, seenAt: now)
                try store.recordFetch(feed.id, etag: nil, lastModified: stamp, contentHash: hash, error: nil, at: now)
                return .updated(report, warnings: warnings)
            case .skipped(let why):
                return .skipped(why)
            case .failed(let message):
                try? store.recordFetch(feed.id, etag: nil, lastModified: nil, contentHash: nil, error: message, at: now)
                return .failed(message)
            }
        } catch {
            let message = "\(error)"
            try? store.recordFetch(feed.id, etag: nil, lastModified: nil, contentHash: nil, error: message, at: now)
            return .failed(message)
        }
    }

    private struct RefreshSkip: Error { var reason: String }

    /// The bytes that identify the source's current state, and how to turn them into a document.
    private static func read(_ feed: FeedInfo) throws -> (Data, () throws -> FeedDocument) {
        switch feed.kind {
        case .url:
            throw RefreshSkip(reason: "fetching http(s) feeds is not part of this version yet")
        case .folder:
            let url = URL(fileURLWithPath: feed.source)
            return (try folderFingerprint(url), { try ArticleFolder.read(url) })
        case .file:
            let url = URL(fileURLWithPath: feed.source)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw CommandFailure("cannot read \(feed.source): \(why(error, path: feed.source))")
            }
            let filtered = try applyFilter(feed, data)
            return (data, { try FeedParser.parse(filtered, baseURL: url, options: localOptions) })
        case .exec:
            let command = String(feed.source.dropFirst("exec:".count))
            let data = try ExecSource.run(command)
            let filtered = try applyFilter(feed, data)
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

    private static func applyFilter(_ feed: FeedInfo, _ data: Data) throws -> Data {
        guard let filter = feed.filter, !filter.isEmpty else { return data }
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
            throw CommandFailure("cannot read folder \(url.path): \(why(error, path: url.path))")
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
struct SourceHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ data: Data) {
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
    var value: Int64 { Int64(bitPattern: state) }
}
