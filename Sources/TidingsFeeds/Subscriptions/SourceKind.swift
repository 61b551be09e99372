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

    /// Splits newsboat's `query:Name:expression` at the first colon after the name; the expression
    /// keeps any further colons (`age between 0:7`). Nil when the name or the expression is empty.
    static func splitQuery(_ token: String) -> SavedQuery? {
        let body = token.dropFirst("query:".count)
        guard let colon = body.firstIndex(of: ":"), colon > body.startIndex else { return nil }
        let name = String(body[..<colon]), expression = String(body[body.index(after: colon)...])
        guard !expression.allSatisfy(\.isWhitespace) else { return nil }
        return SavedQuery(name: name, query: expression)
    }
}
