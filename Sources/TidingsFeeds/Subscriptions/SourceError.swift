import Foundation

/// Why an `exec:` command or a `filter:` script gave no feed; `description` is one line a user can act on.
public enum SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyCommand
    case couldNotStart(command: String, reason: String)
    case timedOut(command: String, seconds: Double)
    case outputTooLarge(command: String, limit: Int)
    case failed(command: String, status: Int32, stderr: String?)
    case killed(command: String, signal: Int32, stderr: String?)

    public var description: String {
        switch self {
        case .emptyCommand:
            return "The exec: or filter: source has no command."
        case .couldNotStart(let command, let reason):
            return "Could not start `\(command)`: \(reason)."
        case .timedOut(let command, let seconds):
            return "`\(command)` did not finish within \(Self.format(seconds)) s and was stopped."
        case .outputTooLarge(let command, let limit):
            return "`\(command)` wrote more than \(Self.bytes(limit)); it was stopped and its output dropped."
        case .failed(let command, let status, let stderr):
            return "`\(command)` failed with exit status \(status)" + (stderr.map { ": \($0)" } ?? "") + "."
        case .killed(let command, let signal, let stderr):
            return "`\(command)` was killed by signal \(signal)" + (stderr.map { ": \($0)" } ?? "") + "."
        }
    }

    private static func format(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    private static func bytes(_ n: Int) -> String {
        n >= 1024 * 1024 ? "\(n / 1024 / 1024) MB" : n >= 1024 ? "\(n / 1024) KB" : "\(n) bytes"
    }
}
