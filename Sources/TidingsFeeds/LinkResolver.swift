import Foundation

/// Resolves possibly relative references against xml:base or the document URL.
enum LinkResolver {
    static func resolve(_ ref: String, against base: URL?) -> String {
        let trimmed = ref.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return trimmed }
        if let u = URL(string: trimmed), u.scheme != nil { return trimmed }
        guard let base, let u = URL(string: trimmed, relativeTo: base) ?? encoded(trimmed, base) else { return trimmed }
        return u.absoluteString
    }

    static func baseURL(_ ref: String, against base: URL?) -> URL? {
        let s = resolve(ref, against: base)
        return URL(string: s) ?? base
    }

    private static func encoded(_ s: String, _ base: URL) -> URL? {
        guard let e = s.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(.urlPathAllowed)) else { return nil }
        return URL(string: e, relativeTo: base)
    }

    /// Resolves relative `href` and `src` attribute values inside escaped HTML against `base`, so a
    /// body's links and images work outside the feed. Absolute, fragment-only and scheme URLs stay.
    static func resolveInHTML(_ html: String, against base: URL?) -> String {
        guard let base else { return html }
        let b = Array(html.utf8)
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        while i + 5 < b.count {
            // Find `href=` or `src=` preceded by whitespace, then a quote.
            guard b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A else { i += 1; continue }
            var j = i + 1
            if lower(b, j, "href") { j += 4 } else if lower(b, j, "src") { j += 3 } else { i += 1; continue }
            guard j + 1 < b.count, b[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            let quote = b[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { i = j; continue }
            let start = j + 1
            guard let end = b[start...].firstIndex(of: quote) else { break }
            let value = String(decoding: b[start..<end], as: UTF8.self)
            if isRelative(value) {
                let resolved = resolve(PlainText.decodeEntities(value), against: base)
                if out.isEmpty { out.reserveCapacity(b.count + 256) }
                out += b[copied..<start]
                out += Array(PlainText.escape(resolved).utf8)
                copied = end
            }
            i = end + 1
        }
        guard copied > 0 else { return html }
        out += b[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func lower(_ b: [UInt8], _ at: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= b.count else { return false }
        return word.withUTF8Buffer { w in (0..<n).allSatisfy { b[at + $0] | 0x20 == w[$0] } }
    }

    private static func isRelative(_ v: String) -> Bool {
        let t = v.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.hasPrefix("#") else { return false }
        // A scheme is letters, digits, + - . before the first colon, and no slash before it.
        if let colon = t.firstIndex(of: ":") {
            let scheme = t[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) { return false }
        }
        return true
    }
}
