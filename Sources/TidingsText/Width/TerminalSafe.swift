/// Makes feed text harmless for a terminal. Every string from a feed goes through `sanitize`
/// (or `singleLine`) before it is measured or drawn.
///
/// Removed: C0 controls (TAB, LF, CR, VT, FF become a space), DEL, C1 controls (NEL becomes a
/// space), ESC (so no escape sequence survives), every Unicode format character (Cf) such as the
/// bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), U+200B, U+2060, U+FEFF and
/// the soft hyphen, and noncharacters. The bidi marks U+200E, U+200F and U+061C are removed too:
/// we never reorder text, terminals that do not do bidi show them as boxes, and a zero-width
/// cluster has no cell to live in. Kept: ZWJ and ZWNJ (they shape emoji and scripts inside a
/// cluster), emoji tag characters U+E0020–E007F (subdivision flags) and the Arabic prepended
/// concatenation marks, which are visible. U+2028/U+2029 become a space.
public enum TerminalSafe {
    /// Removes control, escape, bidi-override and other invisible format characters; collapses nothing.
    public static func sanitize(_ s: String) -> String {
        clean(s, keepNewlines: false)
    }

    /// `sanitize`, then collapses runs of whitespace to one space and trims: for one-line fields.
    public static func singleLine(_ s: String) -> String {
        let cleaned = sanitize(s)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in cleaned.unicodeScalars {
            if u.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return String(out)
    }

    /// Truncates to at most `width` columns, never splitting a wide glyph, appending "…" when cut.
    public static func truncate(_ s: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if TextWidth.of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = TextWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        out.append("…")
        return out
    }

    /// The same cleaning, keeping LF (CR and CRLF become LF) and TAB for preformatted text to expand.
    static func clean(_ s: String, keepNewlines: Bool) -> String {
        var isPlain = true
        for b in s.utf8 where b < 0x20 || b >= 0x7F { isPlain = false; break }
        if isPlain { return s }
        var out = String.UnicodeScalarView()
        var lastWasCR = false
        for u in s.unicodeScalars {
            let v = u.value
            defer { lastWasCR = v == 0x0D }
            if keepNewlines, v == 0x0A || v == 0x0D {
                if v == 0x0A && lastWasCR { continue }
                out.append("\n")
                continue
            }
            if keepNewlines, v == 0x09 {
                out.append(u)
                continue
            }
            switch action(for: u) {
            case .keep: out.append(u)
            case .space: out.append(" ")
            case .drop: break
            }
        }
        return String(out)
    }

    enum Action { case keep, space, drop }

    static func action(for u: Unicode.Scalar) -> Action {
        let v = u.value
        if v >= 0x20 && v < 0x7F { return .keep }
        switch v {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .space
        case 0x00..<0x20, 0x7F..<0xA0: return .drop
        case 0x200C, 0x200D, 0xE0020...0xE007F, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891,
             0x08E2, 0x110BD, 0x110CD:
            return .keep
        default: break
        }
        if v < 0xAD { return .keep }
        if u.properties.isNoncharacterCodePoint { return .drop }
        if u.properties.generalCategory == .format { return .drop }
        return .keep
    }
}
