import Foundation

/// Stable identifiers for items that carry none.
///
/// Rule, in order: the feed's own id (RSS guid, Atom id, RSS 1.0 rdf:about, JSON Feed id);
/// else `"link:" + link`; else `"title:" + hex FNV-1a-64 of (title + "\n" + published as
/// whole Unix seconds, or empty)`; else `"body:" + hex FNV-1a-64 of the body`. The same
/// item therefore gets the same id on every fetch, across runs and machines.
enum ItemIdentity {
    static func fallback(link: String?, title: String?, published: Date?, body: String?) -> String {
        if let link, !link.isEmpty { return "link:" + link }
        let stamp = published.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? ""
        if let title, !title.isEmpty { return "title:" + fnv1a(title + "\n" + stamp) }
        return "body:" + fnv1a(body ?? "")
    }

    /// 64-bit FNV-1a as 16 lowercase hex digits.
    static func fnv1a(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
