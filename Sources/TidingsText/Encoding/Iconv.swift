#if canImport(Glibc)
import Glibc
#endif

/// Converting a legacy encoding to UTF-8 with the C library's iconv, for feeds and web pages alike.
public enum Iconv {
    /// The bytes as UTF-8, with each invalid or truncated sequence replaced by U+FFFD (one byte at
    /// a time, so the rest survives); `replaced` says whether that happened. Nil when iconv does
    /// not know the encoding.
    public static func toUTF8(_ bytes: ArraySlice<UInt8>, from encoding: String) -> (bytes: [UInt8], replaced: Bool)? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 2)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var replaced = false
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                let (status, err, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, errno, outBuf.count - outLeft)
                }
                out.append(contentsOf: chunk[0..<produced])
                if status == -1 {
                    if err == E2BIG { continue }
                    // EILSEQ or a truncated sequence: replace one byte and carry on.
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced = true
                    inPtr = inPtr?.advanced(by: 1)
                    inLeft -= 1
                }
            }
        }
        return (out, replaced)
    }
}
