import Foundation

/// A dictionary for one feed's bodies (issue 11, "lean cache"): the bodies of a feed share most
/// of their markup, boilerplate and vocabulary, which one body alone cannot exploit. Bodies are
/// zstd frames made with it (see `BodyCodec`); 10,000 bench bodies: 2,388 B each with zlib and no
/// dictionary, 1,772 B with zstd and a 64 KB dictionary made from the feed's own bodies.
///
/// Stored form of a packed body: `0x06`, the dictionary id as an unsigned LEB128 varint (0 for
/// none), then a zstd frame. 0x06 can never begin a raw deflate stream (its bits say BTYPE=11,
/// which is reserved), so the raw deflate blobs and TEXT written by earlier builds stay readable
/// as they are. Dictionaries are immutable and their ids never reused (AUTOINCREMENT), so a
/// body's bytes always mean the same text.
struct BodyDictionary: Sendable {
    /// The dictionary, digested once for packing and unpacking.
    let digest: Zstd.Dictionary

    var bytes: [UInt8] { digest.bytes }

    /// zstd can use more; past 64 KB the bench bodies gained 2 % more while a dictionary costs
    /// its feed more to store (measured in C: 32 KB 1,962 B per body at level 1, 64 KB 1,772 B at
    /// level 3, 110 KB 1,732 B).
    static let maximumBytes = 65_536

    /// First byte of a packed body.
    static let marker: UInt8 = 0x06

    /// Made from a batch of bodies, in document order (newest first): the last 64 KB of their
    /// concatenation, whole bodies. Measured against slices of many bodies (the first 256, 512
    /// or 1,024 bytes of each, or head and tail of each), whole bodies packed later imports best
    /// on both corpora: bench 1,834 B per body (slices 1,842–1,900), SampleFeeds 448 B (slices
    /// 458–477). Which bodies end up at the end (nearest, so cheapest to refer to) mattered
    /// less: the oldest at the end 1,834 B, the newest 1,838 B, bodies spread over the batch 1,836 B.
    /// (Those comparisons were made with deflate's 32 KB; zstd reads the dictionary the same way.)
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
        return BodyDictionary(bytes: Array(joined.suffix(maximumBytes))).map { ($0, covered) }
    }

    /// The dictionary as kept in `body_dictionary.data`: a zstd frame at level 9. Level 19 made
    /// 64 KB of bench HTML 7 % smaller (20.0 KB against 21.5 KB) but took 30 ms instead of 2 ms,
    /// 10 % of a 10,000-article import's CPU with one new dictionary per 1,000 articles.
    func stored() -> Data? {
        guard let compressor = Zstd.Compressor() else { return nil }
        return bytes.withUnsafeBufferPointer { compressor.compress($0, dictionary: nil, level: 9) }.map { Data($0) }
    }

    /// A dictionary from its stored form; nil when the data is damaged.
    init?(stored data: Data) {
        guard let bytes = data.withUnsafeBytes({ Zstd.decompress($0, dictionary: nil) }), bytes.count <= Self.maximumBytes
        else { return nil }
        self.init(bytes: bytes)
    }

    /// nil for bytes zstd would not take as raw content (see `Zstd.Dictionary`).
    init?(bytes: [UInt8]) {
        guard let digest = Zstd.Dictionary(bytes) else { return nil }
        self.digest = digest
    }

    /// The header of a body packed with dictionary `id` (0: without one).
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

    /// The dictionary id (0: none) and where the zstd frame starts, or nil when `blob` is not a
    /// packed body of this form or its header is damaged.
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
