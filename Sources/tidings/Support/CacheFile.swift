import Foundation
import TidingsStore

/// Opens the cache, creating its folder when it is the default location.
enum CacheFile {
    static func open(path: String) throws -> ArticleStore {
        try ensureFolder(of: path)
        do {
            return try ArticleStore(path: path) {
                TextOutput.error("upgrading \(path) for this version (once; a large cache takes a minute)…")
            }
        } catch { throw CommandFailure("\(error)") }
    }

    /// Creates the folder that will hold the cache (and its lock file) when it is missing.
    static func ensureFolder(of path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard !FileManager.default.fileExists(atPath: dir.path) else { return }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the cache folder \(dir.path): \(error.localizedDescription)")
        }
    }
}
