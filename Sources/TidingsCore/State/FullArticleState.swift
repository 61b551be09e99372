/// The reader's "feed text vs full article" toggle for one article (issue 8), as a pure state
/// machine: events in, the next state, a status line and requests for the runtime out.
///
/// Not wired into `Action`/`Effect` yet: the runtime (being rewritten) must map
/// `FullArticleRequest` to its fetch-and-extract task and feed the outcome back through
/// `loaded(_:)` / `failed(_:)`; see `FullArticleRequest` for exactly what it must do.
public struct FullArticleState: Hashable, Sendable {
    public enum Shown: Hashable, Sendable { case feedText, fullArticle }

    public enum Phase: Hashable, Sendable {
        /// Never asked for (or a fetch was cancelled).
        case idle
        /// A request is in flight; every key keeps working.
        case fetching
        /// Extracted (from the network or the cache), kept for later presses.
        case ready(FullArticle)
        /// Failed or too little text; the one-line reason.
        case unavailable(String)
    }

    public var articleID: ArticleID
    public var shown: Shown = .feedText
    public var phase: Phase = .idle

    /// An extraction with less text than this is no article (a cookie wall, a paywall teaser).
    public static let minimumText = 250
    /// Under `auto`, feed text shorter than this counts as a summary worth replacing.
    public static let summaryLength = 400

    public init(articleID: ArticleID) { self.articleID = articleID }

    /// What the header says is shown.
    public var label: String {
        switch (shown, phase) {
        case (.fullArticle, .ready(let a)): return "Full article from \(a.url)"
        case (_, .fetching): return "Feed text (fetching the full article…)"
        default: return "Feed text"
        }
    }

    /// The key: shows the full article (fetching it the first time) or goes back to the feed's text.
    public mutating func toggle(link: String?) -> (StatusMessage?, [FullArticleRequest]) {
        if shown == .fullArticle {
            shown = .feedText
            return (StatusMessage("Showing the feed's text."), [])
        }
        switch phase {
        case .ready:
            shown = .fullArticle
            return (StatusMessage("Showing the full article."), [])
        case .fetching:
            return (StatusMessage("Still fetching the full article…"), [])
        case .idle, .unavailable:
            guard let link, Self.isFetchable(link) else {
                phase = .unavailable("the article has no web link")
                return (StatusMessage("No full article: the article has no web link.", isError: true), [])
            }
            phase = .fetching
            return (StatusMessage("Fetching the full article…"), [.fetch(articleID, url: link)])
        }
    }

    /// The fetch answered with an extraction; `feedTextLength` is the length of the feed's own text.
    public mutating func loaded(_ article: FullArticle, feedTextLength: Int) -> StatusMessage? {
        guard phase == .fetching else { return nil }  // cancelled or already answered
        if article.textLength < Self.minimumText || article.textLength <= feedTextLength {
            let reason = article.textLength < Self.minimumText
                ? "the page has too little text" : "the page has no more text than the feed"
            phase = .unavailable(reason)
            shown = .feedText
            return StatusMessage("No full article: \(reason).", isError: true)
        }
        phase = .ready(article)
        shown = .fullArticle
        return StatusMessage("Showing the full article.")
    }

    /// The fetch or the extraction failed; the reader stays on the feed's text.
    public mutating func failed(_ reason: String) -> StatusMessage? {
        guard phase == .fetching else { return nil }
        let line = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
        phase = .unavailable(line)
        shown = .feedText
        return StatusMessage("No full article: \(line)", isError: true)
    }

    /// `Esc` or leaving the article: an outstanding fetch is cancelled.
    public mutating func cancel() -> [FullArticleRequest] {
        guard phase == .fetching else { return [] }
        phase = .idle
        return [.cancel(articleID)]
    }

    /// Whether opening the article should fetch at once (per-feed `full-article` setting).
    public static func fetchesOnOpen(_ policy: FullArticlePolicy, feedTextLength: Int, link: String?) -> Bool {
        guard let link, isFetchable(link) else { return false }
        switch policy {
        case .always: return true
        case .auto: return feedTextLength < summaryLength
        case .never: return false
        }
    }

    static func isFetchable(_ link: String) -> Bool {
        let l = link.lowercased()
        return l.hasPrefix("http://") || l.hasPrefix("https://")
    }
}

/// An extracted article as the reader needs it (TidingsExtract's output, flattened).
public struct FullArticle: Hashable, Sendable {
    /// Clean HTML with absolute links: read with `ArticleDocument.html`.
    public var html: String
    /// The final URL after redirects.
    public var url: String
    public var textLength: Int
    public init(html: String, url: String, textLength: Int) {
        self.html = html; self.url = url; self.textLength = textLength
    }
}

/// `[feeds."…"] full-article = "always" | "auto" | "never"`.
public enum FullArticlePolicy: String, Hashable, Sendable, CaseIterable {
    case always, auto, never
}

/// What the runtime must do for the toggle.
public enum FullArticleRequest: Hashable, Sendable {
    /// In the background: the cached extraction when its extractor version is current, else fetch
    /// `url` with the fetcher's politeness and limits, `ArticleExtractor.extract(body, url: finalURL,
    /// httpCharset:)`, store it beside the feed's body; then answer `loaded` or `failed`.
    case fetch(ArticleID, url: String)
    /// Cancel that task; no answer is expected.
    case cancel(ArticleID)
}
