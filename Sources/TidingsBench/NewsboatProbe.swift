import Foundation

/// Runs newsboat on the same corpus with its own cache, config and home under a temp folder:
/// `-x reload` for the import, then its reader through the same pseudo-terminal harness.
struct NewsboatProbe {
    let binary: String
    let folder: URL
    var urls: URL { folder.appendingPathComponent("urls") }
    var cache: URL { folder.appendingPathComponent("cache.db") }
    var config: URL { folder.appendingPathComponent("config") }

    /// The installed newsboat, or nil.
    static func locate() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/newsboat"
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    init(binary: String, folder: URL, corpus: Corpus) throws {
        self.binary = binary
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = corpus.feeds.map { "file://\($0.file.path)" }
        try (lines.joined(separator: "\n") + "\n").write(to: urls, atomically: true, encoding: .utf8)
        // Unlimited articles per feed (its default too) and no confirmation on quit.
        try "max-items 0\nconfirm-exit no\n".write(to: config, atomically: true, encoding: .utf8)
    }

    var environment: [String: String] {
        TerminalEnvironment.make(extra: [
            "HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("xdg-config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("xdg-data").path,
        ])
    }

    /// Removes the cache so that the next reload is a first import.
    func reset() {
        for suffix in ["", "-journal", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: cache.path + suffix) }
    }

    /// Seconds `newsboat -x reload` takes.
    func reload() throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-x", "reload", "-u", urls.path, "-c", cache.path, "-C", config.path]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Monotonic.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Double(Monotonic.now() - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchError.importFailed(file: "newsboat -x reload", reason: "exit status \(process.terminationStatus)")
        }
        return seconds
    }

    /// Milliseconds from spawn to newsboat's feed list, and its peak RSS.
    func firstScreen(total: Int) throws -> (ms: Double, peakRSS: Int) {
        let session = try PTYSession(path: binary, arguments: ["-u", urls.path, "-c", cache.path, "-C", config.path],
                                     environment: environment)
        do {
            // Its title bar "Your feeds (N unread, M total)" comes first, the key hints line after the list.
            let shown = try session.waitUntil(timeout: 600, what: "newsboat's feed list") { screen in
                screen.line(0).contains("Your feeds") && (0..<screen.rows).contains { screen.line($0).contains("?:Help") }
            }
            let ms = Monotonic.milliseconds(session.startedAt, shown)
            let peak = session.peakRSS() ?? 0
            session.send("Q")
            session.finish(timeout: 30)
            return (ms, peak)
        } catch {
            session.finish(timeout: 0)
            throw error
        }
    }
}
