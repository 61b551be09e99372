/// The XML namespace of the attributes Tidings adds to OPML outlines for what OPML has no word
/// for (newsboat's hidden marker and filter scripts); other readers ignore them.
enum OPMLNames {
    static let namespace = "https://tidings.invalid/opml/1"
    static let prefix = "tidings"
}
