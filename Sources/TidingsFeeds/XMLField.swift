/// Where the text of a captured element goes.
enum XMLField {
    // channel level
    case feedTitle, feedLink, feedDescription, feedLanguage, feedUpdated, feedAuthor, feedRSSAuthor, feedAuthorEmail
    // channel polling hints: RSS <ttl>, sy:updatePeriod and sy:updateFrequency
    case feedTTL, feedUpdatePeriod, feedUpdateFrequency
    /// Dublin Core stand-ins, used when the core element is absent; the rank orders the dates.
    case feedTitleFallback, feedDescriptionFallback, feedUpdatedFallback(rank: Int)
    // item level
    case title, link, guid, summary, content, published, publishedFallback, updated
    case author, rssAuthor, fallbackAuthor, authorEmail, sourceAuthor, category, mediaDescription
    case titleFallback, summaryFallback
}
