import Foundation
import TidingsText

/// The reader's full-article toggle (`w`): the feed's text or the page's article, fetched in the
/// background once and kept; a failure falls back to the feed's text with a one-line reason.
extension AppState {
    mutating func toggleFullArticle() -> [Effect] {
        guard var r = reader, let article = r.article else { message = StatusMessage("Open an article first."); return [] }
        var full = r.full ?? FullArticleState(articleID: r.headline.id)
        let (status, requests) = full.toggle(link: article.link)
        r.full = full
        reader = r
        message = status
        showChosenText()
        return requests.map(Self.effect)
    }

    /// After `.articleLoaded`: a feed set to `always`, or `auto` with a summary-sized text, asks at once.
    mutating func fullArticleOnOpen() -> [Effect] {
        guard var r = reader, let article = r.article, r.full == nil else { return [] }
        let policy = fullArticlePolicies[r.headline.feedID] ?? defaultFullArticlePolicy
        guard FullArticleState.fetchesOnOpen(policy, feedTextLength: Self.textLength(r.document), link: article.link) else { return [] }
        var full = FullArticleState(articleID: r.headline.id)
        let (_, requests) = full.toggle(link: article.link)
        r.full = full
        reader = r
        showChosenText()
        return requests.map(Self.effect)
    }

    mutating func fullArticleLoaded(_ id: ArticleID, _ page: FullArticle) {
        guard var r = reader, r.headline.id == id, var full = r.full, let article = r.article else { return }
        let status = full.loaded(page, feedTextLength: Self.textLength(article.document))
        r.full = full
        reader = r
        if let status { message = status }
        showChosenText()
    }

    mutating func fullArticleFailed(_ id: ArticleID, _ reason: String) {
        guard var r = reader, r.headline.id == id, var full = r.full else { return }
        let status = full.failed(reason)
        r.full = full
        reader = r
        if let status { message = status }
        showChosenText()
    }

    /// Lays out whichever text the toggle chose, with the header saying which one it is.
    mutating func showChosenText() {
        guard var r = reader, let article = r.article else { return }
        if let full = r.full, full.shown == .fullArticle, case .ready(let page) = full.phase {
            r.document = ArticleDocument.html(page.html, baseURL: page.url)
        } else {
            r.document = article.document
        }
        reader = r
        relayoutReader(force: true)
    }

    static func effect(_ request: FullArticleRequest) -> Effect {
        switch request {
        case .fetch(let id, let url): return .fetchFullArticle(id, url: url)
        case .cancel(let id): return .cancelFullArticle(id)
        }
    }

    /// Characters of text in a document (what "a summary under a few hundred characters" counts).
    static func textLength(_ document: ArticleDocument) -> Int {
        document.lines(width: 200).reduce(0) { $0 + $1.plainText.trimmingCharacters(in: .whitespaces).count }
    }
}
