/// Images whose real address sits in `data-src`-style attributes (lazy loading) get it back in `src`.
enum LazyImages {
    static let imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]

    static func fix(in root: Node) {
        for img in root.descendants(named: ["img", "picture", "figure"]) {
            var src = img.attribute("src") ?? ""
            // A tiny inline placeholder hides the real image in another attribute.
            if src.hasPrefix("data:"), src.count < 200,
               img.attributes.contains(where: { $0.name != "src" && looksLikeImage($0.value) }) {
                img.removeAttribute("src")
                src = ""
            }
            let hasSource = !src.isEmpty || !(img.attribute("srcset") ?? "").isEmpty
            if hasSource && !(img.attribute("class") ?? "").lowercased().has("lazy") { continue }
            for a in img.attributes where !["src", "srcset", "alt"].contains(a.name) {
                let v = a.value.trimmingSpaces
                guard looksLikeImage(v) else { continue }
                if v.has(" ") || v.has(",") {
                    if img.name == "img" && (img.attribute("srcset") ?? "").isEmpty { img.setAttribute("srcset", v) }
                } else if img.name == "img" {
                    img.setAttribute("src", v)
                } else if img.name == "figure" && img.descendants(named: ["img", "picture"]).isEmpty {
                    img.append(img.make("img", attributes: [("src", v)]))
                }
            }
        }
    }

    static func looksLikeImage(_ v: String) -> Bool {
        let l = v.lowercased()
        guard !l.hasPrefix("data:") else { return false }
        return imageExtensions.contains { l.contains($0) }
    }
}
