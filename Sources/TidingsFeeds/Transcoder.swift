import Foundation
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
        var bytes: [UInt8]
        var encoding: String
        var warnings: [String]
    }

    static func toUTF8(_ data: Data, hint: String?, sniffDeclaration: Bool = true) -> Result {
        let raw = [UInt8](data)
        var warnings: [String] = []
        var body = raw[...]
        var encoding: String
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { encoding = "UTF-8"; body = raw.dropFirst(3) }
        else if raw.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { encoding = "UTF-32BE"; body = raw.dropFirst(4) }
        else if raw.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { encoding = "UTF-32LE"; body = raw.dropFirst(4) }
        else if raw.starts(with: [0xFF, 0xFE]) { encoding = "UTF-16LE"; body = raw.dropFirst(2) }
        else if raw.starts(with: [0xFE, 0xFF]) { encoding = "UTF-16BE"; body = raw.dropFirst(2) }
        else if raw.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { encoding = "UTF-16LE" }
        else if raw.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { encoding = "UTF-16BE" }
        else if let h = hint.map(normalise), !h.isEmpty { encoding = h }
        else if sniffDeclaration, let d = declaredEncoding(raw) { encoding = normalise(d) }
        else { encoding = "UTF-8" }

        var out: [UInt8]
        switch encoding {
        case "UTF-8":
            out = repairUTF8(body, warnings: &warnings)
        case "WINDOWS-1252":
            out = decode1252(body)
        default:
            if let converted = iconvToUTF8(body, from: encoding, warnings: &warnings) {
                out = converted
            } else {
                warnings.append("unknown encoding \"\(encoding)\"; read as UTF-8")
                encoding = "UTF-8"
                out = repairUTF8(body, warnings: &warnings)
            }
        }
        stripForbiddenControls(&out)
        return Result(bytes: out, encoding: encoding, warnings: warnings)
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
        if String(validating: bytes, as: UTF8.self) != nil { return Array(bytes) }
        warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// Windows-1252's printable characters in 0x80...0x9F (nil where the code page has none).
    static let cp1252High: [Character?] = [
        "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
        nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
    ]

    private static func decode1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var s = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80, b <= 0x9F {
                if let c = cp1252High[Int(b - 0x80)] { s.append(contentsOf: c.unicodeScalars) }
                else { s.append("\u{FFFD}") }
            } else {
                s.append(Unicode.Scalar(b))
            }
        }
        return Array(String(s).utf8)
    }

    private static func iconvToUTF8(_ bytes: ArraySlice<UInt8>, from encoding: String, warnings: inout [String]) -> [UInt8]? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 2)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var replaced = false
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                let (status, err, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, errno, outBuf.count - outLeft)
                }
                out.append(contentsOf: chunk[0..<produced])
                if status == -1 {
                    if err == E2BIG { continue }
                    // EILSEQ or a truncated sequence: replace one byte and carry on.
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced = true
                    inPtr = inPtr?.advanced(by: 1)
                    inLeft -= 1
                }
            }
        }
        if replaced { warnings.append("bytes invalid in \(encoding) replaced with U+FFFD") }
        return out
    }

    /// XML 1.0 forbids C0 controls other than tab, LF and CR; drop them so libxml2 never stops on them.
    private static func stripForbiddenControls(_ bytes: inout [UInt8]) {
        guard bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return }
        bytes.removeAll { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}
