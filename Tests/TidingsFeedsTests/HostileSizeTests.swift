import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// Large hostile inputs, generated here (never committed): each ends with a result or a clean error, quickly.
@Suite(.serialized) struct HostileSizeTests {
    /// A guard against quadratic work, not a speed test (that is the release benchmark, ~60 MB/s):
    /// generous enough for a debug build on two cores shared with other builds.
    static let slack: TimeInterval = 120

    @Test(arguments: ["title", "description"])
    func fiftyMegabyteSingleLine(_ element: String) throws {
        var xml = Array("<rss version=\"2.0\"><channel><item><\(element)>".utf8)
        xml += [UInt8](repeating: UInt8(ascii: "a"), count: 49_000_000)
        xml += Array(" end</\(element)><guid>g</guid></item></channel></rss>".utf8)
        #expect(!xml.contains(0x0A))
        let start = Date()
        let doc = try FeedParser.parse(Data(xml))
        #expect(Date().timeIntervalSince(start) < Self.slack)
        #expect(doc.items.count == 1)
        #expect(doc.items[0].id == "g")
        let text = element == "title" ? doc.items[0].title : doc.items[0].summary
        #expect(text?.hasSuffix("a end") == true)
    }

    @Test func overTheDefaultLimitIsRefusedBeforeParsing() {
        let data = Data(count: ParseOptions().maxInputBytes + 1)
        let start = Date()
        #expect(throws: FeedParseError.tooLarge(limit: 50 * 1024 * 1024)) { try FeedParser.parse(data) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func limitIsConfigurable() throws {
        var options = ParseOptions()
        options.maxInputBytes = 64
        let xml = Data("<rss version=\"2.0\"><channel><title>a title long enough to pass the limit</title></channel></rss>".utf8)
        #expect(throws: FeedParseError.tooLarge(limit: 64)) { try FeedParser.parse(xml, options: options) }
        #expect(FeedParseError.tooLarge(limit: 64).description.contains("64 bytes"))
    }

    @Test func hundredThousandDeepJSON() {
        let json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        let start = Date()
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(json.utf8)) }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func manyItemsAreCapped() throws {
        var options = ParseOptions()
        options.maxItems = 100
        let xml = "<rss version=\"2.0\"><channel>" + String(repeating: "<item><title>x</title></item>", count: 1000) + "</channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8), options: options)
        #expect(doc.items.count == 100)
        #expect(doc.warnings.contains { $0.contains("more than 100 items") })
    }

    @Test func quadraticBlowupEntityIsBounded() throws {
        // One big entity referenced many times (the "quadratic blowup" variant of billion laughs).
        let big = String(repeating: "x", count: 100_000)
        let xml = "<!DOCTYPE rss [<!ENTITY b \"\(big)\">]><rss version=\"2.0\"><channel><title>"
            + String(repeating: "&b;", count: 10_000) + "</title><item><title>kept</title></item></channel></rss>"
        let start = Date()
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect((doc.feed.title ?? "").utf8.count <= ParseOptions().maxEntityExpansion + big.utf8.count)
        #expect(doc.items.map(\.title) == ["kept"])
        #expect(doc.warnings.contains { $0.contains("entity expansion limit") })
    }

    @Test func wrongDeclaredEncodingStillReads() throws {
        // Declared Latin-1, actually UTF-8: read as UTF-8, with a warning.
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>café</title><item><title>x</title></item></channel></rss>"
        let doc = try FeedParser.parse(Data(xml.utf8))
        #expect(doc.feed.title == "café")
        #expect(doc.items.count == 1)
        #expect(doc.warnings.contains { $0.contains("declares a Latin-1 encoding but is UTF-8") })
        // Real Latin-1 bytes under the same declaration still read as Latin-1.
        var latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>caf".utf8)
        latin1 += [0xE9] + Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(Data(latin1)).feed.title == "café")
    }
}
