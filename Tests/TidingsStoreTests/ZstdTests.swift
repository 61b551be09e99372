import Testing
@testable import TidingsStore

@Suite("zstd frames for bodies")
struct ZstdTests {
    private let body = Array(String(repeating: "<p>The harbour ferry leaves at nine, weather permitting. </p>\n", count: 40).utf8)
    private let dictionaryText = Array(String(repeating: "<p>The harbour ferry timetable changes for winter. </p>\n", count: 30).utf8)

    private func pack(_ input: [UInt8], _ dictionary: Zstd.Dictionary?) throws -> [UInt8] {
        let compressor = try #require(Zstd.Compressor())
        return try #require(input.withUnsafeBufferPointer { compressor.compress($0, dictionary: dictionary) })
    }

    @Test func roundTripWithAndWithoutADictionary() throws {
        let dictionary = try #require(Zstd.Dictionary(dictionaryText))
        let plain = try pack(body, nil)
        let withDictionary = try pack(body, dictionary)
        #expect(plain.count < body.count)
        #expect(withDictionary.count < plain.count)
        #expect(plain.withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == body)
        #expect(withDictionary.withUnsafeBytes { Zstd.decompress($0, dictionary: dictionary) } == body)
    }

    @Test func theWrongDictionaryOrNoneFailsInsteadOfGivingOtherText() throws {
        let dictionary = try #require(Zstd.Dictionary(dictionaryText))
        let other = try #require(Zstd.Dictionary(Array(String(repeating: "<li>Something else entirely, quite different.</li>", count: 30).utf8)))
        let frame = try pack(body, dictionary)
        #expect(frame.withUnsafeBytes { Zstd.decompress($0, dictionary: other) } == nil)
        #expect(frame.withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == nil)
    }

    @Test func damagedTruncatedOrHugeFramesAreRefused() throws {
        let frame = try pack(body, nil)
        var flipped = frame
        flipped[frame.count / 2] ^= 0x5A
        #expect(flipped.withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == nil)
        #expect(Array(frame.prefix(frame.count - 3)).withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == nil)
        #expect([UInt8]().withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == nil)
        // A frame header claiming 1 GB of content: refused before anything is allocated.
        let claim: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0xA0, 0x00, 0x00, 0x00, 0x40, 0x01, 0x00, 0x00]
        #expect(claim.withUnsafeBytes { Zstd.decompress($0, dictionary: nil) } == nil)
    }

    @Test func incompressibleOrTinyInputIsNotPacked() throws {
        let compressor = try #require(Zstd.Compressor())
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(noise.withUnsafeBufferPointer { compressor.compress($0, dictionary: nil) } == nil)
        #expect([UInt8(65)].withUnsafeBufferPointer { compressor.compress($0, dictionary: nil) } == nil)
    }

    @Test func contentThatLooksLikeATrainedDictionaryIsRefused() {
        #expect(Zstd.Dictionary([0x37, 0xA4, 0x30, 0xEC, 1, 2, 3]) == nil)
        #expect(Zstd.Dictionary([]) == nil)
    }
}
