/// The `<meta>` values that carry article metadata, keyed by a normalised name such as
/// `og:title`, `dc:creator`, `article:published_time`, `author` or `parsely-pub-date`.
/// A later tag with the same key wins, as in a browser's reader view.
struct MetaTags {
    private(set) var values: [String: String] = [:]

    /// Prefixes and fields read from `property="…"` (which may list several, space-separated).
    private static let propertyPrefixes = ["article", "dc", "dcterm", "og", "twitter"]
    private static let propertyFields = ["author", "creator", "description", "published_time", "title", "site_name"]
    /// Prefixes and fields read from `name="…"`.
    private static let namePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]
    private static let nameFields = ["author", "creator", "pub-date", "description", "title", "site_name"]

    init(document: Node) {
        for meta in document.descendants(named: ["meta"]) {
            guard let content = meta.attribute("content")?.trimmingSpaces, !content.isEmpty else { continue }
            if let property = meta.attribute("property"), let key = Self.propertyKey(property) {
                values[key] = content
            } else if let name = meta.attribute("name"), let key = Self.nameKey(name) {
                values[key] = content
            }
        }
    }

    subscript(_ key: String) -> String? { values[key] }

    /// The first `prefix:field` among space-separated property tokens (`"dc:title og:title"` gives
    /// `dc:title`); a longer token such as `og:article:author` counts as the pair it contains.
    static func propertyKey(_ raw: String) -> String? {
        let compact = raw.lowercased()
        for token in compact.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let parts = token.split(separator: ":").map(String.init)
            guard parts.count >= 2 else { continue }
            for i in 0..<(parts.count - 1) where propertyPrefixes.contains(parts[i]) && propertyFields.contains(parts[i + 1]) {
                return parts[i] + ":" + parts[i + 1]
            }
        }
        return nil
    }

    /// `author`, `dc.creator`, `twitter:title`, `parsely-pub-date`, … normalised (`.` becomes `:`).
    static func nameKey(_ raw: String) -> String? {
        let name = String(raw.lowercased().filter { !$0.isWhitespace }).replacingOccurrences(of: ".", with: ":")
        if nameFields.contains(name) { return name }
        for prefix in namePrefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let sep = rest.first, sep == ":" || sep == "-" else { continue }
            if nameFields.contains(String(rest.dropFirst())) { return name }
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !TextMeasure.isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !TextMeasure.isSpace($0) })!
        return String(scalars[start...end])
    }
}
