/// The built-in themes; Themes/default.toml and Themes/mono.toml spell the same tables for users to copy.
extension Theme {
    /// Terminal's own colors plus a few accents; what `Themes/default.toml` describes.
    public static let standard = Theme(styles: [
        .empty: Style(),
        .titleBar: Style(.default, .default, [.reverse, .bold]),
        .statusBar: Style(.default, .default, [.reverse]),
        .statusMessage: Style(.default, .default, [.reverse, .bold]),
        .statusError: Style(.red, .default, [.reverse, .bold]),
        .statusKey: Style(.default, .default, [.reverse, .bold]),
        .divider: Style(.indexed(8), .default, []),
        .listNormal: Style(),
        .listUnread: Style(.default, .default, [.bold]),
        .listDate: Style(.indexed(8), .default, []),
        .listFeed: Style(.cyan, .default, []),
        .listCount: Style(.indexed(8), .default, []),
        .listUnreadCount: Style(.yellow, .default, [.bold]),
        .listSelected: Style(.default, .default, [.reverse]),
        .listSelectedInactive: Style(.default, .default, [.underline]),
        .listPlaceholder: Style(.indexed(8), .default, [.italic]),
        .listProblem: Style(.red, .default, [.bold]),
        .readerTitle: Style(.default, .default, [.bold]),
        .readerMetaLabel: Style(.indexed(8), .default, []),
        .readerMeta: Style(.default, .default, []),
        .readerText: Style(),
        .readerHeading: Style(.yellow, .default, [.bold]),
        .readerStrong: Style(.default, .default, [.bold]),
        .readerEmphasis: Style(.default, .default, [.italic]),
        .readerCode: Style(.green, .default, []),
        .readerCodeBlock: Style(.green, .default, []),
        .readerLink: Style(.blue, .default, [.underline]),
        .readerQuote: Style(.default, .default, [.italic]),
        .readerQuoteMarker: Style(.indexed(8), .default, []),
        .readerListMarker: Style(.yellow, .default, []),
        .readerRule: Style(.indexed(8), .default, []),
        .readerImage: Style(.magenta, .default, []),
        .readerCaption: Style(.default, .default, [.italic, .dim]),
        .readerFootnote: Style(.blue, .default, []),
        .readerFootnoteMark: Style(.blue, .default, []),
        .readerStrike: Style(.indexed(8), .default, [.dim]),
        .readerTableBorder: Style(.indexed(8), .default, []),
        .readerTableHeader: Style(.default, .default, [.bold]),
        .readerHighlight: Style(.black, .yellow, []),
        .readerPlaceholder: Style(.indexed(8), .default, [.italic]),
        .helpBorder: Style(.default, .default, []),
        .helpTitle: Style(.default, .default, [.bold, .reverse]),
        .helpHeading: Style(.yellow, .default, [.bold]),
        .helpKey: Style(.cyan, .default, [.bold]),
        .helpText: Style(),
    ])
}

extension ThemeColor {
    static let black = ThemeColor.indexed(0)
    static let red = ThemeColor.indexed(1)
    static let green = ThemeColor.indexed(2)
    static let yellow = ThemeColor.indexed(3)
    static let blue = ThemeColor.indexed(4)
    static let magenta = ThemeColor.indexed(5)
    static let cyan = ThemeColor.indexed(6)
}
