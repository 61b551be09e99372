import Foundation
import Testing
@testable import TidingsStore
internal import GRDB

/// The stored form of a body packed with a dictionary, and what reads it back.
@Suite("Bodies packed with a dictionary")
struct BodyDictionaryCodecTests {
    private let dictionary = BodyDictionary(bytes: Array((0..<8).map { DictionaryFixture.body($0) }.joined().utf8.suffix(32_768)))!

    private func packed(_ text: String, id: Int64 = 42) throws -> DatabaseValue {
        let packer = try #require(BodyPacker(dictionary))
        return packer.prepare(text).stored(dictionaryID: id, text: text)
    }

    @Test func aBodyRoundTripsThroughItsDictionary() throws {
        for n in [20, 21, 500] {
            let text = DictionaryFixture.body(n)
            let value = try packed(text)
            guard case let .blob(data) = value.storage else { Issue.record("not packed"); continue }
            #expect(data.first == BodyDictionary.marker)
            #expect(BodyCodec.unpack(value, dictionary: { $0 == 42 ? dictionary : nil }) == text)
            // Smaller than without the dictionary: the point of it all.
            guard case let .blob(plain) = BodyCodec.pack(text).storage else { Issue.record("not packed"); continue }
            #expect(data.count < plain.count)
        }
    }

    @Test func theIdIsAnLEB128VarintAfterTheMarker() throws {
        #expect(BodyDictionary.header(id: 1) == [0x06, 0x01])
        #expect(BodyDictionary.header(id: 300) == [0x06, 0xAC, 0x02])
        for id: Int64 in [0, 1, 127, 128, 16_383, 16_384, 1 << 40, .max] {
            let header = BodyDictionary.header(id: id) + [0xFF]
            let parsed = header.withUnsafeBytes { BodyDictionary.parseHeader($0) }
            #expect(parsed?.id == id && parsed?.start == header.count - 1)
        }
    }

    @Test func olderRawDeflateAndTextStillRead() {
        let text = DictionaryFixture.body(3)
        #expect(BodyCodec.unpack(BodyCodec.pack(text), dictionary: { _ in nil }) == text)
        #expect(BodyCodec.unpack(BodyCodec.pack(text)) == text)
        #expect(BodyCodec.unpack(text.databaseValue, dictionary: { _ in dictionary }) == text)
        #expect(BodyCodec.unpack(DatabaseValue.null, dictionary: { _ in dictionary }) == nil)
    }

    @Test func aMissingDictionaryOrDamagedBlobReadsAsNil() throws {
        let text = DictionaryFixture.body(9)
        let value = try packed(text, id: 300)
        guard case let .blob(data) = value.storage else { Issue.record("not packed"); return }
        // The dictionary is missing, or another one is given: the frame's checksum refuses it.
        #expect(BodyCodec.unpack(value) == nil)
        #expect(BodyCodec.unpack(value, dictionary: { _ in nil }) == nil)
        let other = try #require(BodyDictionary(bytes: Array(String(repeating: "zq", count: 16_000).utf8)))
        #expect(BodyCodec.unpack(value, dictionary: { _ in other }) == nil)
        // Headers cut short or overlong, frames cut short or garbled.
        let damaged: [[UInt8]] = [[0x06], [0x06, 0x80], [0x06, 0xAC], Array(repeating: 0x86, count: 12),
                                  Array(data.prefix(data.count / 2)), Array(data.prefix(3)) + Array(repeating: 0xFF, count: 64)]
        for bytes in damaged {
            #expect(BodyCodec.unpack(Data(bytes).databaseValue, dictionary: { _ in dictionary }) == nil, "\(bytes.prefix(4))")
        }
    }

    @Test func aBodyTheDictionaryDoesNotShrinkStaysText() throws {
        #expect(try packed("short") == "short".databaseValue)
        let noise = String(sequence(first: UInt32(7)) { $0 &* 1_103_515_245 &+ 12_345 }.prefix(130)
            .map { Character(Unicode.Scalar(UInt8(33 + ($0 >> 16) % 94))) })
        #expect(try packed(noise) == noise.databaseValue)
        // The writer could not keep the dictionary: packed the old way instead.
        let text = DictionaryFixture.body(4)
        let fallback = try #require(BodyPacker(dictionary)).prepare(text).stored(dictionaryID: nil, text: text)
        #expect(fallback == BodyCodec.pack(text))
    }

    @Test func theDictionaryIsTheLast64KBOfWholeBodiesAndStoresPacked() throws {
        let bodies = (0..<80).map { DictionaryFixture.body($0) } + [""]
        let (built, covered) = try #require(BodyDictionary.build(fromDocumentOrder: bodies))
        #expect(built.bytes.count == BodyDictionary.maximumBytes)
        #expect(built.bytes == Array(bodies.joined().utf8.suffix(BodyDictionary.maximumBytes)))
        #expect(bodies.suffix(covered).reduce(0) { $0 + $1.utf8.count } >= BodyDictionary.maximumBytes)
        #expect(bodies.suffix(covered - 1).reduce(0) { $0 + $1.utf8.count } < BodyDictionary.maximumBytes)
        let stored = try #require(built.stored())
        #expect(stored.count < built.bytes.count / 2)
        #expect(BodyDictionary(stored: stored)?.bytes == built.bytes)
        #expect(BodyDictionary(stored: Data([1, 2, 3])) == nil)
    }
}
