import Foundation
import TidingsCore
import TidingsStore

/// What loading a folder of sources did.
public struct SourceLoadReport: Sendable {
    public var feeds = 0
    public var inserted = 0
    public var updated = 0
    /// One line per source that could not be read.
    public var problems: [String] = []
}

/// Subscribes to every local source in a folder and refreshes them (unchanged ones cost a hash).
public enum SourceLoader {
    /// File endings read as feed documents; every other file is ignored.
    public static let feedExtensions: Set<String> = ["rss", "atom", "rdf", "xml", "json", "feed"]

    /// Each feed file and each sub-folder of `dir` becomes one feed, keyed by its absolute path.
    public static func loadFolder(_ dir: String, into store: ArticleStore) throws -> SourceLoadReport {
        let root = URL(fileURLWithPath: dir).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw RefreshError("sources folder \(dir) does not exist or is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        let known = Dictionary(try store.feeds().map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        var report = SourceLoadReport()
        for url in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            guard !url.lastPathComponent.hasPrefix(".") else { continue }
            let folder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            guard folder || feedExtensions.contains(url.pathExtension.lowercased()) else { continue }
            var feed = known[url.path]
            if feed == nil {
                let id = try store.registerFeed(source: url.path, title: nil, tags: [], kind: folder ? .folder : .file)
                feed = try store.feeds().first { $0.id == id }
            }
            guard let feed else { continue }
            report.feeds += 1
            switch Refresher.refreshLocal(feed, store: store) {
            case .updated(let r, _): report.inserted += r.inserted; report.updated += r.updated
            case .unchanged: break
            case .failed(let why): report.problems.append("\(url.lastPathComponent): \(why)")
            case .skipped(let why): report.problems.append("\(url.lastPathComponent): \(why.description)")
            case .rateLimited, .gone: break
            }
        }
        return report
    }
}
