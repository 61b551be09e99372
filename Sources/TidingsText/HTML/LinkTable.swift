import Foundation

/// Numbers link targets as footnotes: one number per distinct URL, in order of first use.
struct LinkTable {
    private(set) var urls: [String] = []
    private var indexByURL: [String: Int] = [:]
    private let base: URL?
    /// Articles repeat the same hrefs; URL parsing is the costly part of reading a link.
    private var resolved: [String: String?] = [:]

    /// Longest URL kept; a longer one is hostile or broken and is not offered as a link.
    static let maxURLLength = 8192

    init(baseURL: String?) {
        base = baseURL.flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The footnote index (0-based) for `url`, adding it when new.
    mutating func index(of url: String) -> Int {
        if let i = indexByURL[url] { return i }
        urls.append(url)
        indexByURL[url] = urls.count - 1
        return urls.count - 1
    }

    /// Resolves an href to an absolute http, https or mailto URL, or nil when it cannot be offered.
    /// Fragment-only hrefs point inside the article itself and are not worth a footnote.
    mutating func resolve(_ href: String) -> String? {
        if let known = resolved[href] { return known }
        let result = resolveUncached(href)
        if resolved.count < 10_000 { resolved[href] = result }
        return result
    }

    private func resolveUncached(_ href: String) -> String? {
        // Browsers strip surrounding whitespace and controls, and percent-encode inner spaces.
        let trimmed = TerminalSafe.sanitize(href).trimmingCharacters(in: .whitespaces)
        var raw = trimmed.replacingOccurrences(of: " ", with: "%20")
        guard !raw.isEmpty, raw.utf8.count <= Self.maxURLLength, !raw.hasPrefix("#") else { return nil }
        if raw.hasPrefix("//") && base == nil { raw = "https:" + raw }
        let url: URL?
        if let base { url = URL(string: raw, relativeTo: base) } else { url = URL(string: raw) }
        guard let absolute = url?.absoluteURL, let scheme = absolute.scheme?.lowercased(),
              ["http", "https", "mailto"].contains(scheme) else { return nil }
        if scheme != "mailto" && (absolute.host ?? "").isEmpty { return nil }
        let text = absolute.absoluteString
        return text.utf8.count <= Self.maxURLLength ? text : nil
    }
}
