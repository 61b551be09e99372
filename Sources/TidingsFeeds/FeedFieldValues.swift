import Foundation

/// Pure conversions of single attribute or element values, shared by the XML builder.
enum FeedFieldValues {
    /// RSS `author` is "email (Name)" by the spec; show the name when there is one.
    static func rssAuthor(_ s: String) -> String {
        let t = PlainText.collapse(s)
        if let open = t.firstIndex(of: "("), t.hasSuffix(")"), t[..<open].contains("@") {
            let name = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return t
    }

    /// What a rejected root element probably is, for the error message.
    static func describe(root: String) -> String {
        switch root.lowercased() {
        case "html": return "an HTML page"
        case "opml": return "an OPML subscription list; import it instead"
        default: return "an XML document whose root element is <\(root)>"
        }
    }

    /// An enclosure's byte count: nil when absent, and nil plus a warning when it is not a
    /// non-negative whole number (podcast feeds write "", "abc", "12,345", "-1"); never a failure.
    static func length(_ raw: String?, warn: (String) -> Void) -> Int64? {
        guard let raw else { return nil }
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if let n = Int64(t), n >= 0 { return n }
        warn("enclosure length \"\(t.prefix(40))\" is not a byte count; ignored")
        return nil
    }

    /// True for an Atom link `type` that names a web page (absent means text/html).
    static func isHTMLType(_ type: String?) -> Bool {
        guard let t = type?.trimmingCharacters(in: .whitespaces).lowercased(), !t.isEmpty else { return true }
        return t.hasPrefix("text/html") || t.hasPrefix("application/xhtml+xml")
    }
}
