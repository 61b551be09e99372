import Foundation
import Testing

/// Runs the built `tidings` binary (`TIDINGS_BIN`, else `.build/debug/tidings` of this checkout)
/// on a temporary cache with a config of the test's own, so nothing depends on the user's files.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Peak resident memory of the child (VmHWM), when measured.
        var peakKiB = 0
        var all: String { stdout + stderr }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TIDINGS_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/tidings")
    }

    let directory: URL
    var cache: String { directory.appendingPathComponent("cache.sqlite").path }
    var config: String { directory.appendingPathComponent("config.toml").path }

    init(config text: String = "fetch-timeout = 5\n") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(toFile: directory.appendingPathComponent("config.toml").path, atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// Runs on a thread of its own: a test waiting for a child process must not hold one of the
    /// few cooperative threads the in-process fetches of other tests need.
    func run(_ arguments: [String], measureMemory: Bool = false) async throws -> Result {
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, measureMemory: measureMemory) })
            }
        }
    }

    private func runBlocking(_ arguments: [String], measureMemory: Bool) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--cache", cache, "--config", config]
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["HOME"] = directory.path
        // Loopback servers only: no proxy may stand in between.
        for key in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { environment[key] = nil }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let peak = Shared(0)
        let pid = process.processIdentifier
        if measureMemory {
            Thread.detachNewThread {
                while process.isRunning {
                    peak.value = max(peak.value, Self.peakKiB(pid))
                    usleep(10_000)
                }
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), peakKiB: peak.value)
    }

    static func peakKiB(_ pid: Int32) -> Int {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// `feeds --json`, one dictionary per feed.
    func feeds() async throws -> [[String: Any]] {
        let result = try await run(["feeds", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try result.json() as? [[String: Any]])
    }
}
