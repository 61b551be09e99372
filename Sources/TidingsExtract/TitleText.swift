/// The article title from the page's `<title>`: the site name cut off, falling back to a lone `<h1>`.
enum TitleText {
    /// Separators between an article title and a site name ("Story | Site", "Site » Section").
    static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    static let hierarchical: Set<Character> = ["\\", "/", ">", "»"]

    static func fromDocument(_ document: Node) -> String {
        let original = (document.first(named: "title")?.innerText ?? "")
        var title = original
        var hadHierarchy = false
        let chars = Array(original)
        // Positions of " X " where X is a separator.
        var seps: [Int] = []
        if chars.count >= 3 {
            for i in 1..<(chars.count - 1) where separators.contains(chars[i]) && chars[i - 1] == " " && chars[i + 1] == " " {
                seps.append(i)
            }
        }
        if let last = seps.last {
            hadHierarchy = seps.contains { hierarchical.contains(chars[$0]) }
            title = String(chars[..<(last - 1)])
            if wordCount(title) < 3 {
                // "Site | A short title": take what follows the first separator.
                if let first = chars.firstIndex(where: { separators.contains($0) }) {
                    title = String(chars[(first + 1)...])
                }
            }
        } else if original.contains(": ") {
            let headings = document.descendants(named: ["h1", "h2"]).map { $0.textContent.trimmingSpaces }
            if !headings.contains(original.trimmingSpaces) {
                let lastColon = chars.lastIndex(of: ":")!
                let firstColon = chars.firstIndex(of: ":")!
                title = String(chars[(lastColon + 1)...])
                if wordCount(title) < 3 {
                    title = String(chars[(firstColon + 1)...])
                } else if wordCount(String(chars[..<firstColon])) > 5 {
                    title = original
                }
            }
        } else if original.count > 150 || original.count < 15 {
            let h1s = document.descendants(named: ["h1"])
            if h1s.count == 1 { title = h1s[0].innerText }
        }
        title = TextMeasure.normalize(title)
        let words = wordCount(title)
        let originalWords = wordCount(String(original.filter { !separators.contains($0) }))
        if words <= 4 && (!hadHierarchy || words != originalWords - 1) {
            title = original
        }
        return title
    }

    /// Pieces between whitespace runs, empty ends included (" a b" has three).
    static func wordCount(_ s: String) -> Int {
        var count = 1
        var inSpace = false
        for c in s {
            if c.isWhitespace {
                if !inSpace { count += 1 }
                inSpace = true
            } else {
                inSpace = false
            }
        }
        return count
    }

    /// How much of `b`'s wording also appears in `a` (1 = all of it), on lower-cased word tokens.
    static func similarity(_ a: String, _ b: String) -> Double {
        let ta = tokens(a), tb = tokens(b)
        guard !ta.isEmpty, !tb.isEmpty else { return 0 }
        let setA = Set(ta)
        let uniqueB = tb.filter { !setA.contains($0) }
        let whole = tb.joined(separator: " ").count
        guard whole > 0 else { return 0 }
        return 1 - Double(uniqueB.joined(separator: " ").count) / Double(whole)
    }

    /// Lower-cased words; each CJK character is a word of its own (those scripts do not space words).
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var word = ""
        for c in s.lowercased() {
            if isCJK(c) {
                if !word.isEmpty { out.append(word); word = "" }
                out.append(String(c))
            } else if c.isLetter || c.isNumber || c == "_" {
                word.append(c)
            } else if !word.isEmpty {
                out.append(word); word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xAC00...0xD7AF).contains(v)
    }
}
