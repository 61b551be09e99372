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
    /// Works on UTF-8 bytes: every such character is a 3- or 4-byte sequence, so text without a
    /// lead byte of 0xE3 or above is returned as it is, and the rest is copied in one pass.
    static func spacingCJK(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(where: { $0 >= 0xE3 }) else { return String(decoding: bytes, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 2)
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = bytes[i]
                if b0 < 0x80 { out.append(b0); i += 1; continue }
                var length = 1
                var value: UInt32 = 0
                if b0 >= 0xF0, i + 3 < n {
                    length = 4
                    value = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                } else if b0 >= 0xE0, i + 2 < n {
                    length = 3
                    value = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                } else if b0 >= 0xC0, i + 1 < n {
                    length = 2
                }
                if length >= 3, let scalar = Unicode.Scalar(value), isUnspaced(scalar) {
                    out.append(0x20)
                    out.append(contentsOf: bytes[i..<(i + length)])
                    out.append(0x20)
                } else {
                    for k in i..<min(n, i + length) { out.append(bytes[k]) }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
