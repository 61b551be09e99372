import Foundation
import Testing

/// `tidings extract` end to end: the built binary (`TIDINGS_BIN`, else this checkout's debug build).
@Suite struct ExtractCommandTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TIDINGS_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/tidings")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func write(_ html: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-extract-\(UUID().uuidString).html").path
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    let article = page(head: "<title>Harbour plan delayed again this week | Gazette</title><meta name=\"author\" content=\"Ada Writer\">",
                       body: "<article><p>\(prose("harbour", 3)) <a href=\"/plan.pdf\">The plan</a>.</p><p>\(prose("quay", 2))</p></article>")

    @Test func jsonHasTheAgreedKeysWithNullsWhereUnknown() throws {
        let file = try write(article)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try run(["extract", file, "--base-url", pageURL, "--json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["title", "byline", "excerpt", "siteName", "published", "lang", "text", "html"])
        #expect(object["title"] as? String == "Harbour plan delayed again this week")
        #expect(object["byline"] as? String == "Ada Writer")
        #expect(object["siteName"] is NSNull)
        #expect(object["published"] is NSNull)
        #expect(object["lang"] as? String == "en")
        #expect((object["text"] as? String)?.contains("\n\nThe quay was discussed") == true)
        #expect((object["html"] as? String)?.contains("href=\"https://news.example.org/plan.pdf\"") == true)
    }

    @Test func textIsTheReaderLayout() throws {
        let file = try write(article)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try run(["extract", file, "--base-url", pageURL, "--width", "60"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Harbour plan delayed again this week")
        #expect(lines.contains("Author: Ada Writer"))
        #expect(lines.contains("Link:   \(pageURL)") || lines.contains { $0.hasPrefix("Link:") })
        #expect(lines.contains("Links"))
        #expect(lines.contains("[1] https://news.example.org/plan.pdf"))
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func anUnreachableURLIsOneLineNamingWhatFailed() throws {
        // Nothing listens on the discard port: refused at once, without leaving the machine.
        let r = try run(["extract", "http://127.0.0.1:9/story.html"])
        #expect(r.status == 1)
        #expect(r.stderr == "tidings: http://127.0.0.1:9/story.html: connect: cannot connect to 127.0.0.1 (connection refused)\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func failuresAreOneLine() throws {
        let missing = try run(["extract", "/nonexistent/page.html"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "tidings: /nonexistent/page.html: no such file\n")
        let empty = try write("<html><body><script>render()</script></body></html>")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = try run(["extract", empty])
        #expect(none.status == 1)
        #expect(none.stderr.hasSuffix(": no article found in the page\n"))
    }
}
