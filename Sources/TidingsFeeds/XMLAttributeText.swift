import Foundation

/// Works around how libxml2 (without entity substitution, which must stay off for safety) hands
/// over attribute values: `&amp;` arrives as the text `&#38;`, and an entity the driver supplies
/// contributes only its first byte, so `&eacute;` would become a broken byte.
enum XMLAttributeText {
    /// The value as the author meant it. A literal `&` cannot appear in an attribute, so `&#38;` is always one.
    static func decode(_ raw: String) -> String {
        // A byte test first: Foundation's substring search costs more than most attribute values.
        guard raw.utf8.contains(UInt8(ascii: "&")), raw.contains("&#38;") else { return raw }
        return raw.replacingOccurrences(of: "&#38;", with: "&")
    }

    /// Rewrites HTML named references (`&eacute;`, invalid in XML but common in hand-made OPML)
    /// as numeric ones, which libxml2 decodes in full. Names the document declares itself, and
    /// XML's five built-in ones, are left alone.
    static func numericReferences(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { numericReferences($0) { out.append(contentsOf: $0) } }
        return out
    }

    /// The same rewrite, streamed: `emit` receives the output in pieces of about `piece` bytes,
    /// so a 50 MB feed is never copied whole (the parser consumes it piece by piece).
    static func numericReferences(_ bytes: UnsafeBufferPointer<UInt8>, piece: Int = 64 * 1024,
                                  emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let declared = declaredNames(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(piece + 64)
        func flushIfFull() {
            guard out.count >= piece else { return }
            out.withUnsafeBufferPointer(emit)
            out.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // CDATA is copied as written: there a reference is literal text (usually HTML, decoded later).
            if b == UInt8(ascii: "<"), startsCDATA(bytes, at: i) {
                let end = cdataEnd(bytes, from: i + cdataOpen.count)
                var k = i
                while k < end {
                    let n = min(end - k, piece)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[k..<(k + n)]))
                    flushIfFull()
                    k += n
                }
                i = end
                continue
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
            var j = i + 1
            while j < bytes.count, j - i <= 32, isNameByte(bytes[j]) { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1, isLetter(bytes[i + 1]) else {
                out.append(b); i += 1; continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
            if ["amp", "lt", "gt", "quot", "apos"].contains(name) || declared.contains(name) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...j]))
            } else if let text = HTMLEntities.lookup(name) {
                for scalar in text.unicodeScalars { out.append(contentsOf: Array("&#\(scalar.value);".utf8)) }
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...j]))
            }
            i = j + 1
            flushIfFull()
        }
        if !out.isEmpty { out.withUnsafeBufferPointer(emit) }
    }

    /// True when the document uses a named reference XML does not define (`&eacute;`), which only
    /// `numericReferences` makes safe to parse; most feeds have none, and skip the copy.
    static func hasUndefinedNamedReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        while i < n {
            // memchr jumps to the next '&' at memory speed; most of a feed has none.
            guard let hit = memchr(base + i, Int32(UInt8(ascii: "&")), n - i) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = i + 1
            while j < n, j - i <= 32, isNameByte(bytes[j]) { j += 1 }
            if j < n, bytes[j] == UInt8(ascii: ";"), j > i + 1, isLetter(bytes[i + 1]), !isPredefined(bytes, from: i + 1, to: j) {
                return true
            }
            i = j
        }
        return false
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

    private static let predefined: [[UInt8]] = ["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) }

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

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) }
}

