/// A terminal color as a theme names it; the terminal layer downgrades it to what the terminal has.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 256 palette entries (0–7 are the named colors).
    case indexed(UInt8)
    /// A true color, mapped to the nearest palette entry on 256- and 8-color terminals.
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "brightblack": 8, "gray": 8, "grey": 8, "brightred": 9, "brightgreen": 10, "brightyellow": 11,
        "brightblue": 12, "brightmagenta": 13, "brightcyan": 14, "brightwhite": 15,
    ]

    /// Parses `default`, a color name, `color0`…`color255` or `#rrggbb`.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "default" { self = .default; return }
        if let i = Self.names[n] { self = .indexed(i); return }
        if n.hasPrefix("color"), let i = UInt8(n.dropFirst(5)) { self = .indexed(i); return }
        if n.hasPrefix("#"), n.count == 7, let v = UInt32(n.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)); return
        }
        return nil
    }
}

/// Text attributes a theme may ask for.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let dim = TextAttributes(rawValue: 16)

    static let names: [String: TextAttributes] = [
        "bold": .bold, "underline": .underline, "italic": .italic, "reverse": .reverse, "dim": .dim,
    ]
}

/// How one role looks.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes
    public init(_ foreground: ThemeColor = .default, _ background: ThemeColor = .default, _ attributes: TextAttributes = []) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }
    public static let plain = Style()
}
