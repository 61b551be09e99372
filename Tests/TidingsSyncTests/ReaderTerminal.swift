import Foundation

/// The reader, run by the built binary in a detached tmux session on a private socket, its
/// screen read with capture-pane: how a user meets a background sync.
final class ReaderTerminal {
    let socket = "tidings-sync-\(getpid())-\(UUID().uuidString.prefix(8))"
    private var alive = true

    struct Timeout: Error, CustomStringConvertible {
        let what: String, screen: String
        var description: String { "timed out waiting for \(what); screen was:\n\(screen)" }
    }

    init(_ command: String, environment: [String: String], width: Int = 80, height: Int = 24) throws {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try run(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height),
                 "env \(env) sh -c \(Self.quote(command + "; echo \"[exited $?]\"; sleep 600"))"])
    }

    deinit { stop() }

    func stop() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
    }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", "t"]) }

    /// Polls until `predicate` holds; generous limits, as the machine is shared.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 30, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(what: what, screen: last)
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 30) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Through popen: Foundation's Process can stall waiting for exit inside the test runner.
    @discardableResult
    private func run(_ args: [String]) throws -> String {
        let command = (["tmux", "-L", socket, "-f", "/dev/null"] + args).map(Self.quote).joined(separator: " ") + " 2>/dev/null"
        guard let pipe = popen(command, "r") else { throw Timeout(what: "tmux to start", screen: "") }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        guard pclose(pipe) == 0 else { throw Timeout(what: "tmux \(args.first ?? "")", screen: "") }
        return String(decoding: output, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
