import Foundation
import Synchronization

/// One folder per test process under the system temp directory, holding every folder the
/// end-to-end tests make, and removed when the process exits: a test that fails or returns
/// early leaves nothing behind in /tmp.
enum ScratchRoot {
    private static let root = Mutex<URL?>(nil)

    static func newDirectory(_ prefix: String) throws -> URL {
        let base = try root.withLock { current -> URL in
            if let current { return current }
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-e2e-\(getpid())")
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            current = made
            atexit { ScratchRoot.removeAll() }
            return made
        }
        let dir = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private static func removeAll() {
        guard let url = root.withLock({ $0 }) else { return }
        try? FileManager.default.removeItem(at: url)
    }
}
