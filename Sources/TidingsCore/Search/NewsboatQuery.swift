import Foundation

/// Reads newsboat's filter language (what `query:Name:expression` lines in a urls file hold, such
/// as `unread = "yes" and tags # "news"`) as a Tidings search: `unread`, `title:`, `author:`,
/// `feed:`, `tag:`, `starred`, `newer:`/`older:` and plain words. Attributes with no counterpart
/// (`rssurl`, `link`, `guid`…) are left out, so such a search matches more, never less.
public enum NewsboatQuery {
    /// The Tidings query for a newsboat expression, or nil when `text` is not one.
    public static func translate(_ text: String) -> String? {
        guard looksLikeFilter(text) else { return nil }
        var parser = Parser(tokens: tokenize(text))
        return parser.expression().joined(separator: " ")
    }

    /// An attribute and a comparison operator at the start: no Tidings query begins that way.
    static func looksLikeFilter(_ text: String) -> Bool {
        let tokens = tokenize(String(text.prefix(200)))
        var i = 0
        while i < tokens.count, tokens[i] == .open { i += 1 }
        guard i + 1 < tokens.count, case .word(let attribute) = tokens[i], case .op = tokens[i + 1] else { return false }
        return attributes.contains(attribute.lowercased())
    }

    private static let attributes: Set<String> = [
        "unread", "title", "author", "content", "description", "feedtitle", "tags", "flags", "age", "rssurl",
        "link", "guid", "feedlink", "date", "enclosure_url", "enclosure_type", "feedindex", "articleindex", "feeddate",
    ]

    enum Token: Equatable {
        case word(String), string(String), op(String), open, close
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        let opChars: Set<Character> = ["=", "!", "~", "#", "<", ">"]
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append(.open); i += 1; continue }
            if c == ")" { tokens.append(.close); i += 1; continue }
            if c == "\"" {
                var value = ""
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
                i += 1
                tokens.append(.string(value))
                continue
            }
            if opChars.contains(c) {
                var op = ""
                while i < chars.count, opChars.contains(chars[i]) { op.append(chars[i]); i += 1 }
                tokens.append(.op(op))
                continue
            }
            var word = ""
            while i < chars.count, !chars[i].isWhitespace, !"()\"".contains(chars[i]), !opChars.contains(chars[i]) {
                word.append(chars[i])
                i += 1
            }
            tokens.append(word.lowercased() == "between" ? .op("between") : .word(word))
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        var position = 0

        init(tokens: [Token]) { self.tokens = tokens }

        /// Comparisons joined by `and` (kept as they are: Tidings ANDs terms) and `or` (joined
        /// with OR, which Tidings applies between text terms).
        mutating func expression() -> [String] {
            var out = term()
            while position < tokens.count, case .word(let w) = tokens[position], ["and", "or"].contains(w.lowercased()) {
                position += 1
                let right = term()
                if w.lowercased() == "or", !out.isEmpty, !right.isEmpty {
                    out += ["OR"] + right
                } else {
                    out += right
                }
            }
            return out
        }

        private mutating func term() -> [String] {
            guard position < tokens.count else { return [] }
            if tokens[position] == .open {
                position += 1
                let inner = expression()
                if position < tokens.count, tokens[position] == .close { position += 1 }
                return inner
            }
            guard case .word(let attribute) = tokens[position] else { position += 1; return [] }
            position += 1
            guard position < tokens.count, case .op(let op) = tokens[position] else { return [] }
            position += 1
            guard position < tokens.count else { return [] }
            let value: String
            switch tokens[position] {
            case .string(let s), .word(let s): value = s
            default: return []
            }
            position += 1
            return NewsboatQuery.comparison(attribute.lowercased(), op, value)
        }
    }

    /// One `attribute op value` as Tidings terms.
    static func comparison(_ attribute: String, _ op: String, _ value: String) -> [String] {
        let negative = op.hasPrefix("!")
        let sign = negative ? "-" : ""
        switch attribute {
        case "unread":
            let yes = value.lowercased() == "yes"
            return [(yes != negative) ? "unread" : "-unread"]
        case "flags":
            return [sign + "starred"]
        case "title", "author":
            return text(value).map { [sign + attribute + ":" + $0] } ?? []
        case "content", "description":
            return text(value).map { [sign + $0] } ?? []
        case "feedtitle":
            return text(value).map { [sign + "feed:" + $0] } ?? []
        case "tags":
            return value.isEmpty ? [] : [sign + "tag:" + quoted(value)]
        case "age":
            return age(op, value)
        default:
            return []
        }
    }

    /// The words of a value (regular-expression syntax dropped), one word bare, several as a phrase.
    private static func text(_ value: String) -> String? {
        let words = value.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }.map(String.init)
        guard !words.isEmpty else { return nil }
        return words.count == 1 ? words[0] : quoted(words.joined(separator: " "))
    }

    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "") + "\""
    }

    /// `age < 7` (days) is newer:7; `age > 30` is older:30; `age between 1:7` is both.
    private static func age(_ op: String, _ value: String) -> [String] {
        if op == "between" {
            let parts = value.split(separator: ":").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2 else { return [] }
            return ["older:\(min(parts[0], parts[1]))", "newer:\(max(parts[0], parts[1]))"]
        }
        guard let days = Int(value.trimmingCharacters(in: .whitespaces)) else { return [] }
        switch op {
        case "<", "<=": return ["newer:\(days)"]
        case ">", ">=": return ["older:\(days)"]
        default: return []
        }
    }
}
