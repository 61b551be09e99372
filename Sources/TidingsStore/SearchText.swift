/// Text prepared for the full-text index: markup stripped, entities decoded, and CJK characters
/// spaced apart. The `unicode61` tokenizer reads a run of ideographs or kana as one token, so
/// "東京の天気" could only be found by its first characters; one token per character lets
/// a query "東京" (indexed the same way, as the phrase "東 京") match anywhere in the text.
/// The tokenizer also drops symbols, so every emoji becomes its own token by standing in for a
/// private-use character (which the tokenizer keeps), and full-width ASCII ("ＡＢＣ１２３", common
/// in Japanese text) becomes ASCII, which the tokenizer does not fold by itself. Queries go
/// through the same function, so both sides agree.
enum SearchText {
    /// Bodies longer than this are indexed by their beginning only: a hostile 50 MB item must
    /// not make an import crawl, and nobody searches for words on page 400.
    static let maxIndexedCharacters = 200_000

    /// Plain text of an HTML body, cut at `maxIndexedCharacters`.
    static func fromHTML(_ html: String) -> String {
        let text = MarkupStripper.stripToBytes(html, limit: maxIndexedCharacters)
        let spaced = text.withUnsafeBufferPointer { spacedBytes($0) } ?? text
        return String(decoding: spaced, as: UTF8.self)
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

    /// The private-use character an emoji or pictographic symbol is indexed as, if it is one.
    /// Each block keeps its low 16 bits, so the mapping is one to one.
    static func symbolToken(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x2300...0x23FF,   // Miscellaneous technical (⌚ ⏰)
             0x2600...0x27BF,   // Miscellaneous symbols, dingbats (☀ ❤ ✈)
             0x2B00...0x2BFF,   // Arrows and shapes (⭐ ⬛)
             0x1F000...0x1FAFF: // Emoji, pictographs, regional indicators, skin tones
            return Unicode.Scalar(0xF0000 | (value & 0xFFFF))
        default:
            return nil
        }
    }

    /// Index of the first byte at or after `start` that is not ASCII, or `bytes.count`. Eight
    /// bytes at a time: most of a Latin-script body is ASCII, and this runs over every body.
    private static func skipASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < n, bytes[i] < 0x80 { i += 1 }
        return i
    }

    /// Puts a space on both sides of every unspaced-script character and every symbol token
    /// (see `symbolToken`), and folds full-width ASCII; other text is unchanged.
    /// Works on UTF-8 bytes: every such character is a 3- or 4-byte sequence, so text without
    /// one is returned as it is, and the rest is copied in runs.
    static func spacingCJK(_ text: String) -> String {
        var text = text
        // Unchanged text goes back as it is, without a copy or a re-validation.
        guard let spaced = text.withUTF8(spacedBytes) else { return text }
        return String(decoding: spaced, as: UTF8.self)
    }

    /// `spacingCJK` on UTF-8 bytes; nil when nothing changes.
    private static func spacedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let n = bytes.count
        guard n > 0 else { return nil }
        var out = [UInt8]()
        var i = 0
        // Start of the bytes not yet copied: runs of unchanged text go over in one copy,
        // since nearly everything in a mostly-Latin body is unchanged.
        var pending = 0
        func flush(upTo end: Int) {
            if out.isEmpty { out.reserveCapacity(n + n / 2) }
            if end > pending { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<end])) }
        }
        while true {
            i = skipASCII(bytes, from: i)
            guard i < n else { break }
            let b0 = bytes[i]
            guard b0 >= 0xE0 else { i += 2; continue }
            var length = 3
            var value: UInt32
            if b0 >= 0xF0, i + 3 < n {
                length = 4
                value = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
            } else if b0 < 0xF0, i + 2 < n {
                value = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            } else {
                break   // a truncated sequence at the end: copied as it is below
            }
            if let scalar = Unicode.Scalar(value), isUnspaced(scalar) {
                flush(upTo: i)
                out.append(0x20)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                out.append(0x20)
                pending = i + length
            } else if let token = symbolToken(value) {
                flush(upTo: i)
                // The token is in plane 15 (U+F0000...U+FFFFF): always four bytes.
                let v = token.value
                out.append(0x20)
                out.append(0xF0 | UInt8(v >> 18))
                out.append(0x80 | UInt8((v >> 12) & 0x3F))
                out.append(0x80 | UInt8((v >> 6) & 0x3F))
                out.append(0x80 | UInt8(v & 0x3F))
                out.append(0x20)
                pending = i + length
            } else if length == 3, (0xFF01...0xFF5E).contains(value) {
                flush(upTo: i)
                out.append(UInt8(value - 0xFEE0))
                pending = i + length
            }
            i += length
        }
        guard pending > 0 else { return nil }
        flush(upTo: n)
        return out
    }
}
