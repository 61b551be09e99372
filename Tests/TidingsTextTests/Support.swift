import Foundation
@testable import TidingsText

/// Lays `html` out and returns its lines' plain text joined by newlines.
func render(_ html: String, width: Int = 40, baseURL: String? = "https://example.com/blog/post") -> String {
    ArticleDocument.html(html, baseURL: baseURL).lines(width: width).map(\.plainText).joined(separator: "\n")
}

/// Every run of every line with its role, for asserting styles.
func runs(_ html: String, width: Int = 40) -> [StyledRun] {
    ArticleDocument.html(html, baseURL: "https://example.com/").lines(width: width).flatMap(\.runs)
}
