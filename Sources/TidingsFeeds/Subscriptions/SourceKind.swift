/// Which subscription sources Tidings can follow; anything else is reported, not guessed at.
enum SourceKind {
    /// Nil when `source` is acceptable, else why not.
    static func problem(with source: String) -> String? {
        if source.isEmpty { return "the source is empty" }
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return source.utf8.count > lower.prefix(8).utf8.count ? nil : "the URL has no host"
        }
        if source.hasPrefix("exec:") {
            return source.dropFirst(5).allSatisfy(\.isWhitespace) ? "exec: has no command" : nil
        }
        if lower.hasPrefix("file://") || source.hasPrefix("/") || source.hasPrefix("~/")
            || source.hasPrefix("./") || source.hasPrefix("../") {
            return nil
        }
        return "not an http(s) URL, a local path, exec:, filter: or query:"
    }

    /// Splits newsboat's `filter:SCRIPT:URL` at the first colon after the prefix, as newsboat does.
    static func splitFilter(_ token: String) -> (script: String, url: String)? {
        let rest = token.dropFirst("filter:".count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let script = String(rest[..<colon]), url = String(rest[rest.index(after: colon)...])
        guard !script.isEmpty, !url.isEmpty else { return nil }
        return (script, url)
    }
}
