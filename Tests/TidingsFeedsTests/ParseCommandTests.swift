import Foundation
import Testing

/// Runs the built `tidings` binary: `tidings parse` end to end (JSON shape, exit codes, stdin, options).
@Suite(.serialized) struct ParseCommandTests {
    static let binary: String = {
        if let bin = ProcessInfo.processInfo.environment["TIDINGS_BIN"], !bin.isEmpty { return bin }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/tidings").path
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: Data? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["parse"] + args
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static let itemKeys = ["id", "title", "link", "author", "published", "updated", "summary", "content",
                           "contentType", "categories", "enclosures"]

    /// Keys in the order they appear in the text, one nesting level at a time.
    static func keyOrder(_ json: String, of keys: [String]) -> [String] {
        keys.compactMap { k in json.range(of: "\"\(k)\": ").map { (k, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test(arguments: [
        ("rss20.xml", "rss20"), ("atom10.xml", "atom10"), ("atom03.xml", "atom03"), ("rss10.rdf", "rss10"),
        ("rss091.xml", "rss091"), ("jsonfeed10.json", "jsonfeed10"), ("jsonfeed11.json", "jsonfeed11"),
    ])
    func jsonHasEveryKeyInOrder(_ fixture: String, _ format: String) throws {
        let r = try Self.run(["--json", Fixtures.url(fixture).path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("{\"format\": \"\(format)\", \"feed\": {\"title\": "))
        let doc = try Self.object(r.stdout)
        #expect(Set(doc.keys) == ["format", "feed", "items", "warnings"])
        #expect(Self.keyOrder(r.stdout, of: ["format", "feed", "items", "warnings"]) == ["format", "feed", "items", "warnings"])
        let feed = try #require(doc["feed"] as? [String: Any])
        #expect(Set(feed.keys) == ["title", "link", "description", "language", "updated", "author"])
        let items = try #require(doc["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        for item in items {
            #expect(Set(item.keys) == Set(Self.itemKeys))
            #expect(item["id"] is String)
            #expect(item["categories"] is [Any])
            for e in try #require(item["enclosures"] as? [[String: Any]]) {
                #expect(Set(e.keys) == ["url", "type", "length"])
                #expect(e["length"] is NSNull || e["length"] is Int)
            }
            for key in ["published", "updated"] {
                if let s = item[key] as? String { #expect(s.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(s)") }
                else { #expect(item[key] is NSNull) }
            }
            if let t = item["contentType"] as? String { #expect(t == "html" || t == "text") } else { #expect(item["contentType"] is NSNull) }
        }
        // Every "length" is written as an integer literal or null, never 2048.0.
        for m in r.stdout.matches(of: /"length": ([^,}]+)/) { #expect(m.1.wholeMatch(of: /null|-?\d+/) != nil, "\(m.1)") }
        let firstItem = try #require(r.stdout.range(of: "\"items\": [{")).upperBound
        let itemText = String(r.stdout[firstItem...])
        #expect(Self.keyOrder(itemText, of: Self.itemKeys) == Self.itemKeys)
    }

    @Test func exactValuesForAnAtomEntry() throws {
        let r = try Self.run(["--json", Fixtures.url("atom10.xml").path])
        let doc = try Self.object(r.stdout)
        let feed = try #require(doc["feed"] as? [String: Any])
        #expect(feed["updated"] as? String == "2021-12-02T12:00:00Z")
        let item = try #require((doc["items"] as? [[String: Any]])?.first)
        #expect(item["published"] as? String == "2021-12-02T08:00:00Z")
        #expect(item["author"] as? String == "Rho Compass")  // inherited from the feed
        let enclosure = try #require((item["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["length"] as? Int == 2048)
        #expect(r.stdout.contains("\"length\": 2048}"))
    }

    @Test func readsStandardInput() throws {
        let r = try Self.run(["--json", "-"], stdin: try Fixtures.data("rss20.xml"))
        #expect(r.status == 0)
        #expect(try Self.object(r.stdout)["format"] as? String == "rss20")
    }

    @Test func baseURLResolvesRelativeLinks() throws {
        let rss = Data("<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>/posts/1</link></item></channel></rss>".utf8)
        let without = try Self.run(["--json", "-"], stdin: rss)
        let with = try Self.run(["--json", "--base-url", "https://site.example/feed.xml", "-"], stdin: rss)
        #expect(without.stdout.contains("\"link\": \"/posts/1\""))
        #expect(with.stdout.contains("\"link\": \"https://site.example/posts/1\""))
    }

    @Test func encodingOptionActsLikeAnHTTPCharset() throws {
        var bytes = Array("<rss version=\"2.0\"><channel><title>".utf8)
        bytes += [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]   // "Привет" in KOI8-R
        bytes += Array("</title></channel></rss>".utf8)
        let r = try Self.run(["--json", "--encoding", "KOI8-R", "-"], stdin: Data(bytes))
        #expect(r.status == 0)
        let feed = try #require(try Self.object(r.stdout)["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "Привет")
    }

    @Test func articleFolderIsMarkdownFormat() throws {
        let r = try Self.run(["--json", Fixtures.url("articles").path])
        #expect(r.status == 0)
        let doc = try Self.object(r.stdout)
        #expect(doc["format"] as? String == "markdown")
        #expect((doc["items"] as? [Any])?.count == 5)
    }

    @Test func recoveredFeedExitsZeroWithWarnings() throws {
        let broken = Data("<rss version=\"2.0\"><channel><title>Fish &amp; chips &bogus;</title><item><title>one</title></item><item><title>tw".utf8)
        let r = try Self.run(["--json", "-"], stdin: broken)
        #expect(r.status == 0)
        let doc = try Self.object(r.stdout)
        #expect(!(try #require(doc["warnings"] as? [String])).isEmpty)
        #expect((doc["items"] as? [Any])?.count == 2)
    }

    @Test(arguments: [
        ("empty", Data()),
        ("html", Data("<!doctype html><html><body>hi</body></html>".utf8)),
        ("binary", Data([0x00, 0x01, 0x02, 0xFF, 0xD8, 0xFF, 0xE0])),
        ("json array", Data("[1, 2]".utf8)),
    ])
    func nothingRecoveredExitsOneWithOneLine(_ label: String, _ input: Data) throws {
        let r = try Self.run(["--json", "-"], stdin: input)
        #expect(r.status == 1, "\(label)")
        #expect(r.stdout.isEmpty, "\(label)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(label): \(r.stderr)")
        #expect(r.stderr.hasPrefix("tidings: <stdin>: "), "\(label)")
    }

    @Test func missingFileAndSizeLimitAreOneLineErrors() throws {
        let missing = try Self.run(["--json", "/nonexistent/feed.xml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "tidings: /nonexistent/feed.xml: Cannot read /nonexistent/feed.xml: no such file or folder.\n")
        let big = try Self.run(["--max-size", "100", Fixtures.url("rss20.xml").path])
        #expect(big.status == 1)
        #expect(big.stderr.contains("100 bytes limit"))
        #expect(big.stderr.split(separator: "\n").count == 1)
    }

    @Test func humanSummary() throws {
        let r = try Self.run(["--cache", "/nonexistent/c.sqlite", Fixtures.url("rss20.xml").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Format:   rss20"))
        #expect(r.stdout.contains("Title:    Harbour Gazette — Tides"))
        #expect(r.stdout.contains("Items:    3"))
        #expect(r.stdout.contains("  - Ferry & pier reopen"))
        #expect(r.stdout.contains("Warnings: 0"))
    }
}
