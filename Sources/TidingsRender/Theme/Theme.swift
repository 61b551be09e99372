import TidingsCore

/// Why a theme file could not be used.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    case syntax(TOMLError)
    case unknownRole(String, line: Int)
    case badColor(String, role: String, line: Int)
    case badAttribute(String, role: String, line: Int)
    case badField(String, role: String, line: Int)

    public var description: String {
        switch self {
        case .syntax(let e): return "theme: \(e)"
        case .unknownRole(let r, let l): return "theme line \(l): unknown role [\(r)]"
        case .badColor(let c, let r, let l): return "theme line \(l): [\(r)] has color \"\(c)\"; use default, a color name, color0–color255 or #rrggbb"
        case .badAttribute(let a, let r, let l): return "theme line \(l): [\(r)] has attribute \"\(a)\"; use bold, underline, italic, reverse or dim"
        case .badField(let f, let r, let l): return "theme line \(l): [\(r)] has unknown key \(f); use fg, bg and attrs"
        }
    }
}

/// Maps roles to styles. Roles a theme leaves out fall back to the built-in default theme.
public struct Theme: Hashable, Sendable {
    public var styles: [Role: Style]

    public init(styles: [Role: Style]) { self.styles = styles }

    public func style(_ role: Role) -> Style { styles[role] ?? Theme.standard.styles[role] ?? .plain }

    /// The same theme without colors, for `NO_COLOR` and monochrome terminals.
    public var withoutColor: Theme {
        Theme(styles: Dictionary(uniqueKeysWithValues: Role.allCases.map { role in
            (role, Style(.default, .default, style(role).attributes))
        }))
    }

    /// Parses a theme file: one `[role]` table per role with `fg`, `bg` and `attrs`.
    public init(toml text: String) throws(ThemeError) {
        let doc: TOMLDocument
        do { doc = try TOMLDocument(parsing: text) } catch { throw .syntax(error) }
        var styles = Theme.standard.styles
        for name in doc.tableOrder where !name.isEmpty {
            let fields = doc.tables[name] ?? [:]
            let line = { (key: String) in doc.keyLines[name + "." + key] ?? 0 }
            guard let role = Role(rawValue: name) else {
                throw .unknownRole(name, line: fields.keys.sorted().first.map(line) ?? 0)
            }
            var style = Style.plain
            for (key, value) in fields {
                switch (key, value) {
                case ("fg", .string(let s)), ("bg", .string(let s)):
                    guard let color = ThemeColor(name: s) else { throw .badColor(s, role: name, line: line(key)) }
                    if key == "fg" { style.foreground = color } else { style.background = color }
                case ("attrs", .array(let items)):
                    for item in items {
                        guard case .string(let a) = item, let attr = TextAttributes.names[a.lowercased()] else {
                            throw .badAttribute("\(item)", role: name, line: line(key))
                        }
                        style.attributes.insert(attr)
                    }
                case ("attrs", .string(let a)):
                    guard let attr = TextAttributes.names[a.lowercased()] else { throw .badAttribute(a, role: name, line: line(key)) }
                    style.attributes.insert(attr)
                default:
                    throw .badField(key, role: name, line: line(key))
                }
            }
            styles[role] = style
        }
        self.styles = styles
    }
}
