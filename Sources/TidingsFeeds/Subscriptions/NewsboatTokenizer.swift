/// Splits one line of a newsboat urls file into words the way newsboat does: blanks separate
/// words, a word that starts with `"` runs to the next unescaped `"` (with `\"`, `\\`, `\n`,
/// `\r`, `\t` escapes inside), and a word that starts with `#` begins a comment.
enum NewsboatTokenizer {
    enum Failure: Error, Equatable { case unclosedQuote }

    static func words(_ line: Substring) -> Result<[String], Failure> {
        let scalars = Array(line.unicodeScalars)
        var words: [String] = []
        var i = 0
        while true {
            while i < scalars.count, isBlank(scalars[i]) { i += 1 }
            guard i < scalars.count, scalars[i] != "#" else { break }
            var word = String.UnicodeScalarView()
            if scalars[i] == "\"" {
                i += 1
                var closed = false
                while i < scalars.count {
                    let c = scalars[i]
                    if c == "\"" { closed = true; i += 1; break }
                    if c == "\\", i + 1 < scalars.count {
                        let next = scalars[i + 1]
                        switch next {
                        case "\"", "\\": word.append(next)
                        case "n": word.append("\n")
                        case "r": word.append("\r")
                        case "t": word.append("\t")
                        default: word.append(c); word.append(next)  // unknown escapes stay as written
                        }
                        i += 2
                        continue
                    }
                    word.append(c)
                    i += 1
                }
                guard closed else { return .failure(.unclosedQuote) }
            }
            // An unquoted word, or text glued to the end of a quoted one, runs to the next blank.
            while i < scalars.count, !isBlank(scalars[i]) { word.append(scalars[i]); i += 1 }
            words.append(String(word))
        }
        return .success(words)
    }

    /// The word as it must be written so that `words` reads it back unchanged.
    static func quoted(_ word: String) -> String {
        let needsQuotes = word.isEmpty || word.hasPrefix("#") || word.unicodeScalars.contains {
            $0 == "\"" || $0 == "\\" || isBlank($0) || $0 == "\n" || $0 == "\r"
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
