/// Credentials written into a feed URL (`https://user:secret@host/feed`) must never be shown:
/// every place that prints a source prints this form, with the userinfo as `***`.
public enum Userinfo {
    public static func censor(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<scheme.upperBound]) + "***" + String(rest[at...])
    }
}
