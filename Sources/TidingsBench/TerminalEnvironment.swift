import Foundation

/// The environment a benchmarked reader gets: this process's, with the terminal the brief
/// fixes (xterm-256color) and a UTF-8 locale so that wide characters are drawn.
enum TerminalEnvironment {
    static func make(extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["TMUX"] = nil
        env["COLUMNS"] = nil
        env["LINES"] = nil
        if (env["LANG"] ?? "").isEmpty && (env["LC_ALL"] ?? "").isEmpty { env["LANG"] = "C.UTF-8" }
        for (key, value) in extra { env[key] = value }
        return env
    }
}
