/// Where the text of a captured element goes.
enum XMLField {
    // channel level
    case feedTitle, feedLink, feedDescription, feedLanguage, feedUpdated, feedAuthor, feedRSSAuthor, feedAuthorEmail
    // item level
    case title, link, guid, summary, content, published, publishedFallback, updated
    case author, rssAuthor, fallbackAuthor, authorEmail, category, mediaDescription
}
