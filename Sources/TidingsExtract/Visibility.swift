/// Whether an element would be shown: inline `display:none`/`visibility:hidden`, `hidden` and
/// `aria-hidden="true"` hide it (an `aria-hidden` fallback image stays, as sites use it for real photos).
enum Visibility {
    static func isHidden(_ n: Node) -> Bool {
        if n.attribute("hidden") != nil { return true }
        if let aria = n.attribute("aria-hidden"), aria.trimmingSpaces.lowercased() == "true",
           !(n.attribute("class") ?? "").has("fallback-image") {
            return true
        }
        guard let style = n.attribute("style")?.lowercased(), !style.isEmpty else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.has("display:none") || compact.has("visibility:hidden")
    }
}
