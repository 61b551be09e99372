import Foundation

/// Runs a command to the end, timing it and sampling its peak resident memory (VmHWM) from
/// /proc while it runs: the last reading before exit is its peak, to within the sampling gap.
enum TimedCommand {
    struct Result {
        var seconds: Double
        var peakRSS: Int
        var status: Int32
        var stderr: String
    }

    static func run(_ binary: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-bench-stderr-\(getpid())")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        defer { try? handle.close(); try? FileManager.default.removeItem(at: errors) }
        process.standardError = handle
        let start = Monotonic.now()
        try process.run()
        var peak = 0
        while process.isRunning {
            peak = max(peak, vmHWM(process.processIdentifier) ?? 0)
            usleep(10_000)
        }
        process.waitUntilExit()
        let seconds = Double(Monotonic.now() - start) / 1e9
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Result(seconds: seconds, peakRSS: peak, status: process.terminationStatus, stderr: text)
    }

    static func vmHWM(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
