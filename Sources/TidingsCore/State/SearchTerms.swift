import Foundation

/// The plain words of a search query, for highlighting: filters, operators, quotes and excluded
/// terms (`-word`, `NOT word`, `-"a phrase"`) removed; the results do not contain the latter.
public enum SearchTerms {
    static let operators: Set<String> = ["and", "or", "not", "near", "unread", "starred", "read"]

    public static func words(in query: String) -> [String] {
        let query = NewsboatQuery.translate(query) ?? query
        var out: [String] = []
        var negateNext = false
        for (token, quoted) in tokens(query) {
            var text = token
            var negated = negateNext
            negateNext = false
            if !quoted, text == "NOT" { negateNext = true; continue }
            if text.hasPrefix("-") { negated = true; text.removeFirst() }
            if negated { continue }
            for raw in text.split(separator: " ") {
                var word = String(raw)
                if !quoted, let colon = word.firstIndex(of: ":") {
                    let field = word[..<colon].lowercased()
                    // title:/author: keep their word (it is in the text); feed:/tag: filter without matching body text.
                    guard field == "title" || field == "author" else { continue }
                    word = String(word[word.index(after: colon)...])
                }
                word = word.trimmingCharacters(in: CharacterSet(charactersIn: "*()-+:;,.!?'"))
                if word.isEmpty || (!quoted && operators.contains(word.lowercased())) { continue }
                if !out.contains(where: { $0.lowercased() == word.lowercased() }) { out.append(word) }
            }
        }
        return out
    }

    /// Space-separated tokens; a quoted phrase (with an optional leading `-`) is one token.
    private static func tokens(_ query: String) -> [(String, quoted: Bool)] {
        var result: [(String, quoted: Bool)] = []
        var current = ""
        var inQuote = false
        var quoted = false
        func flush() {
            if !current.isEmpty { result.append((current, quoted)) }
            current = ""; quoted = false
        }
        for c in query {
            if c == "\"" {
                if inQuote { inQuote = false; flush() } else { inQuote = true; quoted = true }
            } else if c.isWhitespace && !inQuote {
                flush()
            } else {
                current.append(c)
            }
        }
        flush()
        return result
    }
}
