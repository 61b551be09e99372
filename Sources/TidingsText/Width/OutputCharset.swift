/// What the process may write to the terminal, decided from the locale's character set.
///
/// Text is drawn and printed as UTF-8. With no `LANG`/`LC_ALL` (containers, cron, some ssh
/// setups) the process starts in the C locale, whose character set is ASCII: ncurses then draws
/// every other character as nothing. As Python does since PEP 538, a locale whose codeset is not
/// UTF-8 is replaced by `C.UTF-8` for character handling; when no UTF-8 locale exists at all,
/// every non-ASCII character is drawn as `?` (as many as the columns it takes), never as nothing,
/// so alignment and most of the meaning survive.
public enum OutputCharset: Equatable, Sendable {
    /// The user's locale is UTF-8.
    case utf8
    /// The user's locale was not UTF-8; this UTF-8 locale now handles characters.
    case utf8Fallback(String)
    /// No UTF-8 locale is available: write ASCII only.
    case ascii

    /// UTF-8 locales to fall back to, most neutral first.
    public static let fallbackLocales = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Decides with the locale functions given (the real ones are in TidingsTerminal):
    /// `codeset` reads the current character-handling codeset, `select` makes a locale the one
    /// for character handling and says whether it exists.
    public static func choose(codeset: () -> String?, select: (String) -> Bool) -> OutputCharset {
        if isUTF8(codeset()) { return .utf8 }
        for name in fallbackLocales where select(name) && isUTF8(codeset()) { return .utf8Fallback(name) }
        return .ascii
    }

    /// "UTF-8", "utf8", "UTF8" all name UTF-8.
    public static func isUTF8(_ codeset: String?) -> Bool {
        guard let codeset else { return false }
        return codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
    }

    /// `text` as it may be written: unchanged, or with non-ASCII as `?` when only ASCII is safe.
    public func printable(_ text: String) -> String {
        self == .ascii ? ASCIIFallback.text(text) : text
    }
}

/// Text for an ASCII-only terminal: each character outside ASCII becomes one `?` per column it
/// would take (a CJK character two, a combining mark none), so columns still line up.
public enum ASCIIFallback {
    public static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            if c.unicodeScalars.allSatisfy(\.isASCII) {
                out.append(c)
            } else {
                out += String(repeating: "?", count: TextWidth.of(c))
            }
        }
        return out
    }
}
