import Foundation
import TidingsCore

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Fields of the wrong type become warnings, not failures.
enum JSONFeedParser {
    static let maxNesting = 256

    static func parse(_ data: Data, baseURL: URL?) throws(FeedParseError) -> FeedDocument {
        guard data.withUnsafeBytes({ nestingDepth($0.bindMemory(to: UInt8.self)) }) <= maxNesting else {
            throw .malformed("JSON nested deeper than \(maxNesting) levels")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed("invalid JSON")
        }
        guard let root = object as? [String: Any] else { throw .notAFeed("a JSON value that is not an object") }
        var reader = Reader()
        let version = root["version"] as? String
        let format: FeedFormat
        switch version?.trimmingCharacters(in: .whitespaces) {
        case let v? where v.hasSuffix("jsonfeed.org/version/1.1"): format = .jsonfeed11
        case let v? where v.hasSuffix("jsonfeed.org/version/1"): format = .jsonfeed10
        default:
            guard root["items"] != nil else { throw .notAFeed("a JSON document without a JSON Feed version or items") }
            format = .jsonfeed11
            reader.warn("missing or unknown JSON Feed version \"\(version ?? "")\"; read as 1.1")
        }
        let home = reader.string(root, "home_page_url", "feed")
        let base = home.flatMap { URL(string: $0) } ?? baseURL
        var meta = FeedMeta()
        meta.title = reader.string(root, "title", "feed").map(cleanText)
        meta.link = home.map { LinkResolver.resolve($0, against: baseURL) }
        meta.description = reader.string(root, "description", "feed").map(cleanText)
        meta.language = reader.string(root, "language", "feed")
        meta.author = reader.authors(root, "feed")

        var items: [FeedItem] = []
        if let list = root["items"] {
            if let array = list as? [Any] {
                for (n, element) in array.enumerated() {
                    guard let dict = element as? [String: Any] else {
                        reader.warn("item \(n + 1) is not an object; skipped")
                        continue
                    }
                    items.append(reader.item(dict, index: n + 1, base: base, feedAuthor: meta.author))
                }
            } else {
                reader.warn("\"items\" is not an array")
            }
        }
        return FeedDocument(format: format, feed: meta, items: items, warnings: reader.warnings)
    }

    static func cleanText(_ s: String) -> String {
        PlainText.looksLikeHTML(s) ? PlainText.fromHTML(s) : PlainText.collapse(s)
    }

    /// Deepest array/object nesting, skipping strings: guards the recursive JSON parser.
    static func nestingDepth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = 0, deepest = 0, inString = false, escaped = false
        for b in bytes {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > deepest { deepest = depth; if deepest > maxNesting { return deepest } }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// JSON `true`/`false` arrive as NSNumber too (objCType "c"; numbers are never "c"); they are not ids.
    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// Typed field access that records wrong types as warnings.
    struct Reader {
        var warnings: [String] = []

        mutating func warn(_ s: String) { if warnings.count < 100 { warnings.append(s) } }

        mutating func string(_ d: [String: Any], _ key: String, _ owner: String) -> String? {
            guard let v = d[key], !(v is NSNull) else { return nil }
            if let s = v as? String { return s.isEmpty ? nil : s }
            warn("\(owner): \"\(key)\" should be a string")
            return nil
        }

        mutating func authors(_ d: [String: Any], _ owner: String) -> String? {
            var names: [String] = []
            if let list = d["authors"] {
                if let array = list as? [Any] {
                    for a in array {
                        if let o = a as? [String: Any], let n = string(o, "name", owner) { names.append(cleanText(n)) }
                    }
                } else {
                    warn("\(owner): \"authors\" should be an array")
                }
            }
            if names.isEmpty, let one = d["author"] {
                if let o = one as? [String: Any], let n = string(o, "name", owner) { names.append(cleanText(n)) }
                else if !(one is [String: Any]) { warn("\(owner): \"author\" should be an object") }
            }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }

        mutating func date(_ d: [String: Any], _ key: String, _ owner: String) -> Date? {
            guard let s = string(d, key, owner) else { return nil }
            if let date = FeedDate.parse(s) { return date }
            warn("\(owner): unparseable date \"\(s.prefix(60))\"")
            return nil
        }

        /// `feedAuthor` is the feed's `authors` (1.1) or `author` (1.0), which apply to an item naming none.
        mutating func item(_ d: [String: Any], index: Int, base: URL?, feedAuthor: String? = nil) -> FeedItem {
            let owner = "item \(index)"
            var id: String?
            switch d["id"] {
            case let s as String: id = s.isEmpty ? nil : s
            case let n as NSNumber where !JSONFeedParser.isBool(n): id = n.stringValue; warn("\(owner): \"id\" should be a string")
            case nil, is NSNull: break
            default: warn("\(owner): \"id\" should be a string")
            }
            let link = (string(d, "url", owner) ?? string(d, "external_url", owner)).map { LinkResolver.resolve($0, against: base) }
            let title = string(d, "title", owner).map(cleanText)
            // Relative links in the body resolve like the item's own url, as XML bodies do.
            let html = string(d, "content_html", owner).map { LinkResolver.resolveInHTML($0, against: base) }
            let text = string(d, "content_text", owner)
            let summary = string(d, "summary", owner)
            let published = date(d, "date_published", owner)
            let updated = date(d, "date_modified", owner)
            var categories: [String] = []
            if let tags = d["tags"] {
                if let array = tags as? [Any] {
                    categories = array.compactMap { $0 as? String }.map(PlainText.collapse).filter { !$0.isEmpty }
                    if categories.count != array.count { warn("\(owner): some \"tags\" are not strings") }
                } else {
                    warn("\(owner): \"tags\" should be an array")
                }
            }
            var enclosures: [FeedEnclosure] = []
            if let list = d["attachments"] {
                if let array = list as? [Any] {
                    for a in array {
                        guard let o = a as? [String: Any], let url = string(o, "url", owner) else {
                            warn("\(owner): an attachment has no url")
                            continue
                        }
                        var length: Int64?
                        if let n = o["size_in_bytes"] as? NSNumber { length = n.int64Value }
                        else if o["size_in_bytes"] != nil { warn("\(owner): \"size_in_bytes\" should be a number") }
                        enclosures.append(FeedEnclosure(url: LinkResolver.resolve(url, against: base),
                                                        type: string(o, "mime_type", owner), length: length))
                    }
                } else {
                    warn("\(owner): \"attachments\" should be an array")
                }
            }
            if let image = string(d, "image", owner) {
                let url = LinkResolver.resolve(image, against: base)
                if !enclosures.contains(where: { $0.url == url }) { enclosures.append(FeedEnclosure(url: url)) }
            }
            let content = html ?? text
            let contentType: ContentType? = html != nil ? .html : (text != nil || summary != nil ? .text : nil)
            let summaryHTML = summary
            return FeedItem(
                id: id ?? ItemIdentity.fallback(link: link, title: title, published: published, body: content ?? summaryHTML),
                title: title, link: link, author: authors(d, owner) ?? feedAuthor, published: published, updated: updated,
                summary: summaryHTML, content: content, contentType: contentType,
                categories: categories, enclosures: enclosures)
        }
    }
}
