import Foundation
import Testing
@testable import TidingsStore

@Suite("One packer for a feed's bodies")
struct BodyPackerTests {
    private let bodies = [
        String(repeating: "<p>The river flows past the old mill.</p>\n", count: 50),
        "short",
        String(repeating: "東京の天気は晴れです 🚀 Zoë ", count: 40),
        // Unpackable: 130 pseudo-random printable characters, which deflate only makes longer.
        String(sequence(first: UInt32(12_345)) { $0 &* 1_103_515_245 &+ 12_345 }.prefix(130)
            .map { Character(Unicode.Scalar(UInt8(33 + ($0 >> 16) % 94))) }),
        String(repeating: "<li>Lanterns along the quay tonight.</li>", count: 200),
        String(repeating: "x", count: 128),
    ]

    @Test func aReusedStreamPacksEachBodyAsAFreshOneWould() throws {
        let packer = try #require(BodyPacker())
        for body in bodies + bodies.reversed() {
            let packed = packer.pack(body)
            #expect(packed == BodyCodec.pack(body))
            #expect(BodyCodec.unpack(packed) == body)
        }
        #expect(packer.pack(nil).isNull)
    }

    @Test func aBodyThatDoesNotShrinkStaysText() throws {
        let packer = try #require(BodyPacker())
        _ = packer.pack(bodies[0])
        #expect(packer.pack(bodies[3]).storage == .string(bodies[3]))
        #expect(packer.pack("short").storage == .string("short"))
    }
}
