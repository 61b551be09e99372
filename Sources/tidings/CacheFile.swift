import Foundation
import TidingsStore

/// Opens the cache, creating its folder when it is the default location.
enum CacheFile {
    static func open(path: String) throws -> ArticleStore {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: dir.path) {
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot create the cache folder \(dir.path): \(error.localizedDescription)")
            }
        }
        do { return try ArticleStore(path: path) } catch { throw CommandFailure("\(error)") }
    }
}
