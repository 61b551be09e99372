import Foundation
import TidingsFeeds

/// Peak memory of parsing one file, measured in a fresh child process so the corpus runs do not count.
enum Probe {
    struct Result { var hwm: Int; var items: Int }

    /// In the child: parse the file, print `items hwm-bytes`.
    static func run(path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else { return 2 }
        var options = ParseOptions()
        options.maxInputBytes = max(options.maxInputBytes, data.count)
        guard let doc = try? FeedParser.parse(data, options: options) else { return 3 }
        print("\(doc.items.count) \(highWaterMark())")
        return 0
    }

    /// In the parent: spawn this executable with `--probe FILE`.
    static func measure(file: URL) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: p.executableURL!.path) {
            p.executableURL = Bundle.main.executableURL
        }
        p.arguments = ["--probe", file.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let parts = out.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard p.terminationStatus == 0, parts.count == 2, let items = Int(parts[0]), let hwm = Int(parts[1]) else {
            return Result(hwm: 0, items: 0)
        }
        return Result(hwm: hwm, items: items)
    }

    /// VmHWM from /proc/self/status, in bytes.
    static func highWaterMark() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
}
