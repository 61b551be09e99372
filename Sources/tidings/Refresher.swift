import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// What refreshing one feed did.
enum RefreshStatus {
    case updated(ImportReport)
    /// The source's bytes were the same as last time: nothing was parsed or written.
    case unchanged
    case skipped(String)
    case failed(String)
}

/// The single entry point that brings a feed's source into the cache. Local files, article
/// folders and `exec:` commands are read here; an HTTP fetcher plugs in as one more kind.
enum Refresher {
    static func refresh(_ feed: FeedInfo, store: ArticleStore, now: Date = Date()) -> RefreshStatus {
        do {
            let previous = try store.fetchState(feed.id)
            let (bytes, document) = try read(feed)
            var hash = SourceHash()
            hash.add(bytes)
            hash.add(Data((feed.filter ?? "").utf8))
            if previous.contentHash == hash.value && previous.lastError == nil {
                try store.recordFetch(feed.id, etag: nil, lastModified: nil, contentHash: hash.value, error: nil, at: now)
                return .unchanged
            }
            let doc = try document()
            let report = try store.apply(doc, toFeed: feed.id, seenAt: now)
            try store.recordFetch(feed.id, etag: nil, lastModified: nil, contentHash: hash.value, error: nil, at: now)
            return .updated(report)
        } catch let skip as RefreshSkip {
            return .skipped(skip.reason)
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
                throw CommandFailure("cannot read \(feed.source): \((error as NSError).localizedDescription)")
            }
            let filtered = try applyFilter(feed, data)
            return (data, { try FeedParser.parse(filtered, baseURL: url) })
        case .exec:
            let command = String(feed.source.dropFirst("exec:".count))
            let data = try ExecSource.run(command)
            let filtered = try applyFilter(feed, data)
            return (data, { try FeedParser.parse(filtered) })
        }
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
            throw CommandFailure("cannot read folder \(url.path): \((error as NSError).localizedDescription)")
        }
        var text = ""
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let values = try? entry.resourceValues(forKeys: Set(keys))
            text += "\(entry.lastPathComponent)\t\(values?.fileSize ?? -1)\t\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)\n"
        }
        return Data(text.utf8)
    }
}

/// FNV-1a over a source's bytes: a change detector, not a security measure.
struct SourceHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
    }
    var value: Int64 { Int64(bitPattern: state) }
}
