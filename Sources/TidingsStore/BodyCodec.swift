import Foundation
import CZlib
internal import GRDB

/// How article bodies (content and summary) are stored. SQLite's storage class and the first byte
/// tell the forms apart, so no flag column is needed and nothing old needs rewriting:
/// - TEXT: the body itself, when packing does not pay (short bodies), or as written by hand or
///   by builds before "v6-lean-cache";
/// - a BLOB starting with 0x06: `BodyDictionary`'s header (dictionary id, 0 for none), then a zstd
///   frame: what this build writes;
/// - any other BLOB: raw deflate, as builds from "v6-lean-cache" to "v9-body-dictionaries" wrote.
/// Only bodies are packed: titles, authors and dates stay plain, so listing never decompresses anything.
enum BodyCodec {
    /// Below this many bytes packing gains too little to be worth a decompression.
    static let minimumPackedBytes = 128

    /// The stored form of a body, without a dictionary. One-off packing; an import packs a feed's
    /// bodies with one `BodyPacker`.
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
        let unpacked = data.withUnsafeBytes { bytes -> [UInt8]? in
            guard bytes.first == BodyDictionary.marker else { return inflate(bytes) }
            guard let (id, start) = BodyDictionary.parseHeader(bytes) else { return nil }
            let frame = UnsafeRawBufferPointer(rebasing: bytes[start...])
            if id == 0 { return Zstd.decompress(frame, dictionary: nil) }
            guard let found = dictionary(id) else { return nil }
            return Zstd.decompress(frame, dictionary: found.digest)
        }
        return unpacked.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Inflates a raw deflate stream (the form earlier builds wrote); nil when it is damaged.
    static func inflate(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard !bytes.isEmpty else { return nil }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        // HTML packs about 3:1; start there and grow.
        var chunk = [UInt8](repeating: 0, count: max(4_096, bytes.count * 4))
        stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: UInt8.self).baseAddress)
        stream.avail_in = UInt32(bytes.count)
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
            // A stream that inflates past what any body could be is damaged or hostile.
            guard result.count <= Zstd.maximumContent else { return nil }
        }
    }
}

/// Packs many bodies with one zstd context, with or without a dictionary. With one, zstd has
/// digested it once (`Zstd.Dictionary`) and every body refers to it at no further cost, where
/// deflate had to be primed again per body (67 µs per bench body against about 40 µs).
/// Not thread-safe: one packer per thread.
final class BodyPacker {
    private let compressor: Zstd.Compressor
    /// The dictionary bodies are packed with, if any.
    let dictionary: BodyDictionary?

    init?(_ dictionary: BodyDictionary? = nil) {
        guard let compressor = Zstd.Compressor() else { return nil }
        self.compressor = compressor
        self.dictionary = dictionary
    }

    /// The stored form of a body packed without a dictionary (see `BodyCodec`), or the text when
    /// packing does not make it smaller.
    func pack(_ text: String?) -> DatabaseValue {
        guard var text else { return .null }
        let packed = text.withUTF8 { bytes -> Data? in
            guard let frame = frame(bytes) else { return nil }
            let blob = BodyDictionary.header(id: 0) + frame
            return blob.count < bytes.count ? Data(blob) : nil
        }
        return packed?.databaseValue ?? text.databaseValue
    }

    /// A body as prepared off the write lock (see `PackedBody`): packed with the dictionary, its
    /// header waits for the id the writer gives it; without one it is in its final form.
    func prepare(_ text: String?) -> PackedBody {
        guard dictionary != nil else { return .ready(pack(text)) }
        guard var text else { return .ready(.null) }
        let frame = text.withUTF8 { self.frame($0) }
        return frame.map(PackedBody.withDictionary) ?? .ready(text.databaseValue)
    }

    /// How many bytes `body` packs to with its header, or nil when packing does not make it
    /// smaller (for `DictionaryPolicy`'s trial).
    func packedCount(_ body: UnsafeBufferPointer<UInt8>) -> Int? {
        frame(body).map { $0.count + DictionaryPolicy.headerBytes }
    }

    /// The zstd frame of a body of at least `BodyCodec.minimumPackedBytes`, or nil when it would
    /// not be smaller than the input.
    func frame(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.count >= BodyCodec.minimumPackedBytes else { return nil }
        return compressor.compress(input, dictionary: dictionary?.digest)
    }
}
