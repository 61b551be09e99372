import Foundation
import TidingsText

/// An article recovered from a web page (reader view).
public struct ExtractedArticle: Hashable, Sendable {
    public var title: String?
    public var byline: String?
    public var excerpt: String?
    public var siteName: String?
    /// As the page gives it (usually ISO 8601).
    public var published: String?
    public var lang: String?
    /// `ltr` or `rtl` when the page says so.
    public var dir: String?
    /// The article as clean HTML with absolute links: what the cache stores.
    public var html: String
    /// The article through the reader's pipeline: blocks and numbered links.
    public var document: ArticleDocument
    /// Plain text, a blank line between blocks.
    public var text: String
    /// Characters of article text (the retry rule's measure).
    public var textLength: Int
}

public enum ExtractionError: Error, Equatable, CustomStringConvertible {
    /// Nothing that reads as an article: an empty page, a page of links, a script-only shell.
    case noArticle

    public var description: String {
        switch self {
        case .noArticle: return "no article found in the page"
        }
    }
}

/// Mozilla Readability's approach, in our own code on libxml2: pure (bytes and a URL in, an
/// article out; no I/O), bounded on hostile input. A fetcher hands it the body, the final URL and
/// the HTTP charset; a file is the same call with the charset left out.
public enum ArticleExtractor {
    /// Bump when the algorithm changes, so cached extractions can be redone.
    public static let version = 1

    public static func extract(_ data: Data, url: String?, httpCharset: String? = nil) throws -> ExtractedArticle {
        let decoded = PageDecoder.decode([UInt8](data), httpCharset: httpCharset)
        // The first tree gives the metadata and is the first attempt; retries parse afresh.
        var first: (root: Node, arena: NodeArena)? = {
            let arena = NodeArena()
            return (TreeBuilder.parse(utf8: decoded.bytes, arena: arena), arena)
        }()
        let metadata = withExtendedLifetime(first!.arena) { PageMetadata.read(first!.root) }
        let resolver = withExtendedLifetime(first!.arena) { URLResolver(pageURL: url, document: first!.root) }
        let grabber = Grabber(title: metadata.title ?? "")
        guard let attempt = grabber.grab(freshPage: {
            let page: (root: Node, arena: NodeArena)
            if let f = first {
                page = f
                first = nil
            } else {
                let arena = NodeArena()
                page = (TreeBuilder.parse(utf8: decoded.bytes, arena: arena), arena)
            }
            withExtendedLifetime(page.arena) { DocumentPrep.run(page.root) }
            return page
        }) else { throw ExtractionError.noArticle }
        return try withExtendedLifetime(attempt.arena) {
            try finish(attempt, metadata: metadata, resolver: resolver, grabber: grabber)
        }
    }

    private static func finish(_ attempt: Grabber.Attempt, metadata: PageMetadata, resolver: URLResolver,
                               grabber: Grabber) throws -> ExtractedArticle {
        let html = HTMLWriter(resolver: resolver).write(attempt.content)
        let document = ArticleDocument.html(html, baseURL: resolver.base?.absoluteString)
        let text = PlainText.of(document)
        guard !text.trimmingSpaces.isEmpty else { throw ExtractionError.noArticle }
        let excerpt = metadata.excerpt
            ?? attempt.content.first(named: "p").map { TextMeasure.normalize($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        let byline = metadata.byline ?? grabber.byline.map(TextMeasure.normalize)
        return ExtractedArticle(title: metadata.title, byline: byline, excerpt: excerpt, siteName: metadata.siteName,
                                published: metadata.published, lang: metadata.lang, dir: attempt.dir,
                                html: html, document: document, text: text, textLength: attempt.textLength)
    }
}
