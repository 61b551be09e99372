import Foundation

/// Runs newsboat-style `exec:` commands and `filter:` scripts. Both are lines the user wrote,
/// so they go through `/bin/sh -c` as newsboat does; what they print on stdout is the feed.
public enum ExecSource {
    /// Runs `command` (without the `exec:` prefix) and returns its stdout.
    public static func run(_ command: String, timeout: TimeInterval = 60,
                           maxBytes: Int = 50 * 1024 * 1024) throws(SourceError) -> Data {
        try ChildProcess.shell(command, input: nil, timeout: timeout, maxBytes: maxBytes)
    }

    /// Runs a filter script with the downloaded feed on stdin and returns what it writes on stdout.
    public static func filter(_ script: String, input: Data, timeout: TimeInterval = 60,
                              maxBytes: Int = 50 * 1024 * 1024) throws(SourceError) -> Data {
        try ChildProcess.shell(script, input: input, timeout: timeout, maxBytes: maxBytes)
    }
}
