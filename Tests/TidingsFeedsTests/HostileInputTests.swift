import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// Feeds are hostile: none of these may crash, hang, leak a local file or blow memory.
@Suite struct HostileInputTests {
    @Test func billionLaughsFinishesFastWithAWarning() throws {
        var dtd = "<!ENTITY lol \"lol\">\n"
        for n in 1...9 {
            let prev = n == 1 ? "lol" : "lol\(n - 1)"
            dtd += "<!ENTITY lol\(n) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [\n\(dtd)]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>ok</title></item></channel></rss>"
        let start = Date()
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(doc.items.map(\.title) == ["ok"])
        #expect((doc.feed.title ?? "").utf8.count < 2_000_000)
        #expect(doc.warnings.contains { $0.contains("entity") })
    }

    @Test func smallDeclaredEntitiesStillExpand() throws {
        let xml = "<!DOCTYPE rss [<!ENTITY co \"Harbour &amp; Co\">]><rss version=\"2.0\"><channel><title>&co;</title></channel></rss>"
        #expect(try FeedParser.parse(Data(xml.utf8)).feed.title == "Harbour & Co")
    }

    @Test func externalEntityIsNeverLoaded() throws {
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-xxe-\(UUID().uuidString).txt")
        try Data(secret.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(file.absoluteString)"><!ENTITY % pe SYSTEM "\(file.absoluteString)"> %pe;]>
        <rss version="2.0"><channel><title>a&xxe;b</title>
        <item><title>&xxe;</title><description>&xxe;</description><link>http://x.example/&xxe;</link></item></channel></rss>
        """
        let doc = try FeedParser.parse(Data(xml.utf8))
        let dump = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        #expect(!dump.contains(secret))
        #expect(doc.feed.title == "ab")
        #expect(doc.warnings.contains { $0.contains("external entity 'xxe'") })
    }

    @Test func hundredThousandDeepNesting() throws {
        let depth = 100_000
        let xml = "<rss version=\"2.0\"><channel><item><title>kept</title></item>" + String(repeating: "<x>", count: depth)
            + String(repeating: "</x>", count: depth) + "</channel></rss>"
        let start = Date()
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(doc.items.map(\.title) == ["kept"])
        #expect(!doc.warnings.isEmpty)
    }

    @Test func invalidUTF8DoesNotLoseTheFeed() throws {
        var bytes = Array("<rss version=\"2.0\"><channel><item><title>caf".utf8)
        bytes += [0xC3, 0x28, 0xFF]   // broken sequences
        bytes += Array("é ok</title></item><item><title>second ü</title></item></channel></rss>".utf8)
        let doc = try FeedParser.parse(Data(bytes))
        #expect(doc.items.map(\.title) == ["caf\u{FFFD}(\u{FFFD}é ok", "second ü"])
        #expect(doc.warnings.contains("invalid UTF-8 bytes replaced with U+FFFD"))
    }

    @Test func binaryBlobIsNotAFeed() {
        var rng = SystemRandomNumberGenerator()
        var blob = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        blob[0] = 0x89  // never a valid start
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(blob)) }
        var tagged = blob
        tagged[0] = UInt8(ascii: "<")
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(tagged)) }
    }

    @Test(arguments: ["", "   \n\t  "])
    func emptyInput(_ s: String) {
        #expect(throws: FeedParseError.empty) { try FeedParser.parse(Data(s.utf8)) }
    }

    @Test func tooLarge() {
        var options = ParseOptions()
        options.maxInputBytes = 10
        #expect(throws: FeedParseError.tooLarge(limit: 10)) {
            try FeedParser.parse(Data("<rss version=\"2.0\"></rss>".utf8), options: options)
        }
    }

    @Test func truncatedDocumentRecoversItems() throws {
        let xml = "<rss version=\"2.0\"><channel><title>Cut</title><item><title>one</title><link>http://t.example/1</link></item><item><title>two</title><link>http://t.example/2</lin"
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.items.map(\.title) == ["one", "two"])
        #expect(doc.warnings.contains { $0.contains("truncated") })
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>hi</body></html>", "an HTML page"),
        ("<opml version=\"2.0\"><body/></opml>", "an OPML subscription list; import it instead"),
        ("hello world", "it starts with neither < nor {"),
    ])
    func notAFeed(_ input: String, _ reason: String) {
        #expect(throws: FeedParseError.notAFeed(reason)) { try FeedParser.parse(Data(input.utf8)) }
    }

    @Test func controlCharactersAreDropped() throws {
        let xml = "<rss version=\"2.0\"><channel><item><title>a\u{1B}[31mb\u{07}c</title></item></channel></rss>"
        #expect(try FeedParser.parse(Data(xml.utf8)).items.first?.title == "a[31mbc")
    }

    @Test func errorsAreOneLineMessages() {
        let all: [FeedParseError] = [.empty, .tooLarge(limit: 50 * 1024 * 1024), .notAFeed("x"), .malformed("y"),
                                     .unreadable(path: "/p", reason: "r")]
        for e in all { #expect(!e.description.contains("\n") && !e.description.isEmpty) }
    }
}
