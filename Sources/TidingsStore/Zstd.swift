import CZstd
import Foundation

/// zstd for article bodies. Measured against zlib level 1 on the 10,000 bench bodies (5.2 KB of
/// HTML each, C, one core): zlib 2,388 B per body in 0.79 s; zstd level 3 with a 110 KB
/// dictionary made from the feed's own bodies 1,732 B in 0.42 s; zlib with a 32 KB preset
/// dictionary 1,828 B in 1.6 s (a fresh deflate stream per body costs more than the body).
/// A digested dictionary (`Zstd.Dictionary`) is shared by every body of its feed at no cost per body.
enum Zstd {
    /// Level 3 (zstd's default): with a dictionary it packs 10 % smaller than level 1 for about
    /// 25 % more time, still twice as fast as zlib level 1.
    static let level: Int32 = 3

    /// A dictionary digested for both directions. Immutable once made; safe to share across threads.
    final class Dictionary: @unchecked Sendable {
        let bytes: [UInt8]
        fileprivate let compression: OpaquePointer
        fileprivate let decompression: OpaquePointer

        /// `bytes` is raw content (text of earlier bodies). zstd would read content starting with its
        /// dictionary magic (37 A4 30 EC) as a trained dictionary; UTF-8 text never starts so (A4
        /// cannot follow an ASCII byte), and anything else is refused here rather than misread.
        init?(_ bytes: [UInt8]) {
            guard !bytes.isEmpty, !bytes.starts(with: [0x37, 0xA4, 0x30, 0xEC]) else { return nil }
            let made = bytes.withUnsafeBytes { raw -> (OpaquePointer?, OpaquePointer?) in
                (ZSTD_createCDict(raw.baseAddress, raw.count, Zstd.level), ZSTD_createDDict(raw.baseAddress, raw.count))
            }
            guard let c = made.0, let d = made.1 else {
                ZSTD_freeCDict(made.0)
                ZSTD_freeDDict(made.1)
                return nil
            }
            self.bytes = bytes
            compression = c
            decompression = d
        }

        deinit {
            ZSTD_freeCDict(compression)
            ZSTD_freeDDict(decompression)
        }
    }

    /// Compresses many inputs with one context. Not thread-safe: one per thread.
    final class Compressor {
        private let context: OpaquePointer
        private var output: [UInt8] = []

        init?() {
            guard let context = ZSTD_createCCtx() else { return nil }
            self.context = context
        }

        deinit { ZSTD_freeCCtx(context) }

        /// A zstd frame of `input` (with `dictionary` when given), or nil when it would not be smaller.
        /// The frame keeps zstd's 4-byte checksum: a frame unpacked with the wrong dictionary (only
        /// possible in a damaged file) fails instead of handing the search index wrong text.
        func compress(_ input: UnsafeBufferPointer<UInt8>, dictionary: Dictionary?, level: Int32 = Zstd.level) -> [UInt8]? {
            guard input.count > 1 else { return nil }
            let limit = input.count - 1
            if output.count < limit { output = [UInt8](repeating: 0, count: limit) }
            ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters)
            ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
            ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
            ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0)
            if let dictionary { ZSTD_CCtx_refCDict(context, dictionary.compression) }
            let written = output.withUnsafeMutableBytes { target in
                ZSTD_compress2(context, target.baseAddress, limit, input.baseAddress, input.count)
            }
            // An error here is nearly always "destination too small": packing does not pay.
            guard ZSTD_isError(written) == 0 else { return nil }
            return Array(output[0..<written])
        }
    }

    /// Largest body a frame may unpack to: far above any feed body (the fetcher caps documents
    /// at 15 MiB), so damaged or hostile data cannot make a reader allocate without bound.
    static let maximumContent = 64 << 20

    /// The content of one frame, or nil when it is damaged, needs another dictionary, or is too large.
    /// One-off; many frames go through a `Decompressor`.
    static func decompress(_ frame: UnsafeRawBufferPointer, dictionary: Dictionary?) -> [UInt8]? {
        guard let decompressor = idle.take() ?? Decompressor() else { return nil }
        defer { idle.put(decompressor) }
        return decompressor.decompress(frame, dictionary: dictionary)
    }

    /// Contexts between uses: the search index's triggers unpack one body per deleted article.
    private static let idle = DecompressorPool()

    private final class DecompressorPool: @unchecked Sendable {
        private let lock = NSLock()
        private var contexts: [Decompressor] = []

        func take() -> Decompressor? { lock.withLock { contexts.popLast() } }

        func put(_ context: Decompressor) {
            // One per thread that unpacks at the same time; a few threads at most do.
            lock.withLock { if contexts.count < 4 { contexts.append(context) } }
        }
    }

    /// Decompresses many frames with one context (about 100 KB to set up). Not thread-safe.
    final class Decompressor {
        private let context: OpaquePointer

        init?() {
            guard let context = ZSTD_createDCtx() else { return nil }
            self.context = context
        }

        deinit { ZSTD_freeDCtx(context) }

        func decompress(_ frame: UnsafeRawBufferPointer, dictionary: Dictionary?) -> [UInt8]? {
            guard let base = frame.baseAddress, !frame.isEmpty else { return nil }
            let declared = ZSTD_getFrameContentSize(base, frame.count)
            // The compressor always records the size; a frame without one was not written here.
            guard declared != ZSTD_CONTENTSIZE_ERROR, declared != ZSTD_CONTENTSIZE_UNKNOWN,
                  declared <= UInt64(Zstd.maximumContent) else { return nil }
            let size = Int(declared)
            var result = [UInt8](repeating: 0, count: size)
            let produced = result.withUnsafeMutableBytes { target -> Int in
                let status = dictionary.map {
                    ZSTD_decompress_usingDDict(context, target.baseAddress, size, base, frame.count, $0.decompression)
                } ?? ZSTD_decompressDCtx(context, target.baseAddress, size, base, frame.count)
                return ZSTD_isError(status) == 0 ? status : -1
            }
            return produced == size ? result : nil
        }
    }
}
