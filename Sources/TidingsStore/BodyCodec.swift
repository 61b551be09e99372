import Foundation
import CZlib
internal import GRDB

/// How article bodies (content and summary) are stored: raw deflate in a BLOB when that is
/// smaller, else the text itself. SQLite's storage class tells the two apart, so plain text
/// written by older builds or by hand stays readable without a flag column. Only bodies are
/// packed: titles, authors and dates stay plain, so listing never decompresses anything.
enum BodyCodec {
    /// Below this many bytes deflate gains too little to be worth a decompression.
    static let minimumPackedBytes = 128

    /// zlib level 1: on 2–8 KB HTML it packs within a few percent of level 6 at three times
    /// the speed (measured on the bench corpus), and packing runs on the parsing thread.
    static let level: Int32 = 1

    /// The stored form of a body: a BLOB of raw deflate, or the text when packing does not pay.
    static func pack(_ text: String?) -> DatabaseValue {
        guard let text else { return .null }
        let bytes = Array(text.utf8)
        guard bytes.count >= minimumPackedBytes, let packed = deflate(bytes), packed.count < bytes.count else {
            return text.databaseValue
        }
        return packed.databaseValue
    }

    /// The text of a stored body, whichever form it was stored in; nil for NULL or damaged data.
    static func unpack(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case let .string(text): return text
        case let .blob(data): return inflate(data).map { String(decoding: $0, as: UTF8.self) }
        case .int64, .double: return String.fromDatabaseValue(value)
        }
    }

    /// Raw deflate (no zlib header or checksum: SQLite pages carry their own integrity).
    private static func deflate(_ input: [UInt8]) -> Data? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var input = input
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

    /// Inflates a raw deflate stream; nil when it is damaged.
    private static func inflate(_ data: Data) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
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
