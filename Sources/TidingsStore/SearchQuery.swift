/// A search as the user typed it, translated into a safe FTS5 MATCH expression plus filters.
///
/// Syntax: `word` (every word must match), `"a phrase"`, `prefix*`, `title:WORD`,
/// `author:WORD` (also `title:"a phrase"`, `title:pre*`), `feed:NAME` (feed title contains,
/// any case), `tag:NAME` (feed tag, any case), and the bare keywords `unread` and `starred`
/// (quote them, `"unread"`, to search for the word). Every term reaches FTS5 as a quoted
/// string, so operators (`AND`, `OR`, `NOT`, `NEAR(`), colons, parentheses and quotes typed
/// by the user are plain text; a term with no letter or digit is dropped.
struct SearchQuery: Equatable {
    /// The FTS5 expression, or nil when the query has no text terms (filters only).
    var match: String?
    /// `feed:` values; a feed must match all of them.
    var feedNames: [String] = []
    /// `tag:` values; a feed must carry all of them.
    var tags: [String] = []
    var unreadOnly = false
    var starredOnly = false

    /// True when nothing usable was typed (empty, or only punctuation).
    var isEmpty: Bool { match == nil && feedNames.isEmpty && tags.isEmpty && !unreadOnly && !starredOnly }

    /// Longest query looked at; the rest is ignored so a pasted novel cannot build a huge expression.
    static let maxLength = 1_000

    init(_ text: String) {
        var terms: [String] = []
        for token in Self.tokens(String(text.prefix(Self.maxLength))) {
            switch token.field {
            case "feed":
                if !token.value.isEmpty { feedNames.append(token.value) }
            case "tag":
                if !token.value.isEmpty { tags.append(token.value) }
            case "title", "author":
                if let term = Self.term(token.value, prefix: token.prefix) { terms.append("\(token.field!) : \(term)") }
            default:
                if !token.quoted && token.value.lowercased() == "unread" {
                    unreadOnly = true
                } else if !token.quoted && token.value.lowercased() == "starred" {
                    starredOnly = true
                } else if let term = Self.term(token.value, prefix: token.prefix) {
                    terms.append(term)
                }
            }
        }
        match = terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }

    private struct Token {
        var field: String?
        var value: String
        var quoted: Bool
        var prefix: Bool
    }

    private static let fields: Set<String> = ["title", "author", "feed", "tag"]

    /// Splits on spaces outside double quotes; an unclosed quote runs to the end.
    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace {
                i += 1
                continue
            }
            var field: String?
            var word = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "\"" {
                word.append(chars[i])
                i += 1
                if word.hasSuffix(":"), field == nil, fields.contains(String(word.dropLast()).lowercased()) {
                    field = String(word.dropLast()).lowercased()
                    word = ""
                }
            }
            if word.isEmpty, i < chars.count, chars[i] == "\"" {
                i += 1
                var phrase = ""
                while i < chars.count, chars[i] != "\"" {
                    phrase.append(chars[i])
                    i += 1
                }
                i += 1
                let prefix = i < chars.count && chars[i] == "*"
                if prefix { i += 1 }
                result.append(Token(field: field, value: phrase, quoted: true, prefix: prefix))
                continue
            }
            let prefix = word.hasSuffix("*")
            result.append(Token(field: field, value: word, quoted: false, prefix: prefix))
        }
        return result
    }

    /// One quoted FTS5 string (CJK spaced as in the index), or nil when nothing in it is searchable.
    private static func term(_ value: String, prefix: Bool) -> String? {
        var value = Substring(value)
        while prefix && value.hasSuffix("*") { value = value.dropLast() }
        let text = SearchText.spacingCJK(value.replacingOccurrences(of: "*", with: " "))
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            return nil
        }
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return prefix ? quoted + " *" : quoted
    }
}
