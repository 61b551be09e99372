import Foundation

/// A value in the TOML subset Tidings reads: strings, integers, booleans and arrays of them.
public enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([TOMLValue])
}

/// A parse error that names the line and what was wrong.
public struct TOMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// A TOML document reduced to `[table]` → key → value (dotted table names kept as one string).
/// Covers what theme and config files need: comments, tables, basic and literal strings with
/// escapes, integers, booleans and (multi-line) arrays. Inline tables and dates are rejected clearly.
public struct TOMLDocument: Hashable, Sendable {
    /// Keys before any table header live under "".
    public var tables: [String: [String: TOMLValue]]
    /// Table names in file order, for stable iteration.
    public var tableOrder: [String]
    /// Line of each key, for error messages: "table.key" → line.
    public var keyLines: [String: Int]

    public init(parsing text: String) throws(TOMLError) {
        tables = ["": [:]]; tableOrder = [""]; keyLines = [:]
        var current = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let lineNo = index + 1
            let line = Self.stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw TOMLError(line: lineNo, message: "a table header must look like [name]")
                }
                let inside = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard let name = Self.tableName(inside) else {
                    throw TOMLError(line: lineNo, message: "invalid table name [\(inside)]")
                }
                current = name
                if tables[name] == nil { tables[name] = [:]; tableOrder.append(name) }
                continue
            }
            guard let eq = Self.indexOfEquals(line) else {
                throw TOMLError(line: lineNo, message: "expected key = value")
            }
            var key = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            if key.count >= 2, key.first == "\"", key.last == "\"" { key = String(key.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw TOMLError(line: lineNo, message: "missing key before =") }
            var rest = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            // Arrays may span lines: keep reading until the brackets balance.
            while rest.hasPrefix("["), !Self.bracketsBalanced(rest), index < lines.count {
                rest += " " + Self.stripComment(lines[index]).trimmingCharacters(in: .whitespaces)
                index += 1
            }
            var scanner = Scanner(text: rest, line: lineNo)
            let value = try scanner.value()
            scanner.skipSpaces()
            guard scanner.atEnd else { throw TOMLError(line: lineNo, message: "unexpected text after the value of \(key)") }
            if tables[current]?[key] != nil { throw TOMLError(line: lineNo, message: "\(key) is defined twice") }
            tables[current, default: [:]][key] = value
            keyLines[current.isEmpty ? key : current + "." + key] = lineNo
        }
    }

    /// `a.b."any text"` → `a.b.any text`: bare parts are letters, digits, `-` and `_`; a quoted
    /// part (a feed's URL, say) may hold anything but a quote. Nil when the name is malformed.
    static func tableName(_ text: String) -> String? {
        var parts: [String] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.first == "\"" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "\""), close > body.startIndex else { return nil }
                parts.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let bare = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { return parts.joined(separator: ".") }
            guard rest.first == "." else { return nil }
            rest = rest.dropFirst()
        }
    }

    private static func stripComment(_ line: String) -> String {
        var inBasic = false, inLiteral = false, escaped = false
        for (i, c) in zip(line.indices, line) {
            if escaped { escaped = false; continue }
            if inBasic && c == "\\" { escaped = true; continue }
            if c == "\"" && !inLiteral { inBasic.toggle() }
            if c == "'" && !inBasic { inLiteral.toggle() }
            if c == "#" && !inBasic && !inLiteral { return String(line[..<i]) }
        }
        return line
    }

    private static func indexOfEquals(_ line: String) -> String.Index? {
        var inQuote = false
        for i in line.indices {
            if line[i] == "\"" { inQuote.toggle() }
            if line[i] == "=" && !inQuote { return i }
        }
        return nil
    }

    private static func bracketsBalanced(_ s: String) -> Bool {
        var depth = 0, inString = false
        for c in s {
            if c == "\"" { inString.toggle() }
            if inString { continue }
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
        }
        return depth <= 0
    }

    private struct Scanner {
        let chars: [Character]
        var pos = 0
        let line: Int
        init(text: String, line: Int) { chars = Array(text); self.line = line }
        var atEnd: Bool { pos >= chars.count }
        mutating func skipSpaces() { while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 } }
        func fail(_ m: String) -> TOMLError { TOMLError(line: line, message: m) }

        mutating func value() throws(TOMLError) -> TOMLValue {
            skipSpaces()
            guard pos < chars.count else { throw fail("missing value") }
            switch chars[pos] {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": return .array(try array())
            case "{": throw fail("inline tables are not supported here; use a [table] section")
            default:
                var word = ""
                while pos < chars.count, !",] \t".contains(chars[pos]) { word.append(chars[pos]); pos += 1 }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                if let n = Int(word.replacingOccurrences(of: "_", with: "")) { return .integer(n) }
                throw fail("cannot read value \(word); strings need quotes")
            }
        }

        mutating func basicString() throws(TOMLError) -> String {
            pos += 1
            var out = ""
            while pos < chars.count {
                let c = chars[pos]; pos += 1
                if c == "\"" { return out }
                if c == "\\" {
                    guard pos < chars.count else { break }
                    let e = chars[pos]; pos += 1
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "u", "U":
                        let n = e == "u" ? 4 : 8
                        guard pos + n <= chars.count, let v = UInt32(String(chars[pos..<pos + n]), radix: 16),
                              let scalar = Unicode.Scalar(v) else { throw fail("bad unicode escape") }
                        out.unicodeScalars.append(scalar); pos += n
                    default: throw fail("unknown escape \\\(e)")
                    }
                    continue
                }
                out.append(c)
            }
            throw fail("unterminated string")
        }

        mutating func literalString() throws(TOMLError) -> String {
            pos += 1
            var out = ""
            while pos < chars.count {
                let c = chars[pos]; pos += 1
                if c == "'" { return out }
                out.append(c)
            }
            throw fail("unterminated string")
        }

        mutating func array() throws(TOMLError) -> [TOMLValue] {
            pos += 1
            var out: [TOMLValue] = []
            while true {
                skipSpaces()
                guard pos < chars.count else { throw fail("unterminated array") }
                if chars[pos] == "]" { pos += 1; return out }
                out.append(try value())
                skipSpaces()
                guard pos < chars.count else { throw fail("unterminated array") }
                if chars[pos] == "," { pos += 1; continue }
                if chars[pos] == "]" { pos += 1; return out }
                throw fail("expected , or ] in array")
            }
        }
    }
}
