import Foundation

/// Rewrites the character and entity references of a feed, before libxml2 sees it, into ones that
/// XML defines and libxml2 decodes in full, so sloppy feeds keep their text:
/// - an HTML named reference (`&eacute;`, invalid in XML but common) becomes numeric references;
/// - a reference XML cannot resolve (`&doesnotexist;`), and a bare `&` (`Fish & chips`,
///   `?a=1&b=2`), become `&amp;…`: literal text, as a browser shows them, instead of vanishing;
/// - a `<` that can start no markup (`a < b`, `<3`), which makes libxml2 drop the rest of the
///   document, becomes `&lt;`;
/// - `&#X41;` (an uppercase X, which XML refuses) becomes `&#x41;`; a reference to a code point
///   XML does not allow (beyond Unicode, a surrogate, NUL) becomes U+FFFD, and one in 128–159
///   the Windows-1252 character it was meant as.
/// CDATA sections are copied as written: there `&` is already literal text.
/// XML's five names and names the document declares itself are left to the parser.
enum XMLReferenceRepair {
    /// What the rewrite changed that was an error in the document, for one warning.
    struct Report: Equatable {
        var keptAsText = 0
        var firstKept: String?
    }

    /// True when some `&` is not a reference libxml2 handles by itself, or some `<` starts no
    /// markup (most feeds have none, and skip the copy).
    static func isNeeded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        // A '<' that can start no markup (`a < b`) makes libxml2 give up on the rest of the document.
        var k = 0
        while k < n {
            guard let hit = memchr(base + k, Int32(UInt8(ascii: "<")), n - k) else { break }
            k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if !startsMarkup(bytes, at: k) { return true }
            k += 1
        }
        while i < n {
            // memchr jumps to the next '&' at memory speed; most of a feed has none.
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "&")), n - i) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            switch reference(bytes, at: i) {
            case .predefined(let end): i = end
            case .numeric(let value, let end, let lowercase):
                guard lowercase, isXMLChar(value), !(0x80...0x9F).contains(value) else { return true }
                i = end
            default: return true
            }
        }
        return false
    }

    /// The whole rewrite at once.
    static func repair(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { _ = repair($0) { out.append(contentsOf: $0) } }
        return out
    }

    /// The same rewrite, streamed: `emit` receives the output in pieces of about `piece` bytes,
    /// so a 50 MB feed is never copied whole (the parser consumes it piece by piece).
    @discardableResult
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>, piece: Int = 64 * 1024,
                       emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Report {
        let declared = declaredNames(bytes)
        var report = Report()
        var out: [UInt8] = []
        out.reserveCapacity(piece + 64)
        func flushIfFull() {
            guard out.count >= piece else { return }
            out.withUnsafeBufferPointer(emit)
            out.removeAll(keepingCapacity: true)
        }
        func copy(_ range: Range<Int>) {
            var k = range.lowerBound
            while k < range.upperBound {
                let n = min(range.upperBound - k, piece)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[k..<(k + n)]))
                flushIfFull()
                k += n
            }
        }
        func excerpt(_ start: Int) -> String {
            var end = start + 1
            while end < bytes.count, end - start < 16, !isSpaceOrMarkup(bytes[end]) { end += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        func keep(_ range: Range<Int>) {
            report.keptAsText += 1
            if report.firstKept == nil {
                report.firstKept = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            out.append(contentsOf: Array("&amp;".utf8))
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                if startsCDATA(bytes, at: i) {
                    let end = cdataEnd(bytes, from: i + cdataOpen.count)
                    copy(i..<end)
                    i = end
                    continue
                }
                if !startsMarkup(bytes, at: i) {
                    report.keptAsText += 1
                    if report.firstKept == nil { report.firstKept = excerpt(i) }
                    out.append(contentsOf: Array("&lt;".utf8))
                    i += 1
                    continue
                }
            }
            guard b == UInt8(ascii: "&") else {
                // Copy up to the next '&' or '<' in one go.
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "&"), bytes[j] != UInt8(ascii: "<"), j - i < piece { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                flushIfFull()
                i = j
                continue
            }
            switch reference(bytes, at: i) {
            case .predefined(let end):
                copy(i..<end)
                i = end
            case .named(let name, let end):
                if declared.contains(name) {
                    copy(i..<end)
                } else if let text = HTMLEntities.lookup(name) {
                    for scalar in text.unicodeScalars { out.append(contentsOf: Array("&#\(scalar.value);".utf8)) }
                } else {
                    keep(i..<end)
                    i += 1  // the name and ';' follow as text
                    continue
                }
                i = end
            case .numeric(let value, let end, _):
                out.append(contentsOf: Array("&#\(repairedCodePoint(value));".utf8))
                i = end
            case .bare:
                report.keptAsText += 1
                if report.firstKept == nil { report.firstKept = excerpt(i) }
                out.append(contentsOf: Array("&amp;".utf8))
                i += 1
            }
            flushIfFull()
        }
        if !out.isEmpty { out.withUnsafeBufferPointer(emit) }
        return report
    }

    /// The warning for what was kept as text, or nil when nothing was.
    static func warning(_ report: Report) -> String? {
        guard report.keptAsText > 0 else { return nil }
        let example = report.firstKept.map { " (first: \"\($0.prefix(40))\")" } ?? ""
        return report.keptAsText == 1
            ? "an '&' or '<' that starts no known reference or tag was kept as text\(example)"
            : "\(report.keptAsText) '&' or '<' that start no known reference or tag were kept as text\(example)"
    }

    // MARK: scanning

    private enum Reference {
        case predefined(end: Int)
        case named(String, end: Int)
        case numeric(UInt32, end: Int, lowercase: Bool)
        case bare
    }

    /// What the `&` at `i` starts; `end` is just past the `;`.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Reference {
        let n = bytes.count
        var j = i + 1
        guard j < n else { return .bare }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var radix: UInt32 = 10
            var lowercase = true
            if j < n, bytes[j] == UInt8(ascii: "x") || bytes[j] == UInt8(ascii: "X") {
                radix = 16
                lowercase = bytes[j] == UInt8(ascii: "x")
                j += 1
            }
            let start = j
            var value: UInt32 = 0
            var overflow = false
            while j < n, j - start < 16, let d = digit(bytes[j], radix: radix) {
                if value > 0x10FFFF { overflow = true } else { value = value * radix + d }
                j += 1
            }
            guard j > start, j < n, bytes[j] == UInt8(ascii: ";") else { return .bare }
            return .numeric(overflow ? UInt32.max : value, end: j + 1, lowercase: lowercase)
        }
        guard isNameStart(bytes[j]) else { return .bare }
        j += 1
        while j < n, j - i <= 64, isNameByte(bytes[j]) { j += 1 }
        guard j < n, bytes[j] == UInt8(ascii: ";") else { return .bare }
        if isPredefined(bytes, from: i + 1, to: j) { return .predefined(end: j + 1) }
        return .named(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self), end: j + 1)
    }

    /// The code point a numeric reference should stand for in the repaired document.
    private static func repairedCodePoint(_ value: UInt32) -> UInt32 {
        if (0x80...0x9F).contains(value), let mapped = Transcoder.cp1252High[Int(value - 0x80)] {
            return mapped.unicodeScalars.first?.value ?? 0xFFFD
        }
        return isXMLChar(value) ? value : 0xFFFD
    }

    /// XML 1.0's Char production.
    private static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }

    private static func digit(_ b: UInt8, radix: UInt32) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// amp, lt, gt, quot, apos: compared byte by byte, no allocation.
    private static func isPredefined(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length >= 2 && length <= 4 else { return false }
        for name in predefined where name.count == length {
            var same = true
            for k in 0..<length where bytes[start + k] != name[k] { same = false; break }
            if same { return true }
        }
        return false
    }

    private static let predefined: [[UInt8]] = ["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) }
    private static let cdataOpen = Array("<![CDATA[".utf8)

    private static func startsCDATA(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + cdataOpen.count <= bytes.count && bytes[i..<(i + cdataOpen.count)].elementsEqual(cdataOpen)
    }

    /// Index just past the `]]>` that closes a CDATA section, or the end of the input.
    private static func cdataEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var k = start
        while k + 2 < bytes.count {
            if bytes[k] == UInt8(ascii: "]"), bytes[k + 1] == UInt8(ascii: "]"), bytes[k + 2] == UInt8(ascii: ">") { return k + 3 }
            k += 1
        }
        return bytes.count
    }

    /// Names declared with `<!ENTITY name …>` in the internal subset, which precedes the root element.
    private static func declaredNames(_ bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        let prefix = UnsafeBufferPointer(rebasing: bytes.prefix(1 << 20))
        let marker = Array("<!ENTITY".utf8)
        // Most documents declare nothing: a byte search avoids decoding a megabyte into a String.
        guard contains(marker, in: prefix) else { return [] }
        let head = String(decoding: prefix, as: UTF8.self)
        var names = Set<String>()
        for part in head.components(separatedBy: "<!ENTITY").dropFirst() {
            let name = part.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.prefix { !$0.isWhitespace }
            if !name.isEmpty, name != "%" { names.insert(String(name)) }
        }
        return names
    }

    /// Byte search with memchr for the first byte (memmem is hidden behind _GNU_SOURCE).
    private static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            guard let hit = memchr(base + i, Int32(first), haystack.count - i) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i + needle.count <= haystack.count, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Whether the '<' at `i` can begin markup: a tag, an end tag, a comment, CDATA, a declaration
    /// or a processing instruction. Anything else (`a < b`, `<3`, `<=`) is text.
    private static func startsMarkup(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 1 < bytes.count else { return false }
        let next = bytes[i + 1]
        return isNameStart(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
    }

    private static func isSpaceOrMarkup(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "<") || b == UInt8(ascii: "&")
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    /// XML name characters, approximately: ASCII letters, `_`, `:` and any non-ASCII byte start a name.
    private static func isNameStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80 }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}
