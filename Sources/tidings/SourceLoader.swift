import Foundation
import TidingsCore
import TidingsFeeds
import TidingsStore

/// What loading a folder of sources did.
struct SourceLoadReport {
    var feeds = 0
    var inserted = 0
    var updated = 0
    /// One line per source that could not be read.
    var problems: [String] = []
}

/// Loads local sources (feed files and article folders) into the cache.
enum SourceLoader {
    /// File endings read as feed documents; every other file is ignored.
    static let feedExtensions: Set<String> = ["rss", "atom", "rdf", "xml", "json", "feed"]

    /// Each feed file and each sub-folder of `dir` becomes one feed, keyed by its absolute path.
    static func loadFolder(_ dir: String, into store: ArticleStore) throws -> SourceLoadReport {
        let root = URL(fileURLWithPath: dir).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw CommandFailure("sources folder \(dir) does not exist or is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        var report = SourceLoadReport()
        for url in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            guard !url.lastPathComponent.hasPrefix(".") else { continue }
            let folder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            guard folder || feedExtensions.contains(url.pathExtension.lowercased()) else { continue }
            do {
                let doc = try document(at: url, isFolder: folder)
                let id = try store.registerFeed(source: url.path, title: nil)
                let result = try store.apply(doc, toFeed: id)
                report.feeds += 1
                report.inserted += result.inserted
                report.updated += result.updated
            } catch {
                report.problems.append("\(url.lastPathComponent): \(error)")
            }
        }
        return report
    }

    static func document(at url: URL, isFolder: Bool) throws -> FeedDocument {
        if isFolder { return try ArticleFolder.read(url) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CommandFailure("cannot read \(url.path): \(error.localizedDescription)") }
        return try FeedParser.parse(data, baseURL: url)
    }
}
