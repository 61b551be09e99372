import TidingsText

/// The article in the reader pane, laid out for the pane's width.
public struct ReaderState: Hashable, Sendable {
    public var headline: Headline
    /// Nil while the body is loading.
    public var article: Article?
    public var document: ArticleDocument
    /// Header and body, laid out at `layoutWidth`.
    public var lines: [StyledLine]
    public var layoutWidth: Int
    public var scroll: Int
    /// Words to highlight in the body (from the search that found the article).
    public var highlights: [String] = []
    /// The full article from the web page, once asked for (`w`, or a feed's `full-article`).
    public var full: FullArticleState?

    public init(headline: Headline, article: Article? = nil, document: ArticleDocument = .empty,
                lines: [StyledLine] = [], layoutWidth: Int = 0, scroll: Int = 0) {
        self.headline = headline; self.article = article; self.document = document
        self.lines = lines; self.layoutWidth = layoutWidth; self.scroll = scroll
    }
}
