import Foundation
import TidingsCore
import TidingsExtract
import TidingsFetch
import TidingsStore

/// The whole article behind a summary: the kept extraction when the current extractor made it,
/// else the page fetched (same client, limits and manners as feeds), extracted and kept.
public enum FullArticleService {
    public static func fullArticle(for id: ArticleID, link: String, store: ArticleStore, client: HTTPClient,
                                   settings: RefreshSettings, refetch: Bool = false) async throws(RefreshError) -> StoredFullArticle {
        if !refetch, let kept = try? store.fullArticle(id, minimumVersion: ArticleExtractor.version) { return kept }
        let page = try await PageFetcher.fetch(link, client: client, settings: settings)
        if Task.isCancelled { throw RefreshError("cancelled") }
        let extracted: Result<ExtractedArticle, Error> = await Offload.run(lowPriority: settings.background) {
            Result { try ArticleExtractor.extract(page.body, url: page.url, httpCharset: page.charset) }
        }
        let article: ExtractedArticle
        switch extracted {
        case .success(let value): article = value
        case .failure(let error): throw RefreshError("\(error)")
        }
        let kept = StoredFullArticle(html: article.html, url: page.url, textLength: article.textLength,
                                     extractorVersion: ArticleExtractor.version, fetchedAt: Date())
        do { try store.saveFullArticle(kept, for: id) } catch { throw RefreshError(error.description) }
        return kept
    }
}

/// The extractor's version, for callers that do not import TidingsExtract.
public enum ArticleExtractorVersion {
    public static var current: Int { ArticleExtractor.version }
}

/// A count shared by concurrent workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
