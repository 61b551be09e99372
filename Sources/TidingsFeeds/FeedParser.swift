import Foundation
import TidingsCore

/// Turns the bytes of an RSS, Atom or JSON Feed document into a `FeedDocument`.
public enum FeedParser {
    /// Detects the format and parses. `baseURL` resolves relative links; `encodingHint` is the charset from an HTTP Content-Type.
    public static func parse(_ data: Data, baseURL: URL? = nil, encodingHint: String? = nil,
                             options: ParseOptions = .init()) throws(FeedParseError) -> FeedDocument {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= options.maxInputBytes else { throw .tooLarge(limit: options.maxInputBytes) }
        let decoded = Transcoder.toUTF8(data, hint: encodingHint)
        let bytes = decoded.bytes
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { throw .empty }
        var document: FeedDocument
        switch bytes[first] {
        case UInt8(ascii: "{"):
            document = try JSONFeedParser.parse(bytes, baseURL: baseURL)
        case UInt8(ascii: "<"):
            document = try parseXML(bytes, baseURL: baseURL, options: options)
        default:
            throw .notAFeed(bytes.prefix(512).contains(0) ? "binary data" : "it starts with neither < nor {")
        }
        document.warnings = decoded.warnings + document.warnings
        return document
    }

    private static func parseXML(_ bytes: [UInt8], baseURL: URL?, options: ParseOptions) throws(FeedParseError) -> FeedDocument {
        let builder = XMLFeedBuilder(baseURL: baseURL, options: options)
        let driver = XMLSAXDriver(sink: builder, options: options)
        driver.run(bytes)
        var document = try builder.document()
        document.warnings = driver.warnings + document.warnings
        return document
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
