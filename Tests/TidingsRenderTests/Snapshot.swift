import Foundation
import Testing
import TidingsRender

/// Text snapshots of a `Screen`: the rows framed by `|`, then the role runs of each row.
/// A missing snapshot is written and the test fails; `SNAPSHOT_RECORD=1` rewrites them all.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static func text(of screen: Screen) -> String {
        let rows = screen.rows.map { "|" + $0 + "|" }
        return "\(screen.width)x\(screen.height)\n" + rows.joined(separator: "\n") + "\n--- roles\n"
            + screen.roleDump.joined(separator: "\n") + "\n"
    }

    static func assert(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: screen)
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("recorded a new snapshot \(name); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let exp = firstDiff < e.count ? String(e[firstDiff]) : "<end>"
            let act = firstDiff < a.count ? String(a[firstDiff]) : "<end>"
            Issue.record("snapshot \(name) differs at line \(firstDiff + 1):\n  expected: \(exp)\n  actual:   \(act)\n(SNAPSHOT_RECORD=1 rewrites it)",
                         sourceLocation: sourceLocation)
        }
    }
}
