import Foundation
import TidingsCore

/// Collects the text of one field element; inside markup-bearing fields it serialises child
/// elements back to HTML (Atom xhtml, or RSS descriptions with unescaped tags).
struct TextCapture {
    enum Mode: Equatable {
        case plain           // Atom type="text": characters only
        case html            // escaped HTML: characters are markup already
        case xhtml           // inline XHTML: children serialised, characters escaped
        case base64(html: Bool)
    }

    let field: XMLField
    let depth: Int
    let mode: Mode
    private(set) var buffer: [UInt8] = []
    private var wrapperDepth: Int?
    private var sawChild = false

    init(field: XMLField, depth: Int, mode: Mode) {
        self.field = field; self.depth = depth; self.mode = mode
    }

    var contentType: ContentType {
        switch mode {
        case .plain, .base64(html: false): return .text
        default: return .html
        }
    }

    /// The collected value: trimmed, base64-decoded when needed.
    var value: String {
        if case .base64 = mode {
            let decoded = Data(base64Encoded: String(decoding: buffer, as: UTF8.self), options: .ignoreUnknownCharacters) ?? Data()
            return Self.trimmed([UInt8](decoded)[...])
        }
        return Self.trimmed(buffer[...])
    }

    /// Trims ASCII whitespace on the bytes: Foundation's trimming bridges through UTF-16 and
    /// cost three quarters of the parse time on large bodies.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard mode == .xhtml else { buffer.append(contentsOf: bytes); return }
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): buffer.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): buffer.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): buffer.append(contentsOf: Array("&gt;".utf8))
            default: buffer.append(b)
            }
        }
    }

    mutating func childStart(uri: String?, name: String, attributes: [XMLAttribute], at elementDepth: Int, base: URL?) {
        switch mode {
        case .plain, .base64: return
        case .xhtml:
            // Atom wraps inline XHTML in one div that is not part of the content.
            if !sawChild, elementDepth == depth + 1, name == "div", uri == NS.xhtml {
                sawChild = true
                wrapperDepth = elementDepth
                return
            }
        case .html: break
        }
        sawChild = true
        guard Self.isSafeName(name) else { return }
        var tag = "<" + name.lowercased()
        for a in attributes where a.uri == nil && Self.isSafeName(a.name) && !a.name.lowercased().hasPrefix("on") {
            var v = a.value
            let key = a.name.lowercased()
            if key == "href" || key == "src" {
                if v.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("javascript:") { continue }
                v = LinkResolver.resolve(v, against: base)
            }
            tag += " \(key)=\"\(PlainText.escape(v))\""
        }
        tag += ">"
        buffer.append(contentsOf: Array(tag.utf8))
    }

    mutating func childEnd(name: String, at elementDepth: Int) {
        switch mode {
        case .plain, .base64: return
        default: break
        }
        if elementDepth == wrapperDepth { wrapperDepth = nil; return }
        guard Self.isSafeName(name), !Self.voidElements.contains(name.lowercased()) else { return }
        buffer.append(contentsOf: Array("</\(name.lowercased())>".utf8))
    }

    private static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input",
                                                    "link", "meta", "source", "track", "wbr"]

    private static func isSafeName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}
