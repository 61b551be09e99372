import Foundation

/// Runs the reference parser the benchmark compares against.
enum Xmllint {
    static func path() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/xmllint"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// One `xmllint --stream --noout` process over all files, as a shell user would run it.
    static func run(_ path: String, files: [URL]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["--stream", "--noout"] + files.map(\.path)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
    }
}
