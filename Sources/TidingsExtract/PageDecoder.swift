import Foundation
import TidingsText
#if canImport(Glibc)
import Glibc
#endif

/// Turns a page's bytes into UTF-8 for libxml2, which is then told "UTF-8" and nothing else.
///
/// Which encoding wins: the HTTP charset, then a byte-order mark, then `<meta charset>` or
/// `http-equiv` in the first bytes, then UTF-8. A meta tag is only believed when the bytes are not
/// already valid UTF-8 with multibyte text: templates copied between sites keep stale charsets
/// (a page that says gb2312 over UTF-8 text), and no legacy text is valid UTF-8 by chance.
enum PageDecoder {
    struct Decoded {
        var bytes: [UInt8]
        /// The encoding the bytes were read as, upper case.
        var encoding: String
    }

    /// How far into the page a `<meta charset>` is looked for (the HTML spec says 1024; pages are sloppier).
    static let sniffLength = 4096

    static func decode(_ data: [UInt8], httpCharset: String?) -> Decoded {
        if let http = httpCharset.map(label).flatMap(canonical), !http.isEmpty {
            var body = ArraySlice(data)
            // A BOM of the same family is still skipped.
            if http == "UTF-8", data.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if let out = convert(body, from: http) { return Decoded(bytes: out, encoding: http) }
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(bytes: repairUTF8(data.dropFirst(3)), encoding: "UTF-8")
        }
        if data.starts(with: [0xFF, 0xFE]), let out = convert(data.dropFirst(2), from: "UTF-16LE") {
            return Decoded(bytes: out, encoding: "UTF-16LE")
        }
        if data.starts(with: [0xFE, 0xFF]), let out = convert(data.dropFirst(2), from: "UTF-16BE") {
            return Decoded(bytes: out, encoding: "UTF-16BE")
        }
        let isUTF8 = String(validating: data, as: UTF8.self) != nil
        if !isUTF8 || !data.contains(where: { $0 >= 0x80 }) {
            if let meta = metaCharset(data).flatMap(canonical), meta != "UTF-8",
               !meta.hasPrefix("UTF-16"), !meta.hasPrefix("UTF-32"),
               let out = convert(ArraySlice(data), from: meta) {
                return Decoded(bytes: out, encoding: meta)
            }
        }
        return Decoded(bytes: isUTF8 ? data : repairUTF8(ArraySlice(data)), encoding: "UTF-8")
    }

    /// The charset parameter of a Content-Type value, or the value itself when it is a bare name.
    static func label(_ header: String) -> String {
        guard let r = header.range(of: "charset=", options: .caseInsensitive) else {
            return header.contains("/") ? "" : header
        }
        return String(header[r.upperBound...].prefix { $0 != ";" && $0 != " " })
    }

    /// Upper-case canonical name; Latin-1 and ASCII labels read as their supersets, as browsers do.
    static func canonical(_ name: String) -> String? {
        let n = name.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .uppercased()
        guard !n.isEmpty, n.count < 40, n.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else {
            return nil
        }
        switch n {
        case "UTF8", "UTF-8", "US-ASCII", "ASCII", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "CP1252", "WINDOWS-1252", "X-CP1252": return "WINDOWS-1252"
        case "GB2312", "GBK", "X-GBK": return "GB18030"
        case "SHIFT-JIS", "SJIS", "X-SJIS": return "SHIFT_JIS"
        case "UTF-16", "UTF16": return "UTF-16LE"
        default: return n
        }
    }

    /// `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">` near the top.
    static func metaCharset(_ data: [UInt8]) -> String? {
        let head = String(decoding: data.prefix(sniffLength).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var search = head.startIndex
        while let meta = head.range(of: "<meta", range: search..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let r = tag.range(of: "charset") {
                var rest = tag[r.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { !" \"';/>".contains($0) }
                    if !value.isEmpty { return String(value) }
                }
            }
            search = tagEnd
        }
        return nil
    }

    static func repairUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// Converts to UTF-8 with iconv; invalid bytes become U+FFFD. Nil when iconv does not know the encoding.
    static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String) -> [UInt8]? {
        if encoding == "UTF-8" { return repairUTF8(bytes) }
        if encoding == "WINDOWS-1252" { return windows1252(bytes) }
        return Iconv.toUTF8(bytes, from: encoding)?.bytes
    }

    /// Windows-1252's printable characters in 0x80...0x9F.
    private static let cp1252High: [Unicode.Scalar] = [
        "€", "\u{FFFD}", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "\u{FFFD}", "Ž", "\u{FFFD}",
        "\u{FFFD}", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "\u{FFFD}", "ž", "Ÿ",
    ]

    private static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var s = String.UnicodeScalarView()
        for b in bytes {
            s.append(b >= 0x80 && b <= 0x9F ? cp1252High[Int(b - 0x80)] : Unicode.Scalar(b))
        }
        return Array(String(s).utf8)
    }
}
