import Foundation

/// Resolves possibly relative references against xml:base or the document URL.
enum LinkResolver {
    static func resolve(_ ref: String, against base: URL?) -> String {
        let trimmed = ref.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return trimmed }
        if let u = URL(string: trimmed), u.scheme != nil { return trimmed }
        guard let base, let u = URL(string: trimmed, relativeTo: base) ?? encoded(trimmed, base) else { return trimmed }
        return u.absoluteString
    }

    static func baseURL(_ ref: String, against base: URL?) -> URL? {
        let s = resolve(ref, against: base)
        return URL(string: s) ?? base
    }

    private static func encoded(_ s: String, _ base: URL) -> URL? {
        guard let e = s.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(.urlPathAllowed)) else { return nil }
        return URL(string: e, relativeTo: base)
    }
}
