import Foundation
import CZlib
internal import GRDB

/// How article bodies (content and summary) are stored: raw deflate in a BLOB when that is
/// smaller, else the text itself. SQLite's storage class tells the two apart, so plain text
/// written by older builds or by hand stays readable without a flag column. A BLOB starting with
/// 0x06 is packed with its feed's dictionary instead (see `BodyDictionary`). Only bodies are
/// packed: titles, authors and dates stay plain, so listing never decompresses anything.
enum BodyCodec {
    /// Below this many bytes deflate gains too little to be worth a decompression.
    static let minimumPackedBytes = 128

    /// zlib level 1: on 2–8 KB HTML it packs within a few percent of level 6 at three times
    /// the speed (measured on the bench corpus), and packing runs on the parsing thread.
    static let level: Int32 = 1

    /// The stored form of a body: a BLOB of raw deflate, or the text when packing does not pay.
    /// One-off packing; an import packs a feed's bodies with one `BodyPacker`.
    static func pack(_ text: String?) -> DatabaseValue {
        guard let text else { return .null }
        return BodyPacker()?.pack(text) ?? text.databaseValue
    }

    /// The text of a stored body, whichever form it was stored in; nil for NULL or damaged data,
    /// and for a body packed with a dictionary (see `BodyDictionary`) that `dictionary` cannot give.
    static func unpack(_ value: DatabaseValue, dictionary: (Int64) -> BodyDictionary? = { _ in nil }) -> String? {
        switch value.storage {
        case .null: return nil
        case let .string(text): return text
        case let .blob(data): return unpack(blob: data, dictionary: dictionary)
        case .int64, .double: return String.fromDatabaseValue(value)
        }
    }

    private static func unpack(blob data: Data, dictionary: (Int64) -> BodyDictionary?) -> String? {
        let bytes = [UInt8](data)
        let inflated: [UInt8]?
        if bytes.first == BodyDictionary.marker {
            guard let (id, start) = bytes.withUnsafeBytes({ BodyDictionary.parseHeader($0) }),
                  let found = dictionary(id) else { return nil }
            inflated = inflate(Array(bytes[start...]), dictionary: found.bytes)
        } else {
            inflated = inflate(bytes, dictionary: nil)
        }
        return inflated.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Inflates a raw deflate stream, made with `dictionary` if given; nil when it is damaged.
    static func inflate(_ bytes: [UInt8], dictionary: [UInt8]?) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        if let dictionary {
            // Raw inflate takes the dictionary up front (there is no header asking for it).
            guard dictionary.withUnsafeBufferPointer({ inflateSetDictionary(&stream, $0.baseAddress, UInt32($0.count)) }) == Z_OK
            else { return nil }
        }
        var input = bytes
        var result: [UInt8] = []
        // HTML packs about 3:1; start there and grow.
        var chunk = [UInt8](repeating: 0, count: max(4_096, input.count * 4))
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                result.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return result }
                // Out of input before the end, or an error: damaged data.
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else { return nil }
            }
        }
    }
}

/// Packs many bodies with one deflate stream, reset between bodies. Setting a stream up
/// allocates and clears about 256 KB, which cost as much as compressing a 5 KB body: half
/// of the packing time of an import went there. Not thread-safe: one packer per thread.
final class BodyPacker {
    private var stream = z_stream()
    private var output: [UInt8] = []

    init?() {
        guard deflateInit2_(&stream, BodyCodec.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    }

    deinit { deflateEnd(&stream) }

    /// The stored form of a body (see `BodyCodec.pack`).
    func pack(_ text: String?) -> DatabaseValue {
        guard var text else { return .null }
        let packed = text.withUTF8 { bytes -> Data? in
            guard bytes.count >= BodyCodec.minimumPackedBytes else { return nil }
            return deflate(bytes)
        }
        return packed?.databaseValue ?? text.databaseValue
    }

    /// How many bytes `body` packs to, or nil when packing does not make it smaller (for
    /// `DictionaryPolicy`'s trial).
    func deflatedCount(_ body: UnsafeBufferPointer<UInt8>) -> Int? {
        body.count >= BodyCodec.minimumPackedBytes ? deflate(body)?.count : nil
    }

    /// Raw deflate (no zlib header or checksum: SQLite pages carry their own integrity), or nil
    /// when it would not be smaller than the input.
    private func deflate(_ input: UnsafeBufferPointer<UInt8>) -> Data? {
        guard deflateReset(&stream) == Z_OK else { return nil }
        // Anything at least as long as the input is not kept, so the buffer need not hold more.
        let limit = input.count - 1
        if output.count < limit { output = [UInt8](repeating: 0, count: limit) }
        let status = output.withUnsafeMutableBufferPointer { target in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = target.baseAddress
            stream.avail_out = UInt32(limit)
            return CZlib.deflate(&stream, Z_FINISH)
        }
        // Z_OK or Z_BUF_ERROR here means the output did not fit: packing does not pay.
        guard status == Z_STREAM_END else { return nil }
        return output.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[0..<Int(stream.total_out)])) }
    }
}
