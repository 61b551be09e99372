import Foundation
import TidingsCore

/// A search as the user typed it, translated into a safe FTS5 MATCH expression plus filters.
///
/// Syntax: `word` (every word must match), `"a phrase"`, `prefix*`, `title:WORD`,
/// `author:WORD` (also `title:"a phrase"`, `title:pre*`), `feed:NAME` (feed title contains),
/// `tag:NAME` (feed tag), `newer:DAYS` and `older:DAYS` (by date), and the bare keywords `unread` and `starred` (quote them, `"unread"`,
/// to search for the word). `-term` or `NOT term` excludes (any of the above, so `-tag:news`
/// and `-unread` work too); `a OR b` between two text terms matches either, binding tighter
/// than the implicit AND (`x a OR b` is x and either a or b); an `AND` between terms changes
/// nothing. Parentheses do not group. Filters ignore case and accents. Every term reaches FTS5
/// as a quoted string, so other operators (`NEAR(`), colons, parentheses, quotes and control
/// characters typed by the user are plain text or separators; a term with nothing searchable
/// in it is dropped, as is an operator with nothing to work on. Text in newsboat's filter
/// language (`unread = "yes" and tags # "news"`) is translated first (see `NewsboatQuery`).
struct SearchQuery: Equatable {
    /// The FTS5 expression that must match (exclusions folded in with `NOT`), or nil when the
    /// query has no required text terms.
    var match: String?
    /// The FTS5 expression that must not match, set only when there is no `match` (a query of
    /// exclusions only, such as `-ferry`, which FTS5 cannot answer by itself).
    var excluded: String?
    /// `feed:` values; a feed must match all of them.
    var feedNames: [String] = []
    /// `tag:` values; a feed must carry all of them.
    var tags: [String] = []
    /// `-feed:` values; a feed must match none of them.
    var excludedFeedNames: [String] = []
    /// `-tag:` values; a feed must carry none of them.
    var excludedTags: [String] = []
    /// `unread` (true) or `-unread` (false); nil when not asked.
    var unread: Bool?
    /// `starred` (true) or `-starred` (false); nil when not asked.
    var starred: Bool?
    /// `newer:N`: dated within the last N days.
    var newerThanDays: Int?
    /// `older:N`: dated more than N days ago.
    var olderThanDays: Int?
    /// True when a prefix term ends in a word of one or two characters (`a*`, `"ferry t"*`).
    /// FTS5 answers a prefix by merging the posting list of every word that starts with it,
    /// whatever the LIMIT, so such a query is answered from the newest articles instead
    /// (see `SearchWindow`).
    var hasShortPrefix = false

    /// True when nothing usable was typed (empty, or only punctuation).
    var isEmpty: Bool {
        match == nil && excluded == nil && feedNames.isEmpty && tags.isEmpty && excludedFeedNames.isEmpty
            && excludedTags.isEmpty && unread == nil && starred == nil && newerThanDays == nil && olderThanDays == nil
    }

    /// Longest query looked at; the rest is ignored so a pasted novel cannot build a huge expression.
    static let maxLength = 1_000

    init(_ text: String) {
        // Saved searches imported from newsboat's `query:` lines are in its filter language.
        let text = NewsboatQuery.translate(text) ?? text
        let tokens = Self.tokens(Self.withoutControlCharacters(Self.cut(text)))
        // Operator words are words when the query holds nothing else ("AND" searches for "and").
        let hasOperands = tokens.contains { $0.operatorWord == nil }
        var groups: [[String]] = []   // each group: alternatives joined by OR
        var negatives: [String] = []
        var negateNext = false
        var joinNext = false          // an OR is waiting for its right-hand term
        var lastWasText = false       // the previous token was a required text term
        for var token in tokens {
            if hasOperands, let word = token.operatorWord {
                switch word {
                case "NOT": negateNext = true
                case "OR": joinNext = lastWasText
                default: joinNext = false
                }
                continue
            }
            if negateNext { token.negated = true }
            negateNext = false
            let join = joinNext
            joinNext = false
            lastWasText = false
            switch token.field {
            case "feed":
                if !token.value.isEmpty {
                    if token.negated { excludedFeedNames.append(token.value) } else { feedNames.append(token.value) }
                }
            case "tag":
                if !token.value.isEmpty {
                    if token.negated { excludedTags.append(token.value) } else { tags.append(token.value) }
                }
            case "newer", "older":
                if let days = Int(token.value), days >= 0 {
                    // -newer:7 means older than 7 days, and the other way round.
                    if (token.field == "newer") != token.negated { newerThanDays = days } else { olderThanDays = days }
                }
            default:
                if token.field == nil && !token.quoted && token.value.lowercased() == "unread" {
                    unread = !token.negated
                } else if token.field == nil && !token.quoted && token.value.lowercased() == "starred" {
                    starred = !token.negated
                } else if var term = Self.term(token.value, prefix: token.prefix) {
                    if token.prefix && Self.endsInShortWord(token.value) { hasShortPrefix = true }
                    if let field = token.field { term = "\(field) : \(term)" }
                    if token.negated {
                        negatives.append(term)
                    } else if join, !groups.isEmpty {
                        groups[groups.count - 1].append(term)
                        lastWasText = true
                    } else {
                        groups.append([term])
                        lastWasText = true
                    }
                }
            }
        }
        let required = groups.map { $0.count == 1 ? $0[0] : "(" + $0.joined(separator: " OR ") + ")" }
            .joined(separator: " AND ")
        let negative = negatives.joined(separator: " OR ")
        if required.isEmpty {
            match = nil
            excluded = negative.isEmpty ? nil : negative
        } else {
            match = negative.isEmpty ? required : "(" + required + ") NOT (" + negative + ")"
        }
    }

    /// The first `maxLength` characters, ending between words when the text is longer, so the
    /// last word is not searched for as a fragment of itself.
    private static func cut(_ text: String) -> String {
        guard text.count > maxLength else { return text }
        var head = text.prefix(maxLength)
        if !text[head.endIndex].isWhitespace, let space = head.lastIndex(where: \.isWhitespace) {
            head = head[..<space]
        }
        return String(head)
    }

    private struct Token {
        var field: String?
        var value: String
        var quoted: Bool
        var prefix: Bool
        var negated: Bool

        /// `AND`, `OR` or `NOT` when this token is one of them, typed bare and in capitals.
        var operatorWord: String? {
            guard field == nil, !quoted, !prefix, !negated, ["AND", "OR", "NOT"].contains(value) else { return nil }
            return value
        }
    }

    private static let fields: Set<String> = ["title", "author", "feed", "tag", "newer", "older"]

    /// Control characters (NUL included, which would end FTS5's reading of the expression
    /// inside a quoted string) become spaces.
    private static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(scalars)
    }

    /// Splits on spaces outside double quotes; an unclosed quote runs to the end. A leading `-`
    /// negates the token.
    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace {
                i += 1
                continue
            }
            let negated = chars[i] == "-" && i + 1 < chars.count && !chars[i + 1].isWhitespace
            if negated { i += 1 }
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
                result.append(Token(field: field, value: phrase, quoted: true, prefix: prefix, negated: negated))
                continue
            }
            let prefix = word.hasSuffix("*")
            result.append(Token(field: field, value: word, quoted: false, prefix: prefix, negated: negated))
        }
        return result
    }

    /// True when the last searchable word of a term has at most two characters.
    private static func endsInShortWord(_ value: String) -> Bool {
        let words = SearchText.spacingCJK(value.replacingOccurrences(of: "*", with: " ")).split {
            !($0.isLetter || $0.isNumber || $0.unicodeScalars.contains { $0.properties.generalCategory == .privateUse })
        }
        return (words.last?.count ?? 0) <= 2
    }

    /// One quoted FTS5 string (CJK spaced as in the index), or nil when nothing in it is searchable.
    private static func term(_ value: String, prefix: Bool) -> String? {
        var value = Substring(value)
        while prefix && value.hasSuffix("*") { value = value.dropLast() }
        let text = SearchText.spacingCJK(value.replacingOccurrences(of: "*", with: " "))
        guard text.unicodeScalars.contains(where: {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0.properties.generalCategory == .privateUse
        }) else {
            return nil
        }
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return prefix ? quoted + " *" : quoted
    }
}
