import Foundation
import TidingsCore
@testable import TidingsStore

/// Runs the built `tidings` binary (`TIDINGS_BIN`, else `.build/debug/tidings` of this checkout;
/// run `swift build` first so it is fresh) on a temporary cache.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The standard output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TIDINGS_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/tidings")
    }

    let directory: URL
    var cache: String { directory.appendingPathComponent("cache.sqlite").path }

    init() throws { directory = try Fixture.temporaryDirectory() }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// The search corpus written to this runner's cache file.
    func seed() throws -> ArticleStore {
        let store = try ArticleStore(path: cache)
        let harbor = try store.registerFeed(source: "https://harbor.example/rss", title: "Harbor Gazette", tags: ["news", "local"])
        let valley = try store.registerFeed(source: "/feeds/valley.xml", title: "Valley Bulletin", tags: ["local"])
        _ = try store.apply(FeedDocument(format: .rss20, items: SearchFixture.harborItems), toFeed: harbor, seenAt: Fixture.base)
        _ = try store.apply(FeedDocument(format: .rss20, items: SearchFixture.valleyItems), toFeed: valley, seenAt: Fixture.base)
        return store
    }

    /// Runs `tidings ARGS --cache <cache>` with TZ=UTC, in `directory` when given; `environment` adds or replaces variables.
    func run(_ arguments: [String], in workingDirectory: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--cache", cache]
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
