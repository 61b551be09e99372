import Foundation
import CZlib
internal import GRDB

/// A body as prepared off the write lock: its final stored form, or raw deflate made with the
/// document's dictionary, whose header needs the dictionary's id, which only the writer knows
/// for a dictionary it has yet to insert.
enum PackedBody {
    case ready(DatabaseValue)
    case withDictionary([UInt8])

    /// The stored form. `dictionaryID` nil means the dictionary could not be written (its feed
    /// went meanwhile): the body is then packed the old way from its text.
    func stored(dictionaryID: Int64?, text: String?) -> DatabaseValue {
        switch self {
        case let .ready(value): return value
        case let .withDictionary(deflated):
            guard let dictionaryID else { return BodyCodec.pack(text) }
            let blob = BodyDictionary.header(id: dictionaryID) + deflated
            // The header made it no smaller than the text itself.
            guard let text, blob.count < text.utf8.count else { return text?.databaseValue ?? .null }
            return Data(blob).databaseValue
        }
    }
}

/// Packs a feed's bodies with its dictionary. The dictionary is set once on a primed stream and
/// each body is packed by a copy of that stream (`deflateCopy`), rather than resetting one stream
/// and setting the dictionary again, which hashes all 32 KB every time. Measured in Swift on
/// 1,000 bench bodies (5.2 KB of HTML each, debug build): copy 67 µs per body, reset and set
/// 108 µs, no dictionary at all 103 µs (long matches into the dictionary skip most hashing).
/// Not thread-safe: one packer per thread.
final class DictionaryPacker {
    private var primed = z_stream()
    private var output: [UInt8] = []

    init?(_ dictionary: BodyDictionary) {
        guard deflateInit2_(&primed, BodyCodec.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        let status = dictionary.bytes.withUnsafeBufferPointer {
            deflateSetDictionary(&primed, $0.baseAddress, UInt32($0.count))
        }
        guard status == Z_OK else {
            deflateEnd(&primed)
            return nil
        }
    }

    deinit { deflateEnd(&primed) }

    /// The body packed with the dictionary, or as text when that does not make it smaller.
    func pack(_ text: String?) -> PackedBody {
        guard var text else { return .ready(.null) }
        let packed = text.withUTF8 { bytes -> [UInt8]? in
            guard bytes.count >= BodyCodec.minimumPackedBytes else { return nil }
            return deflate(bytes)
        }
        return packed.map(PackedBody.withDictionary) ?? .ready(text.databaseValue)
    }

    /// Raw deflate with the dictionary, or nil when it would not be smaller than the input.
    func deflate(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard deflateCopy(&stream, &primed) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let limit = input.count - 1
        if output.count < limit { output = [UInt8](repeating: 0, count: limit) }
        let status = output.withUnsafeMutableBufferPointer { target in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = target.baseAddress
            stream.avail_out = UInt32(limit)
            return CZlib.deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output[0..<Int(stream.total_out)])
    }
}
