import Foundation
import Testing

/// Drives the real binary inside a detached tmux session on a private socket, reading the screen with capture-pane.
final class Tmux {
    let socket: String
    let session = "t"
    private(set) var alive = true

    /// Starts `command` (run by sh) in a `width`×`height` window.
    init(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "tidings-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ""
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env += "\(k)=\(Tmux.quote(v)) " }
        try Tmux.run(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                      "-x", String(width), "-y", String(height), "env \(env)sh -c \(Tmux.quote(command + "; echo \"[exited $?]\"; sleep 600"))"])
        _ = try? Tmux.run(["-L", socket, "set-option", "-g", "window-size", "manual"])
    }

    deinit { kill() }

    func kill() {
        guard alive else { return }
        alive = false
        _ = try? Tmux.run(["-L", socket, "kill-server"])
    }

    /// Sends keys as tmux names them ("j", "Enter", "C-l", "Escape").
    func send(_ keys: String...) throws {
        try Tmux.run(["-L", socket, "send-keys", "-t", session] + keys)
    }

    /// Sends literal text.
    func type(_ text: String) throws {
        try Tmux.run(["-L", socket, "send-keys", "-t", session, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try Tmux.run(["-L", socket, "resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen, one string per row.
    func capture() throws -> String {
        try Tmux.run(["-L", socket, "capture-pane", "-p", "-t", session])
    }

    /// Polls the screen until `predicate` holds, failing with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 20, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? capture()) ?? ""
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError.timeout(what: what, screen: last)
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 20) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Runs tmux through popen: Foundation's Process can stall waiting for exit inside the
    /// concurrent test runner, and these calls are short and synchronous anyway.
    @discardableResult
    static func run(_ args: [String]) throws -> String {
        let command = (["tmux"] + args).map(quote).joined(separator: " ") + " 2>/dev/null"
        guard let pipe = popen(command, "r") else { throw E2EError.tmuxFailed(args.joined(separator: " ")) }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        let status = pclose(pipe)
        guard status == 0 else { throw E2EError.tmuxFailed(args.joined(separator: " ")) }
        return String(decoding: output, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum E2EError: Error, CustomStringConvertible {
    case timeout(what: String, screen: String)
    case tmuxFailed(String)
    case noBinary(String)
    var description: String {
        switch self {
        case .timeout(let what, let screen): return "timed out waiting for \(what); screen was:\n\(screen)"
        case .tmuxFailed(let args): return "tmux \(args) failed"
        case .noBinary(let path): return "no tidings binary at \(path); run `swift build` first (make test does)"
        }
    }
}

/// Paths the end-to-end tests need: the built binary, SampleFeeds and a fresh temporary folder.
enum E2E {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: String {
        ProcessInfo.processInfo.environment["TIDINGS_BIN"] ?? repoRoot.appendingPathComponent(".build/debug/tidings").path
    }
    static var sampleFeeds: String { repoRoot.appendingPathComponent("SampleFeeds").path }

    static func tempDir() throws -> URL {
        try ScratchRoot.newDirectory("test")
    }

    /// Runs a shell command to the end, returning its exit status and combined output.
    static func shell(_ command: String) -> (status: Int32, output: String) {
        guard let pipe = popen(command + " 2>&1", "r") else { return (-1, "") }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        let status = pclose(pipe)
        return (status == -1 ? -1 : (status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }

    /// Sends a signal to the reader started with `cache` (its command line starts with the binary),
    /// never to the shell around it. True when a process was signalled.
    static func signalReader(cache: String, _ signal: String) -> Bool {
        let pattern = "^" + binary + " --cache " + cache
        guard let pipe = popen("pkill -\(signal) -f " + Tmux.quote(pattern), "r") else { return false }
        return pclose(pipe) == 0
    }

    /// The command line that opens the reader on SampleFeeds with a private cache and config.
    static func readerCommand(cache: String, extra: String = "") throws -> String {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw E2EError.noBinary(binary) }
        return "\(Tmux.quote(binary)) --cache \(Tmux.quote(cache)) --config /dev/null --sources \(Tmux.quote(sampleFeeds)) \(extra)"
    }
}
