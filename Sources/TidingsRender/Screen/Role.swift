/// What a cell shows, in words a theme can style; views never pick colors.
public enum Role: String, Hashable, Sendable, CaseIterable {
    case empty
    case titleBar, statusBar, statusMessage, statusError, statusKey, divider
    case listNormal, listUnread, listDate, listFeed, listCount, listUnreadCount
    case listSelected, listSelectedInactive, listPlaceholder, listProblem
    case readerTitle, readerMetaLabel, readerMeta, readerText, readerHeading, readerStrong, readerEmphasis
    case readerCode, readerCodeBlock, readerLink, readerQuote, readerQuoteMarker, readerListMarker, readerRule
    case readerImage, readerCaption, readerFootnote, readerFootnoteMark, readerStrike, readerTableBorder, readerTableHeader, readerHighlight
    case readerPlaceholder
    case helpBorder, helpTitle, helpHeading, helpKey, helpText
}
