import Foundation
import Testing

/// A `--config` path that does not exist gets the same one-line refusal from every command, before
/// anything is read or written; only the default XDG path may be absent.
@Suite struct ConfigRuleCLITests {
    /// Arguments that would otherwise be valid for each subcommand; `nil` is the reader (no subcommand).
    static let invocations: [String?: [String]] = [
        nil: [],
        "read": ["read"],
        "add": ["add", "FEED"],
        "remove": ["remove", "1"],
        "feeds": ["feeds"],
        "import": ["import", "FEED"],
        "export": ["export"],
        "refresh": ["refresh"],
        "list": ["list"],
        "show": ["show", "1"],
        "mark": ["mark", "read", "1"],
        "search": ["search", "harbour"],
        "stats": ["stats"],
        "cleanup": ["cleanup", "--max-articles", "5"],
        "parse": ["parse", "FEED"],
        "extract": ["extract", "FEED"],
        "sync": ["sync", "--status"],
    ]

    /// The subcommands `tidings --help` lists, so a new one cannot be added without this rule.
    static func listedSubcommands() throws -> [String] {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["--help"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                  word.allSatisfy(\.isLowercase) else { return nil }
            return String(word)
        }
    }

    @Test func everySubcommandIsCovered() throws {
        let listed = try Self.listedSubcommands()
        #expect(listed.count >= 14)
        for name in listed { #expect(Self.invocations[name] != nil, "no invocation for `tidings \(name)`") }
    }

    @Test(arguments: Array(invocations.keys))
    func aMissingExplicitConfigIsRefusedTheSameWay(_ subcommand: String?) throws {
        let runner = try CLIRunner()
        defer { runner.cleanUp() }
        let feed = runner.directory.appendingPathComponent("feed.xml")
        try Data("<rss version=\"2.0\"><channel><title>T</title></channel></rss>".utf8).write(to: feed)
        let missing = runner.directory.appendingPathComponent("missing.toml").path
        let arguments = try #require(Self.invocations[subcommand]).map { $0 == "FEED" ? feed.path : $0 }
        let r = try runner.run(arguments + ["--config", missing])
        #expect(r.status == 1, "\(arguments)")
        #expect(r.stderr == "tidings: config file \(missing) does not exist\n", "\(arguments)")
        #expect(r.stdout.isEmpty, "\(arguments)")
        // Refused before anything was done: not even the cache was created.
        #expect(!FileManager.default.fileExists(atPath: runner.cache), "\(arguments)")
    }

    @Test func aFolderGivenAsTheConfigIsRefused() throws {
        let runner = try CLIRunner()
        defer { runner.cleanUp() }
        let r = try runner.run(["list", "--config", runner.directory.path])
        #expect(r.status == 1)
        #expect(r.stderr == "tidings: config file \(runner.directory.path) is a folder, not a file\n")
    }

    @Test func theDefaultConfigMayBeAbsent() throws {
        let runner = try CLIRunner()
        defer { runner.cleanUp() }
        let r = try runner.run(["list"], environment: ["XDG_CONFIG_HOME": runner.directory.appendingPathComponent("none").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
    }
}
