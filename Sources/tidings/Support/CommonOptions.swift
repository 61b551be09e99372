import ArgumentParser
import Foundation

/// Options every command takes, so tests and users can point Tidings anywhere.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file.", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The article cache (SQLite).", valueName: "path"))
    var cache: String?

    /// The config file path, explicit or the XDG default.
    var configPath: String { config ?? Paths.configDirectory.appendingPathComponent("config.toml").path }
    /// The cache path, explicit or the XDG default.
    var cachePath: String { cache ?? Paths.dataDirectory.appendingPathComponent("cache.sqlite").path }
    var configIsExplicit: Bool { config != nil }

    /// One rule for every command, run while the arguments are parsed: a config file named with
    /// `--config` must exist, whether or not the command reads it; only the default may be absent.
    func validate() throws {
        if let config { try ConfigLoader.requireExplicit(config) }
    }
}

/// XDG base directories, with the usual fallbacks under the home directory.
enum Paths {
    static var home: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
    }
    static func xdg(_ variable: String, fallback: String) -> URL {
        if let value = ProcessInfo.processInfo.environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value)
        }
        return home.appendingPathComponent(fallback)
    }
    static var configDirectory: URL { xdg("XDG_CONFIG_HOME", fallback: ".config").appendingPathComponent("tidings") }
    static var dataDirectory: URL { xdg("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("tidings") }
}

/// A failure that ends a command with one line on stderr.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension CommandFailure {
    /// Ends the process for an error that is not a `CommandFailure`: `--help` and `--version` print
    /// as usual, anything else (a usage error included) is one `tidings: …` line on stderr, so
    /// scripts see the same shape of failure whatever went wrong.
    static func exit(for error: Error) -> Never {
        let code = Tidings.exitCode(for: error)
        guard code != .success else { Tidings.exit(withError: error) }
        let message = Tidings.message(for: error)
            .split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        if !message.isEmpty {
            let line = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
            TextOutput.error(line)
        }
        Foundation.exit(code.rawValue)
    }
}
