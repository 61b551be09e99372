/// A single pass over HTML bytes that keeps only the text: tags, comments, scripts and styles
/// dropped, entities decoded. It builds no tree, so it is linear in the input and cannot blow up
/// on tag soup; it is for the search index, not for display (the reader has a real renderer).
enum MarkupStripper {
    /// Tags that do not separate words (`<b>Bold</b>er` is one word); every other tag does.
    private static let inlineTags: Set<UInt64> = Set([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ].map(packedName))
    /// Elements whose content is not text for a reader.
    private static let skippedElements: Set<UInt64> = Set(["script", "style", "template", "noscript"].map(packedName))

    /// A tag name of up to 8 bytes as one number (every name above fits), so looking a tag up
    /// allocates nothing; longer names pack to 0, which no listed name does.
    private static func packedName(_ name: String) -> UInt64 {
        var packed: UInt64 = 0
        for (k, byte) in name.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(k)) }
        return packed
    }

    /// Text of `html`, at most about `limit` UTF-8 bytes long.
    static func strip(_ html: String, limit: Int) -> String {
        String(decoding: stripToBytes(html, limit: limit), as: UTF8.self)
    }

    /// `strip` as UTF-8 bytes, for callers that transform them further before making a string
    /// (making one validates every byte; the import made two per body).
    static func stripToBytes(_ html: String, limit: Int) -> [UInt8] {
        var input = html
        return input.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit))
            var i = 0
            let n = bytes.count
            while i < n && out.count < limit {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    i = markup(bytes, at: i, into: &out)
                } else if byte == UInt8(ascii: "&") {
                    i = entity(bytes, at: i, into: &out)
                } else {
                    // A run of text up to the next markup is copied at once (byte by byte it was
                    // the import's hottest loop), never past the limit.
                    var j = i + 1
                    let end = min(n, i + (limit - out.count))
                    while j < end, bytes[j] != UInt8(ascii: "<"), bytes[j] != UInt8(ascii: "&") { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                }
            }
            return out
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, with prefix: String) -> Bool {
        var j = i
        for unit in prefix.utf8 {
            guard j < bytes.count, bytes[j] | (isLetter(bytes[j]) ? 0x20 : 0) == unit else { return false }
            j += 1
        }
        return true
    }

    /// Start of the first `terminator` (matched ignoring ASCII case) at or after `i`, if any.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, _ terminator: String) -> Int? {
        let first = terminator.utf8.first!
        var j = i
        while j < bytes.count {
            if bytes[j] | (isLetter(bytes[j]) ? 0x20 : 0) == first && starts(bytes, at: j, with: terminator) { return j }
            j += 1
        }
        return nil
    }

    /// Index just past `terminator`, or the end of the input.
    private static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, past terminator: String) -> Int {
        find(bytes, from: i, terminator).map { $0 + terminator.utf8.count } ?? bytes.count
    }

    /// Handles whatever starts with `<` at `i`; returns the index after it.
    private static func markup(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int {
        let n = bytes.count
        let bang = i + 1 < n && bytes[i + 1] == UInt8(ascii: "!")
        if bang, starts(bytes, at: i, with: "<!--") {
            out.append(0x20)
            return skip(bytes, from: i + 4, past: "-->")
        }
        if bang, starts(bytes, at: i, with: "<![cdata[") {
            let contentEnd = find(bytes, from: i + 9, "]]>") ?? n
            out.append(contentsOf: bytes[(i + 9)..<contentEnd])
            return min(contentEnd + 3, n)
        }
        var j = i + 1
        let closing = j < n && bytes[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        guard j < n, isLetter(bytes[j]) || (!closing && (bytes[j] == UInt8(ascii: "!") || bytes[j] == UInt8(ascii: "?"))) else {
            // "a < b" is text, not a tag.
            out.append(UInt8(ascii: "<"))
            return i + 1
        }
        var name: UInt64 = 0
        let nameStart = j
        while j < n, isLetter(bytes[j]) || (bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9")) {
            if j - nameStart < 8 { name |= UInt64(bytes[j] | (isLetter(bytes[j]) ? 0x20 : 0)) << (8 * UInt64(j - nameStart)) }
            j += 1
        }
        if j - nameStart > 8 { name = 0 }
        let attributesStart = j
        // The tag ends at the first `>` outside a quoted attribute value.
        var quote: UInt8 = 0
        while j < n {
            let byte = bytes[j]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            j += 1
        }
        let end = min(j + 1, n)
        // The reader shows an image's alt text in its place, so it is searchable; an image
        // tag cut off by the end of the input shows nothing.
        if !closing, name == imageTag, j < n {
            out.append(0x20)
            altText(UnsafeBufferPointer(rebasing: bytes[attributesStart..<j]), into: &out)
            out.append(0x20)
            return end
        }
        if !closing && skippedElements.contains(name) {
            let closeTag = "</" + String(decoding: bytes[nameStart..<attributesStart], as: UTF8.self).lowercased()
            let close = skip(bytes, from: end, past: closeTag)
            out.append(0x20)
            return close >= n ? n : skip(bytes, from: close, past: ">")
        }
        if !inlineTags.contains(name) { out.append(0x20) }
        return end
    }

    private static let imageTag = packedName("img")

    /// Appends the decoded value of the `alt` attribute found in a tag's attribute bytes.
    private static func altText(_ attributes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = attributes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        var i = 0
        while i < n {
            while i < n, isSpace(attributes[i]) || attributes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < n, !isSpace(attributes[i]), attributes[i] != UInt8(ascii: "="), attributes[i] != UInt8(ascii: "/") { i += 1 }
            let isAlt = i - nameStart == 3 && starts(attributes, at: nameStart, with: "alt")
            while i < n, isSpace(attributes[i]) { i += 1 }
            guard i < n, attributes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < n, isSpace(attributes[i]) { i += 1 }
            var valueStart = i, valueEnd = i
            if i < n, attributes[i] == UInt8(ascii: "\"") || attributes[i] == UInt8(ascii: "'") {
                let quote = attributes[i]
                valueStart = i + 1
                i = valueStart
                while i < n, attributes[i] != quote { i += 1 }
                valueEnd = i
                i += 1
            } else {
                while i < n, !isSpace(attributes[i]) { i += 1 }
                valueEnd = i
            }
            guard isAlt else { continue }
            let value = UnsafeBufferPointer(rebasing: attributes[valueStart..<min(valueEnd, n)])
            var k = 0
            while k < value.count {
                if value[k] == UInt8(ascii: "&") {
                    k = entity(value, at: k, into: &out)
                } else {
                    out.append(value[k])
                    k += 1
                }
            }
            return
        }
    }

    /// Decodes the entity at `i` (or copies a lone `&`); returns the index after it.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int {
        let n = bytes.count
        var j = i + 1
        while j < n, j - i <= 32, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"), bytes[j] > 0x20 { j += 1 }
        guard j < n, bytes[j] == UInt8(ascii: ";"), j > i + 1 else {
            out.append(UInt8(ascii: "&"))
            return i + 1
        }
        let name = bytes[(i + 1)..<j]
        let scalar: Unicode.Scalar?
        if name.first == UInt8(ascii: "#") {
            let digits = name.dropFirst()
            let hex = digits.first.map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
            let text = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
            scalar = UInt32(text, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
        } else {
            scalar = HTMLEntityNames.table[String(decoding: name, as: UTF8.self)].flatMap(Unicode.Scalar.init)
        }
        guard let scalar else {
            out.append(UInt8(ascii: "&"))
            return i + 1
        }
        // Control characters and NUL from hostile numeric entities become spaces.
        let safe: Unicode.Scalar = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xA0 ? " " : scalar
        out.append(contentsOf: Array(String(Character(safe)).utf8))
        return j + 1
    }
}
