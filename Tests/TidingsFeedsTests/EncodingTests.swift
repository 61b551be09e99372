import Foundation
import Testing
import TidingsCore
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

/// The allocation-free validator that decides whether a feed's bytes can go to libxml2 untouched
/// must agree with the standard library on every input, and reject the C0 controls XML forbids.
@Suite struct CleanUTF8Tests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        return !bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x41, 0x00],
        [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x8F, 0xAE], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0x09, 0x0A, 0x0D, 0x7F],
    ] as [[UInt8]])
    func edgeSequences(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer(Transcoder.isCleanUTF8) == Self.reference(bytes))
    }

    @Test func randomInputsAgreeWithTheStandardLibrary() {
        var random = SeededGenerator(seed: 0x7E11)
        // Biased towards bytes that start and continue multibyte sequences, where validators go wrong.
        let alphabet: [UInt8] = [0x20, 0x41, 0x0A, 0x01, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...12, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            #expect(bytes.withUnsafeBufferPointer(Transcoder.isCleanUTF8) == Self.reference(bytes), "\(bytes)")
        }
    }
}
