import Foundation

/// The built binary against this server: a config naming it beside the cache, the password in
/// the environment, output kept in a file next to the cache.
extension TTRSSServer {
    static var binary: String {
        ProcessInfo.processInfo.environment["TIDINGS_BIN"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/tidings").path
    }

    /// Writes `config.toml` with `[sync]` beside the cache and returns its path.
    func writeConfig(beside cachePath: String) throws -> String {
        let config = URL(fileURLWithPath: cachePath).deletingLastPathComponent().appendingPathComponent("config.toml")
        try "[sync]\nservice = \"ttrss\"\nurl = \"\(url)\"\nuser = \"\(user)\"\n".write(to: config, atomically: true, encoding: .utf8)
        return config.path
    }

    /// The shell command line of `tidings ARGUMENTS` on this cache and config (for a terminal).
    func commandLine(_ cachePath: String, _ arguments: [String]) throws -> String {
        let config = try writeConfig(beside: cachePath)
        return ([Self.binary] + arguments + ["--cache", cachePath, "--config", config]).map(ReaderTerminal.quote).joined(separator: " ")
    }

    /// Runs `tidings ARGUMENTS` with no terminal: stdin is /dev/null, as under cron or a script.
    func cli(_ cachePath: String, _ arguments: [String], password: String? = nil, wait: Bool = true) throws -> Process {
        let config = try writeConfig(beside: cachePath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments + ["--cache", cachePath, "--config", config]
        var env = ProcessInfo.processInfo.environment
        env["TIDINGS_SYNC_PASSWORD"] = password ?? self.password
        process.environment = env
        let log = URL(fileURLWithPath: cachePath + ".out")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        if wait { process.waitUntilExit() }
        return process
    }

    func output(_ cachePath: String) -> String { (try? String(contentsOfFile: cachePath + ".out", encoding: .utf8)) ?? "" }
}
