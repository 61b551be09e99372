import Foundation

/// The plain words of a search query, for highlighting: filters, operators and quotes removed.
public enum SearchTerms {
    static let operators: Set<String> = ["and", "or", "not", "near", "unread", "starred", "read"]

    public static func words(in query: String) -> [String] {
        var out: [String] = []
        for raw in query.split(whereSeparator: { $0 == " " || $0 == "\"" }) {
            var word = String(raw)
            if let colon = word.firstIndex(of: ":") {
                let field = word[..<colon].lowercased()
                // title:/author: keep their word (it is in the text); feed:/tag: filter without matching body text.
                guard field == "title" || field == "author" else { continue }
                word = String(word[word.index(after: colon)...])
            }
            word = word.trimmingCharacters(in: CharacterSet(charactersIn: "*()-+"))
            if word.isEmpty || operators.contains(word.lowercased()) { continue }
            if !out.contains(where: { $0.lowercased() == word.lowercased() }) { out.append(word) }
        }
        return out
    }
}
