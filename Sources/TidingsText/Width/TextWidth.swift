/// Terminal display width of text, agreeing with glibc wcwidth, ncurses and tmux where it matters.
public enum TextWidth {
    /// Terminal columns a grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 { return 0 }
        let base = of(scalar: first)
        if base == 2 { return 2 }
        // A VS16 asks for emoji presentation, which terminals draw two columns wide.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return base
    }

    /// Sum of the columns of a string's grapheme clusters (no sanitising is done here).
    public static func of(_ s: String) -> Int {
        var ascii = true
        var count = 0
        for b in s.utf8 {
            if b < 0x20 || b >= 0x7F { ascii = false; break }
            count += 1
        }
        if ascii { return count }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Columns of one scalar standing alone.
    static func of(scalar s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Hangul medial vowels and final consonants only ever join a preceding syllable.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if EastAsianWide.contains(v) { return 2 }
        if v >= 0x2000, s.properties.isEmojiPresentation { return 2 }
        return 1
    }
}
