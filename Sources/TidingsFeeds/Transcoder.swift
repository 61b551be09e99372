import Foundation
import TidingsText
#if canImport(Glibc)
import Glibc
#endif

/// Turns raw bytes in any declared or sniffed encoding into clean UTF-8: invalid sequences
/// become U+FFFD and control characters that XML forbids are dropped, so one bad byte
/// never costs the rest of the feed (libxml2 would otherwise fall back to Latin-1).
///
/// Which encoding wins: a byte-order mark, then UTF-16 sniffed from `<?`, then the HTTP
/// charset (`hint`, RFC 7303), then the XML declaration, then UTF-8.
enum Transcoder {
    struct Result {
        /// Clean UTF-8. For input that already is, a slice sharing the caller's storage (no copy).
        var bytes: Data
        var encoding: String
        var warnings: [String]
    }

    /// `legacyFallback`: read UTF-8 that has no valid multibyte sequence at all as Windows-1252
    /// (what browsers and feedparser do with mislabelled feeds) instead of replacing each byte.
    static func toUTF8(_ data: Data, hint: String?, sniffDeclaration: Bool = true, legacyFallback: Bool = false) -> Result {
        var warnings: [String] = []
        let (encoding0, bom) = data.withUnsafeBytes { raw in sniff(raw.bindMemory(to: UInt8.self), hint: hint, sniffDeclaration: sniffDeclaration) }
        var encoding = encoding0
        let body = data.dropFirst(bom)
        if encoding == "UTF-8", bom == 0, sniffDeclaration,
           let declared = data.prefix(256).withUnsafeBytes({ declaredEncoding(Array($0.bindMemory(to: UInt8.self))) }).map(normalise),
           declared.hasPrefix("UTF-16") || declared.hasPrefix("UTF-32") {
            warnings.append("the document declares \(declared) but its bytes are not; read as UTF-8")
        }

        // A prolog that says Latin-1 over bytes that are valid, non-ASCII UTF-8 is wrong (a
        // template copied between sites); no real Latin-1 text is valid UTF-8 by chance.
        if encoding == "WINDOWS-1252", hint == nil, bom == 0,
           body.contains(where: { $0 >= 0x80 }), body.withUnsafeBytes({ isCleanUTF8($0.bindMemory(to: UInt8.self)) }) {
            warnings.append("the document declares a Latin-1 encoding but is UTF-8; read as UTF-8")
            return Result(bytes: body, encoding: "UTF-8", warnings: warnings)
        }

        if encoding == "UTF-8" {
            let clean = body.withUnsafeBytes { isCleanUTF8($0.bindMemory(to: UInt8.self)) }
            if clean { return Result(bytes: body, encoding: encoding, warnings: warnings) }
        }
        var out: [UInt8]
        let slice = ArraySlice(body)
        switch encoding {
        case "UTF-8" where legacyFallback && slice.withUnsafeBufferPointer { !isValidUTF8($0) && !hasMultibyteUTF8($0) }:
            // Not one valid UTF-8 sequence among the high bytes: a legacy file mislabelled or
            // unlabelled, which browsers and feedparser read as Windows-1252.
            warnings.append("the document is not valid UTF-8 and looks like Windows-1252; read as Windows-1252")
            encoding = "WINDOWS-1252"
            out = decode1252(slice, warnings: &warnings)
        case "UTF-8":
            out = repairUTF8(slice, warnings: &warnings)
        case "WINDOWS-1252":
            out = decode1252(slice, warnings: &warnings)
        default:
            if let converted = iconvToUTF8(slice, from: encoding, warnings: &warnings) {
                out = converted
            } else {
                warnings.append("unknown encoding \"\(encoding)\"; read as UTF-8")
                encoding = "UTF-8"
                out = repairUTF8(slice, warnings: &warnings)
            }
        }
        stripForbiddenControls(&out)
        return Result(bytes: Data(out), encoding: encoding, warnings: warnings)
    }

    /// The encoding to read with and how many byte-order-mark bytes to skip.
    private static func sniff(_ raw: UnsafeBufferPointer<UInt8>, hint: String?, sniffDeclaration: Bool) -> (String, Int) {
        func starts(_ p: [UInt8]) -> Bool { raw.count >= p.count && zip(raw, p).allSatisfy { $0 == $1 } }
        if starts([0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if starts([0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if starts([0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if starts([0x3C, 0x00, 0x00, 0x00]) { return ("UTF-32LE", 0) }
        if starts([0x00, 0x00, 0x00, 0x3C]) { return ("UTF-32BE", 0) }
        if starts([0x3C, 0x00, 0x3F, 0x00]) { return ("UTF-16LE", 0) }
        if starts([0x00, 0x3C, 0x00, 0x3F]) { return ("UTF-16BE", 0) }
        // Bytes that reach here start in an ASCII-compatible encoding, so a label naming
        // UTF-16 or UTF-32 cannot be right (libxml2 and browsers read such files as UTF-8).
        func usable(_ e: String) -> Bool { !e.hasPrefix("UTF-16") && !e.hasPrefix("UTF-32") && e != "UCS-2" && e != "UCS-4" }
        if let h = hint.map(charset).map(normalise), !h.isEmpty, usable(h) { return (h, 0) }
        if sniffDeclaration, let d = declaredEncoding(Array(raw.prefix(256))).map(normalise), usable(d) { return (d, 0) }
        return ("UTF-8", 0)
    }

    /// True when the bytes are valid UTF-8 (controls allowed).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        String(validating: b, as: UTF8.self) != nil
    }

    /// True when the bytes are valid UTF-8 without C0 controls XML forbids; allocates nothing.
    static func isCleanUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            // Eight ASCII bytes at a time, none below 0x20: the common case of feed text.
            if i + 8 <= n {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080  // a byte < 0x20
                if high == 0 && low == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 {
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D { return false }
                i += 1
                continue
            }
            let len: Int
            var lowest: UInt32
            switch c {
            case 0xC2...0xDF: len = 2; lowest = 0x80
            case 0xE0...0xEF: len = 3; lowest = 0x800
            case 0xF0...0xF4: len = 4; lowest = 0x10000
            default: return false
            }
            guard i + len <= n else { return false }
            var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return false }
                v = v << 6 | UInt32(d & 0x3F)
            }
            guard v >= lowest, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return false }
            lowest = 0
            i += len
        }
        return true
    }

    /// The charset parameter of a whole Content-Type value (`text/xml; charset=utf-8`), else the value itself.
    static func charset(_ hint: String) -> String {
        guard let r = hint.range(of: "charset=", options: .caseInsensitive) else {
            return hint.contains("/") ? "" : hint
        }
        return String(hint[r.upperBound...].prefix { $0 != ";" && $0 != " " })
    }

    /// Canonical upper-case name; ASCII and Latin-1 labels read as their common supersets, as browsers do.
    static func normalise(_ name: String) -> String {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .uppercased()
        switch n {
        case "UTF8", "UTF-8", "US-ASCII", "ASCII", "ANSI_X3.4-1968", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "L1", "CP1252", "WINDOWS-1252", "X-CP1252": return "WINDOWS-1252"
        case "UTF-16", "UTF16": return "UTF-16LE"
        default: return n
        }
    }

    /// The `encoding="…"` of an ASCII-compatible XML declaration, if any.
    static func declaredEncoding(_ raw: [UInt8]) -> String? {
        let head = String(decoding: raw.prefix(256), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<?xml"),
              let end = head.range(of: "?>") else { return nil }
        let decl = head[..<end.lowerBound]
        guard let r = decl.range(of: "encoding") else { return nil }
        var rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return nil }
        let name = String(rest[..<close])
        return name.isEmpty ? nil : name
    }

    static func repairUTF8(_ bytes: ArraySlice<UInt8>, warnings: inout [String]) -> [UInt8] {
        if bytes.withUnsafeBufferPointer({ isValidUTF8($0) }) { return Array(bytes) }
        warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// Windows-1252's printable characters in 0x80...0x9F (nil where the code page has none).
    static let cp1252High: [Character?] = [
        "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
        nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
    ]

    /// True when some byte at or above 0x80 starts a well-formed UTF-8 sequence.
    static func hasMultibyteUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            let len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0
            if len > 0, i + len <= b.count,
               String(validating: UnsafeBufferPointer(rebasing: b[i..<i + len]), as: UTF8.self) != nil { return true }
            i += 1
        }
        return false
    }

    private static func decode1252(_ bytes: ArraySlice<UInt8>, warnings: inout [String]) -> [UInt8] {
        var s = String.UnicodeScalarView()
        var undefined = false
        for b in bytes {
            if b >= 0x80, b <= 0x9F {
                if let c = cp1252High[Int(b - 0x80)] { s.append(contentsOf: c.unicodeScalars) }
                else { s.append("\u{FFFD}"); undefined = true }
            } else {
                s.append(Unicode.Scalar(b))
            }
        }
        if undefined { warnings.append("bytes undefined in Windows-1252 replaced with U+FFFD") }
        return Array(String(s).utf8)
    }

    private static func iconvToUTF8(_ bytes: ArraySlice<UInt8>, from encoding: String, warnings: inout [String]) -> [UInt8]? {
        guard let converted = Iconv.toUTF8(bytes, from: encoding) else { return nil }
        if converted.replaced { warnings.append("bytes invalid in \(encoding) replaced with U+FFFD") }
        return converted.bytes
    }

    /// XML 1.0 forbids C0 controls other than tab, LF and CR; drop them so libxml2 never stops on them.
    private static func stripForbiddenControls(_ bytes: inout [UInt8]) {
        guard bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return }
        bytes.removeAll { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
