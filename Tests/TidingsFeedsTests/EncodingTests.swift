import Foundation
import Testing
@testable import TidingsFeeds

@Suite struct EncodingTests {
    private static let body = "<rss version=\"2.0\"><channel><title>Ærø – naïve €</title></channel></rss>"

    @Test func utf16WithBOM() throws {
        for (bom, enc) in [([UInt8(0xFF), 0xFE], String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)] {
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Self.body
            let data = Data(bom) + xml.data(using: enc)!
            #expect(try FeedParser.parse(data).feed.title == "Ærø – naïve €")
        }
    }

    @Test func utf16WithoutBOM() throws {
        let data = ("<?xml version=\"1.0\"?>" + Self.body).data(using: .utf16LittleEndian)!
        #expect(try FeedParser.parse(data).feed.title == "Ærø – naïve €")
    }

    @Test func utf8BOMAndLeadingWhitespace() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(("\n  " + Self.body).utf8)
        #expect(try FeedParser.parse(data).feed.title == "Ærø – naïve €")
    }

    @Test func declarationIsRespected() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>"
        let data = Data(xml.utf8) + Data([0x80, 0x20, 0x93, 0x71, 0x94]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data).feed.title == "€ “q”")
    }

    @Test func httpCharsetHintWinsOverDeclaration() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>"
        let data = Data(xml.utf8) + Data([0xE9]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data, encodingHint: "ISO-8859-1").feed.title == "é")
    }

    @Test func otherEncodingsThroughIconv() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel><title>"
        let data = Data(xml.utf8) + Data([0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]) + Data("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data).feed.title == "привет")
    }
}
