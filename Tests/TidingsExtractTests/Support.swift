import Foundation
@testable import TidingsExtract

let pageURL = "https://news.example.org/2026/harbour/story.html"

/// Extracts from an HTML string given as UTF-8.
func extract(_ html: String, url: String? = pageURL, charset: String? = nil) throws -> ExtractedArticle {
    try ArticleExtractor.extract(Data(html.utf8), url: url, httpCharset: charset)
}

/// A paragraph of original prose about `topic`: long enough, with commas, like article text.
func prose(_ topic: String, _ n: Int = 1) -> String {
    let sentence = "The \(topic) was discussed at length by residents, officials and visitors, who agreed that the plan needed more time, more money and a clearer purpose before anyone could judge it fairly."
    return Array(repeating: sentence, count: n).joined(separator: " ")
}

/// A page shell: `head` extras and a body.
func page(head: String = "<title>Harbour plan delayed again | The Example Gazette</title>", body: String) -> String {
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
}

/// A typical news page: navigation, sidebar, the article, comments and a footer.
func newsPage(article: String, head: String = "<title>Harbour plan delayed again | The Example Gazette</title>") -> String {
    page(head: head, body: """
    <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
    <div id="layout">
      <div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Sidebar story one is here</a></li>
        <li><a href="/b">Sidebar story two is here</a></li><li><a href="/c">Sidebar story three is here</a></li></ul></div>
      \(article)
      <div id="comments"><h3>Comments</h3><p>First comment, says the commenter, who disagrees with everything, loudly.</p>
        <p>Second comment, adding nothing at all, but with many words in it, to look like text.</p></div>
    </div>
    <footer class="site-footer"><p>Copyright notice for the whole site, all rights reserved.</p></footer>
    """)
}
