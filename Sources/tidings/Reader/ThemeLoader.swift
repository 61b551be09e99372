import Foundation
import TidingsRender

/// Finds a theme by name or path: a `.toml` path, then the user's themes folder, then the bundled Themes/.
enum ThemeLoader {
    static func load(_ name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".toml") { return try parse(path: name) }
        let candidates = searchDirectories().map { $0.appendingPathComponent(name + ".toml").path }
        if let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return try parse(path: path)
        }
        switch name {
        case "default": return .standard
        case "mono": return Theme.standard.withoutColor
        default:
            throw CommandFailure("no theme named \(name); looked in \(searchDirectories().map(\.path).joined(separator: ", "))")
        }
    }

    static func searchDirectories() -> [URL] {
        var dirs = [Paths.configDirectory.appendingPathComponent("themes")]
        if let env = ProcessInfo.processInfo.environment["TIDINGS_THEMES"] { dirs.append(URL(fileURLWithPath: env)) }
        // A development build lives in .build/<config>/ inside the checkout; an install in <prefix>/bin.
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        dirs.append(exe.appendingPathComponent("../share/tidings/themes").standardizedFileURL)
        var dir = exe
        for _ in 0..<5 {
            let themes = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: themes.path) { dirs.append(themes); break }
            dir = dir.deletingLastPathComponent()
        }
        return dirs
    }

    private static func parse(path: String) throws -> Theme {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("cannot read theme file \(path)")
        }
        do { return try Theme(toml: text) } catch { throw CommandFailure("\(path): \(error)") }
    }
}
