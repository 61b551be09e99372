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
    /// Works on UTF-8 bytes: feed bodies run to megabytes and are mostly ASCII.
    static func clean(_ s: String, keepNewlines: Bool) -> String {
        var s = s
        let cleaned = s.withUTF8 { clean(bytes: $0, keepNewlines: keepNewlines) }
        return cleaned ?? s
    }

    /// Returns nil when the bytes need no change.
    private static func clean(bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> String? {
        var i = 0
        let n = bytes.count
        while i < n, bytes[i] >= 0x20, bytes[i] < 0x7F { i += 1 }
        if i == n { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<i]))
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b >= 0x20 && b < 0x7F { out.append(b); continue }
                if keepNewlines {
                    if b == 0x0A || b == 0x09 { out.append(b); continue }
                    if b == 0x0D {
                        if i < n && bytes[i] == 0x0A { i += 1 }
                        out.append(0x0A)
                        continue
                    }
                }
                if b >= 0x09 && b <= 0x0D { out.append(0x20) }
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(n, i + length)
            var value = UInt32(b) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for j in (i + 1)..<max(i + 1, end) { value = value << 6 | UInt32(bytes[j] & 0x3F) }
            if let u = Unicode.Scalar(value), length > 1 {
                switch action(for: u) {
                case .keep: out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                case .space: out.append(0x20)
                case .drop: break
                }
            }
            i = end
        }
        return String(decoding: out, as: UTF8.self)
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
