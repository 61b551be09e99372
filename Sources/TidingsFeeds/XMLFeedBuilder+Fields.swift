import Foundation
import TidingsCore

/// Which element of a channel or an item starts capturing which field, per format and module.
extension XMLFeedBuilder {
    func channelField(_ uri: String?, _ name: String, _ attrs: [XMLAttribute], _ depth: Int) {
        if family != .atom && isRSS(uri) {
            switch name {
            case "title": begin(.feedTitle, depth, .html); return
            case "link": begin(.feedLink, depth, .plain); return
            case "description": begin(.feedDescription, depth, .html); return
            case "language": begin(.feedLanguage, depth, .plain); return
            case "lastBuildDate", "pubDate": begin(.feedUpdated, depth, .plain); return
            case "managingEditor": begin(.feedRSSAuthor, depth, .plain); return
            case "webMaster": begin(.feedAuthorEmail, depth, .plain); return
            case "ttl": begin(.feedTTL, depth, .plain); return
            default: break  // perhaps a module's element, when its namespace is the document's default
            }
        }
        if isAtom(uri) {
            switch name {
            case "title": begin(.feedTitle, depth, textMode(attrs))
            case "subtitle", "tagline": begin(.feedDescription, depth, textMode(attrs))
            case "updated", "modified": begin(.feedUpdated, depth, .plain)
            case "link":
                let rel = attr(attrs, "rel") ?? "alternate"
                let html = FeedFieldValues.isHTMLType(attr(attrs, "type"))
                if rel == "alternate", meta.link == nil || (html && !feedLinkIsHTML), let href = attr(attrs, "href") {
                    meta.link = LinkResolver.resolve(href, against: currentBase)
                    feedLinkIsHTML = html
                }
            default: break
            }
        } else if uri == NS.dc || uri == NS.dcterms {
            switch name {
            case "creator", "author": begin(.feedAuthor, depth, .plain)
            case "title": begin(.feedTitleFallback, depth, .html)
            case "description": begin(.feedDescriptionFallback, depth, .html)
            case "date": begin(.feedUpdatedFallback(rank: 0), depth, .plain)
            case "modified": begin(.feedUpdatedFallback(rank: 1), depth, .plain)
            case "issued": begin(.feedUpdatedFallback(rank: 2), depth, .plain)
            case "created": begin(.feedUpdatedFallback(rank: 3), depth, .plain)
            case "language": begin(.feedLanguage, depth, .plain)
            default: break
            }
        } else if uri == NS.itunes, name == "author" {
            begin(.feedAuthor, depth, .plain)
        } else if uri == NS.syndication {
            if name == "updatePeriod" { begin(.feedUpdatePeriod, depth, .plain) }
            if name == "updateFrequency" { begin(.feedUpdateFrequency, depth, .plain) }
        }
    }

    func itemField(_ uri: String?, _ name: String, _ attrs: [XMLAttribute], _ depth: Int) {
        if family != .atom && isRSS(uri) && rssItemField(name, attrs, depth) { return }
        if isAtom(uri) {
            switch name {
            case "title": begin(.title, depth, textMode(attrs))
            case "id": begin(.guid, depth, .plain)
            case "published", "issued": begin(.published, depth, .plain)
            case "created": begin(.publishedFallback, depth, .plain)  // Atom 0.3: issued is the publication date
            case "updated", "modified": begin(.updated, depth, .plain)
            case "summary": begin(.summary, depth, textMode(attrs))
            case "content":
                if let src = attr(attrs, "src") {
                    if item?.link == nil { item?.link = LinkResolver.resolve(src, against: currentBase) }
                } else {
                    begin(.content, depth, textMode(attrs))
                }
            case "link": atomLink(attrs)
            case "category":
                if let c = (attr(attrs, "label") ?? attr(attrs, "term")).map(PlainText.collapse), !c.isEmpty {
                    item?.categories.append(c)
                }
            default: break
            }
        } else if uri == NS.content, name == "encoded" {
            begin(.content, depth, .html)
        } else if uri == NS.xhtml, name == "body" {
            begin(.content, depth, .xhtml)
        } else if uri == NS.dc || uri == NS.dcterms {
            switch name {
            case "creator", "author": begin(.author, depth, .plain)
            case "title": begin(.titleFallback, depth, .html)
            case "description": begin(.summaryFallback, depth, .html)
            case "date", "created", "issued": begin(.publishedFallback, depth, .plain)
            case "modified": begin(.updated, depth, .plain)
            case "subject": begin(.category, depth, .plain)
            default: break
            }
        } else if uri == NS.media {
            switch name {
            case "content":
                if let url = attr(attrs, "url") {
                    item?.addEnclosure(FeedEnclosure(url: LinkResolver.resolve(url, against: currentBase),
                                                     type: attr(attrs, "type").flatMap(nonEmpty),
                                                     length: length(attr(attrs, "fileSize"))))
                }
            case "thumbnail":
                if let url = attr(attrs, "url") { item?.images.append(LinkResolver.resolve(url, against: currentBase)) }
            case "description":
                begin(.mediaDescription, depth, attr(attrs, "type") == "html" ? .html : .plain)
            default: break
            }
        } else if uri == NS.itunes {
            switch name {
            case "author": begin(.fallbackAuthor, depth, .plain)
            case "image":
                if let href = attr(attrs, "href") { item?.images.append(LinkResolver.resolve(href, against: currentBase)) }
            case "summary": begin(.mediaDescription, depth, .plain)
            default: break
            }
        }
    }

    /// An RSS core element of an item; false when `name` is none (a module's element may share
    /// the namespace when the document declares the module as its default).
    func rssItemField(_ name: String, _ attrs: [XMLAttribute], _ depth: Int) -> Bool {
        switch name {
        case "title": begin(.title, depth, .html)
        case "link": begin(.link, depth, .plain)
        case "description":
            // RSS 0.93/0.94 let a description say type="text/plain"; otherwise it is HTML.
            let plainText = attr(attrs, "type").map { $0.lowercased().hasPrefix("text/plain") } ?? false
            begin(.summary, depth, plainText ? .plain : .html)
        case "fullitem", "body":
            // Early full-content elements (RSS 0.9x `fullitem`, an unprefixed `body`): the body as HTML.
            begin(.content, depth, .html)
        case "guid":
            let permaLink = attr(attrs, "isPermaLink")?.trimmingCharacters(in: .whitespaces).lowercased()
            item?.guidIsPermaLink = permaLink != "false"
            item?.guidSaysPermaLink = permaLink == "true"
            begin(.guid, depth, .plain)
        case "pubDate": begin(.published, depth, .plain)
        case "author": begin(.rssAuthor, depth, .plain)
        case "category": begin(.category, depth, .html)
        case "enclosure":
            if let url = attr(attrs, "url") {
                item?.addEnclosure(FeedEnclosure(url: LinkResolver.resolve(url, against: currentBase),
                                                 type: attr(attrs, "type").flatMap(nonEmpty),
                                                 length: length(attr(attrs, "length"))))
            }
        default: return false
        }
        return true
    }

    func atomLink(_ attrs: [XMLAttribute]) {
        guard let href = attr(attrs, "href") else { return }
        let url = LinkResolver.resolve(href, against: currentBase)
        switch attr(attrs, "rel") ?? "alternate" {
        case "alternate":
            // The first alternate that is a web page wins over an earlier PDF or feed link.
            let html = FeedFieldValues.isHTMLType(attr(attrs, "type"))
            if item?.link == nil || (html && item?.linkIsHTML == false) { item?.link = url; item?.linkIsHTML = html }
        case "enclosure":
            item?.addEnclosure(FeedEnclosure(url: url, type: attr(attrs, "type").flatMap(nonEmpty),
                                             length: length(attr(attrs, "length"))))
        default:
            break  // self, related, replies, via: not the article itself
        }
    }

    /// Atom 1.0 `type` (text/html/xhtml) or Atom 0.3 `type` (a MIME type) plus `mode`.
    func textMode(_ attrs: [XMLAttribute]) -> TextCapture.Mode {
        let type = (attr(attrs, "type") ?? "text").lowercased()
        let html = type.contains("html")
        switch attr(attrs, "mode")?.lowercased() {
        case "escaped": return html ? .html : .plain
        case "base64": return .base64(html: html)
        default: break
        }
        switch type {
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        default: return .plain
        }
    }
}
