/// An append-only UTF-8 buffer: the generator writes about a gigabyte, so it avoids building
/// intermediate Strings and escapes markup byte by byte.
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: ByteBuffer) { bytes.append(contentsOf: other.bytes) }

    /// Appends `text` so that it survives as character data inside XML (escaped HTML).
    mutating func appendEscaped(_ other: ByteBuffer) {
        for byte in other.bytes {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            default: bytes.append(byte)
            }
        }
    }

    mutating func appendEscaped(_ text: String) {
        var plain = ByteBuffer()
        plain.append(text)
        appendEscaped(plain)
    }
}
