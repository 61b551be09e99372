import Foundation
import TidingsCore

/// Reads config.toml; a missing default file means defaults, a missing explicit one is an error.
enum ConfigLoader {
    static func load(path: String, explicit: Bool) throws -> Config {
        if explicit { try requireExplicit(path) }
        guard FileManager.default.fileExists(atPath: path) else { return Config() }
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            throw CommandFailure("cannot read config file \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("config file \(path) is not UTF-8 text")
        }
        do { return try Config(toml: text) } catch { throw CommandFailure("\(path): \(error)") }
    }

    /// The same one-line refusal from every command for a `--config` path that is not a file.
    static func requireExplicit(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("config file \(path) does not exist")
        }
        if isDirectory.boolValue { throw CommandFailure("config file \(path) is a folder, not a file") }
    }
}
