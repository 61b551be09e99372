import Foundation
import TidingsCore

/// Turns the bytes of an RSS, Atom or JSON Feed document into a `FeedDocument`.
public enum FeedParser {
    /// Detects the format and parses. `baseURL` resolves relative links; `encodingHint` is the charset from an HTTP Content-Type.
    public static func parse(_ data: Data, baseURL: URL? = nil, encodingHint: String? = nil,
                             options: ParseOptions = .init()) throws(FeedParseError) -> FeedDocument {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= options.maxInputBytes else { throw .tooLarge(limit: options.maxInputBytes) }
        let decoded = Transcoder.toUTF8(data, hint: encodingHint, legacyFallback: true)
        // withUnsafeBytes rethrows untyped errors, so the typed result is carried out in a Result.
        let result: Result<FeedDocument, FeedParseError> = decoded.bytes.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return .failure(.empty) }
            switch bytes[first] {
            case UInt8(ascii: "{"):
                return Result { () throws(FeedParseError) in try JSONFeedParser.parse(decoded.bytes, baseURL: baseURL) }
            case UInt8(ascii: "<"):
                return Result { () throws(FeedParseError) in try parseXML(bytes, baseURL: baseURL, options: options) }
            default:
                return .failure(.notAFeed(bytes.prefix(512).contains(0) ? "binary data" : "it starts with neither < nor {"))
            }
        }
        var document = try result.get()
        document.warnings = decoded.warnings + document.warnings
        return document
    }

    private static func parseXML(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: URL?, options: ParseOptions) throws(FeedParseError) -> FeedDocument {
        let builder = XMLFeedBuilder(baseURL: baseURL, options: options)
        let driver = XMLSAXDriver(sink: builder, options: options)
        var repairs = XMLReferenceRepair.Report()
        if XMLReferenceRepair.isNeeded(bytes) {
            // libxml2 drops what it cannot resolve (and keeps one byte of an entity it is handed
            // inside an attribute value); the references it decodes in full replace them first.
            driver.run { feed in repairs = XMLReferenceRepair.repair(bytes, emit: feed) }
        } else {
            driver.run(bytes)
        }
        var document = try builder.document()
        document.warnings = (XMLReferenceRepair.warning(repairs).map { [$0] } ?? []) + driver.warnings + document.warnings
        return document
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
