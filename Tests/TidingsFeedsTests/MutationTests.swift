import Foundation
import Testing
import TidingsCore
@testable import TidingsFeeds

/// Randomised damage to valid fixtures: every mutant must give a document or a clean
/// `FeedParseError`, fast, with items that still satisfy the model's promises.
@Suite struct MutationTests {
    static let fixtures = ["rss20.xml", "atom10.xml", "atom03.xml", "rss10.rdf", "rss091.xml", "rss092.xml",
                           "rss090.rdf", "jsonfeed10.json", "jsonfeed11.json", "quirks-rss20.xml"]
    static let runsPerFixture = 500

    enum Mutation: CaseIterable { case truncate, flipBytes, duplicateTag, deleteRange, insertJunk, swapHalves }

    @Test(arguments: fixtures)
    func mutantsNeverCrashOrHang(_ fixture: String) throws {
        let original = try [UInt8](Fixtures.data(fixture))
        var rng = SeededRandom(seed: UInt64(fixture.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var parsed = 0, refused = 0
        for run in 0..<Self.runsPerFixture {
            let mutation = Mutation.allCases[run % Mutation.allCases.count]
            let mutant = Self.mutate(original, mutation, &rng)
            let start = Date()
            do {
                let doc = try FeedParser.parse(Data(mutant))
                parsed += 1
                for item in doc.items { #expect(!item.id.isEmpty, "\(fixture) run \(run) \(mutation)") }
                #expect(!FeedJSON.encode(doc).isEmpty)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty)
                #expect(!error.description.contains("\n"))
            }
            #expect(Date().timeIntervalSince(start) < 1, "\(fixture) run \(run) \(mutation) took too long")
        }
        #expect(parsed + refused == Self.runsPerFixture)
        #expect(parsed > 0, "some mutants of \(fixture) should still parse")
    }

    static func mutate(_ b: [UInt8], _ m: Mutation, _ rng: inout SeededRandom) -> [UInt8] {
        guard !b.isEmpty else { return b }
        var out = b
        switch m {
        case .truncate:
            out = Array(b.prefix(rng.below(b.count)))
        case .flipBytes:
            for _ in 0..<(1 + rng.below(8)) {
                let i = rng.below(out.count)
                out[i] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8)) | (rng.below(4) == 0 ? 0x80 : 0)
            }
        case .duplicateTag:
            // Copy one element-ish span (from a '<' to a later '>') and insert it somewhere else.
            let opens = b.indices.filter { b[$0] == UInt8(ascii: "<") }
            guard let from = opens.isEmpty ? nil : opens[rng.below(opens.count)],
                  let to = b[from...].indices.dropFirst(rng.below(200)).first(where: { b[$0] == UInt8(ascii: ">") }) else { return b }
            let span = b[from...to]
            for _ in 0..<(1 + rng.below(3)) { out.insert(contentsOf: span, at: rng.below(out.count + 1)) }
        case .deleteRange:
            let i = rng.below(b.count)
            out.removeSubrange(i..<min(b.count, i + 1 + rng.below(64)))
        case .insertJunk:
            let junk: [[UInt8]] = [Array("&".utf8), Array("<".utf8), Array("]]>".utf8), Array("<![CDATA[".utf8),
                                   Array("&#xD800;".utf8), Array("&nosuch;".utf8), [0x00, 0xFF, 0xFE], Array("</channel>".utf8),
                                   Array("<!DOCTYPE x [<!ENTITY a \"&a;\">]>".utf8), Array("&a;".utf8), Array("\"}]{[".utf8)]
            for _ in 0..<(1 + rng.below(4)) { out.insert(contentsOf: junk[rng.below(junk.count)], at: rng.below(out.count + 1)) }
        case .swapHalves:
            let i = rng.below(b.count)
            out = Array(b[i...] + b[..<i])
        }
        return out
    }
}

/// Seeded, so the same mutants come on every run and a failure can be replayed.
typealias SeededRandom = SeededGenerator
