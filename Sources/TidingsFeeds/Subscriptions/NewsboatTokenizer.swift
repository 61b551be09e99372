/// Splits one line of a newsboat urls file into words the way newsboat's `tokenize_quoted` does:
/// blanks separate words; a word that starts with `"` ends at the next unescaped `"` (or at the
/// end of the line when the quote is never closed) and takes the escapes `\"`, `\\`, `\n`, `\r`,
/// `\t` (any other escaped character stands for itself, except that `` \` `` is kept as written);
/// a word that starts with `#` begins a comment. Text right after a closing quote is a new word.
enum NewsboatTokenizer {
    static func words(_ line: Substring) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var words: [String] = []
        var i = 0
        while true {
            while i < scalars.count, isBlank(scalars[i]) { i += 1 }
            guard i < scalars.count, scalars[i] != "#" else { break }
            var word = String.UnicodeScalarView()
            if scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" {
                    let c = scalars[i]
                    i += 1
                    guard c == "\\" else { word.append(c); continue }
                    // A backslash at the very end is dropped, as newsboat does.
                    guard i < scalars.count else { break }
                    let next = scalars[i]
                    i += 1
                    switch next {
                    case "n": word.append("\n")
                    case "r": word.append("\r")
                    case "t": word.append("\t")
                    case "`": word.append("\\"); word.append("`")
                    default: word.append(next)
                    }
                }
                i += 1  // the closing quote, if any
            } else {
                while i < scalars.count, !isBlank(scalars[i]) { word.append(scalars[i]); i += 1 }
            }
            words.append(String(word))
        }
        return words
    }

    /// The word as it must be written so that `words` reads it back unchanged.
    static func quoted(_ word: String) -> String {
        let needsQuotes = word.isEmpty || word.hasPrefix("#") || word.hasPrefix("\"") || word.unicodeScalars.contains {
            isBlank($0) || $0 == "\n" || $0 == "\r"
        }
        guard needsQuotes else { return word }
        var out = "\""
        for c in word.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
}
