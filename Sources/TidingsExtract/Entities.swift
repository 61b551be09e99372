/// Decodes the character references a metadata value may still carry (`&amp;`, `&#39;`, `&#x2014;`).
/// Attribute values come decoded from libxml2; JSON-LD strings and doubly-escaped tags do not.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let body = s[s.index(after: i)..<semi]
                if let v = value(body) {
                    out += v
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }

    private static func value(_ body: Substring) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(scalar)
        }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(scalar) }
        return named[String(body)]
    }

    private static func scalar(_ v: UInt32) -> String? {
        guard v != 0, let u = Unicode.Scalar(v) else { return "\u{FFFD}" }
        return String(Character(u))
    }
}
