/// Text prepared for the full-text index: markup stripped, entities decoded, and CJK characters
/// spaced apart. The `unicode61` tokenizer reads a run of ideographs or kana as one token, so
/// "東京の天気" could only be found by its first characters; one token per character lets
/// a query "東京" (indexed the same way, as the phrase "東 京") match anywhere in the text.
enum SearchText {
    /// Bodies longer than this are indexed by their beginning only: a hostile 50 MB item must
    /// not make an import crawl, and nobody searches for words on page 400.
    static let maxIndexedCharacters = 200_000

    /// Plain text of an HTML body, cut at `maxIndexedCharacters`.
    static func fromHTML(_ html: String) -> String {
        spacingCJK(MarkupStripper.strip(html, limit: maxIndexedCharacters))
    }

    /// Plain text as indexed (bodies of type text, titles, authors, feed titles).
    static func fromPlain(_ text: String) -> String {
        spacingCJK(text.count > maxIndexedCharacters ? String(text.prefix(maxIndexedCharacters)) : text)
    }

    /// True for scripts written without spaces between words, indexed one character per token.
    static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,   // Hiragana, Katakana
             0x31F0...0x31FF,   // Katakana phonetic extensions
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xAC00...0xD7AF,   // Hangul syllables (spaced by words, but substring search helps)
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFF66...0xFF9F,   // Half-width Katakana
             0x20000...0x2FFFF: // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    /// Puts a space on both sides of every unspaced-script character; other text is unchanged.
    static func spacingCJK(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnspaced) else { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count * 2)
        for scalar in text.unicodeScalars {
            if isUnspaced(scalar) {
                out.append(" ")
                out.append(scalar)
                out.append(" ")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
