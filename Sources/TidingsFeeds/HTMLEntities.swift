import CLibXML2

/// Named character references for feed text: libxml2's HTML 4 table plus the few
/// HTML5 names that show up in real feeds.
enum HTMLEntities {
    private static let extras: [String: String] = [
        "apos": "'", "Tab": "\t", "NewLine": "\n", "nbsp": "\u{A0}", "hellip": "…", "mldr": "…",
        "colon": ":", "comma": ",", "period": ".", "excl": "!", "quest": "?", "num": "#",
        "dollar": "$", "percnt": "%", "lpar": "(", "rpar": ")", "ast": "*", "plus": "+",
        "sol": "/", "semi": ";", "equals": "=", "lsqb": "[", "rsqb": "]", "lowbar": "_",
        "grave": "`", "lcub": "{", "rcub": "}", "verbar": "|", "vert": "|", "bsol": "\\",
        "hyphen": "‐", "dash": "‐", "check": "✓", "star": "☆", "starf": "★", "bull": "•",
        "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”",
        "ndash": "–", "mdash": "—", "nbhy": "\u{2011}", "shy": "\u{AD}", "zwj": "\u{200D}",
        "zwnj": "\u{200C}", "ZeroWidthSpace": "\u{200B}", "emsp": "\u{2003}", "ensp": "\u{2002}",
        "thinsp": "\u{2009}", "hairsp": "\u{200A}", "NonBreakingSpace": "\u{A0}", "trade": "™",
        "TRADE": "™", "copy": "©", "COPY": "©", "reg": "®", "REG": "®", "amp": "&", "AMP": "&",
        "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"",
    ]

    /// The text of `&name;`, or nil when the name is unknown.
    static func lookup(_ name: String) -> String? {
        if let s = extras[name] { return s }
        guard name.utf8.count < 32 else { return nil }
        let v = name.withCString { cx_html_entity_value($0) }
        guard v > 0, let scalar = Unicode.Scalar(UInt32(v)) else { return nil }
        return String(Character(scalar))
    }

    /// The character of a numeric reference body such as `#233` or `#xE9`.
    static func numeric(_ body: Substring) -> String? {
        var s = body.dropFirst()
        var radix = 10
        if s.first == "x" || s.first == "X" { radix = 16; s = s.dropFirst() }
        guard !s.isEmpty, s.count <= 8, let v = UInt32(s, radix: radix) else { return nil }
        // Windows-1252 code points in numeric references are a classic feed mistake.
        if (0x80...0x9F).contains(v), let mapped = Transcoder.cp1252High[Int(v - 0x80)] { return String(mapped) }
        guard v != 0, let scalar = Unicode.Scalar(v) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
