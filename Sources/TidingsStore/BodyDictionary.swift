import Foundation
import CZlib

/// A preset deflate dictionary for one feed's bodies (issue 11, "lean cache"): the bodies of a
/// feed share most of their markup and boilerplate, which one body alone cannot exploit.
/// Measured on the bench corpus (deflate level 1): 2,387 B per article without, 1,837 B with a
/// dictionary made from the feed's own bodies (-23 %).
///
/// Stored form of a body packed with one: `0x06`, the dictionary id as an unsigned LEB128 varint,
/// then raw deflate made with that dictionary. 0x06 can never begin a raw deflate stream (its
/// bits say BTYPE=11, which is reserved), so raw deflate blobs and TEXT written before stay
/// readable as they are. Dictionaries are immutable and their ids never reused (AUTOINCREMENT),
/// so a body's bytes always mean the same text.
struct BodyDictionary: Sendable {
    /// The bytes deflate is primed with; at most `maximumBytes`.
    let bytes: [UInt8]

    /// Deflate only looks back 32 KB, so more would never be used.
    static let maximumBytes = 32_768

    /// First byte of a body packed with a dictionary.
    static let marker: UInt8 = 0x06

    /// Made from a batch of bodies, in document order (newest first): the last 32 KB of their
    /// concatenation, whole bodies. Measured against slices of many bodies (the first 256, 512
    /// or 1,024 bytes of each, or head and tail of each), whole bodies packed later imports best
    /// on both corpora: bench 1,834 B per body (slices 1,842–1,900), SampleFeeds 448 B (slices
    /// 458–477). Which bodies end up at the end (nearest, so cheapest to refer to) mattered
    /// less: the oldest at the end 1,834 B, the newest 1,838 B, bodies spread over the batch 1,836 B.
    /// `covered` is how many of the bodies, counted from the end, are wholly or partly inside.
    static func build(fromDocumentOrder bodies: [String]) -> (dictionary: BodyDictionary, covered: Int)? {
        // Only the last bodies are copied: a first import may hold megabytes of them.
        var chunks: [String] = []
        var total = 0
        var covered = 0
        for body in bodies.reversed() {
            if total >= maximumBytes { break }
            covered += 1
            guard !body.isEmpty else { continue }
            chunks.append(body)
            total += body.utf8.count
        }
        guard total > 0 else { return nil }
        var joined: [UInt8] = []
        joined.reserveCapacity(total)
        for chunk in chunks.reversed() { joined += chunk.utf8 }
        return (BodyDictionary(bytes: Array(joined.suffix(maximumBytes))), covered)
    }

    /// The dictionary as kept in `body_dictionary.data`: deflated at level 9 (once per dictionary,
    /// so the slow level is affordable), about 11.5 KB for 32 KB of bench HTML.
    func stored() -> Data? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Data(output[0..<Int(stream.total_out)])
    }

    /// A dictionary from its stored form; nil when the data is damaged.
    init?(stored data: Data) {
        guard let bytes = BodyCodec.inflate([UInt8](data), dictionary: nil), bytes.count <= Self.maximumBytes else { return nil }
        self.bytes = bytes
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The header of a body packed with dictionary `id`.
    static func header(id: Int64) -> [UInt8] {
        var header: [UInt8] = [marker]
        var rest = UInt64(bitPattern: id)
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            header.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
        return header
    }

    /// The dictionary id and where the deflate data starts, or nil when `blob` is not a
    /// dictionary-packed body or its header is damaged.
    static func parseHeader(_ blob: UnsafeRawBufferPointer) -> (id: Int64, start: Int)? {
        guard blob.count > 1, blob[0] == marker else { return nil }
        var id: UInt64 = 0
        var shift: UInt64 = 0
        var index = 1
        while index < blob.count, shift < 63 {
            let byte = blob[index]
            id |= UInt64(byte & 0x7F) << shift
            index += 1
            if byte & 0x80 == 0 {
                guard id <= UInt64(Int64.max) else { return nil }
                return (Int64(id), index)
            }
            shift += 7
        }
        return nil
    }
}
