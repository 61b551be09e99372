import Foundation
import TidingsCore
internal import GRDB

/// The dictionary a prepared document's bodies were packed with.
struct PreparedDictionary: @unchecked Sendable {
    /// The feed's dictionary `prepare` found (the writer checks it still exists), or nil for a
    /// new one, which the writer inserts in the transaction that writes the first body using it.
    let id: Int64?
    let dictionary: BodyDictionary
    /// The new dictionary's stored form.
    let stored: Data?
}

/// When one import batch makes a feed its dictionary. The dictionary is built from the batch
/// and must pay for itself in that batch: its stored bytes below the expected saving. The saving
/// is estimated on bodies that are NOT inside the dictionary: a body inside it packs to almost
/// nothing, but only because the dictionary now holds it, and counting that would give every
/// small feed a dictionary that merely moves its bodies around.
enum DictionaryPolicy {
    /// Body text outside the dictionary below which no dictionary is even tried. Measured on the
    /// bench corpus (zstd level 3): a feed's 64 KB dictionary stores as about 21 KB and saves 24 %
    /// of packed size, about 11 % of the raw HTML, so it pays after some 200 KB of other bodies;
    /// real-world-like SampleFeeds save less (12 % of packed size with deflate) and no feed there
    /// reaches even the dictionary's own size, so none gets one. Below 64 KB no measured corpus
    /// could pay, and the trial packing (below) is skipped. Importing the 10k bench corpus makes
    /// one dictionary per 1,000-article feed and packs bodies to 1,778 B instead of 2,336 B.
    static let minimumOutsideBytes = 65_536

    /// How much of the outside bodies is packed both ways to measure the feed's own saving rate,
    /// which is then extrapolated to the rest: a few bodies, so the first import of a big feed
    /// packs almost everything once (the trial costs < 2 % of a 1,000-item bench feed's packing).
    static let sampleBytes = 65_536

    /// Header bytes a body pays for the dictionary (marker and an id below 2^14).
    static let headerBytes = 3

    /// Whether `dictionary` pays for itself on `bodies` (document order), of which the last
    /// `covered` are inside it.
    static func pays(_ dictionary: BodyDictionary, stored: Int, bodies: [String], covered: Int) -> Bool {
        let outside = bodies.dropLast(covered)
        let outsideBytes = outside.reduce(0) { $0 + $1.utf8.count }
        guard outsideBytes >= minimumOutsideBytes, let plain = BodyPacker(), let primed = BodyPacker(dictionary) else {
            return false
        }
        var sampled = 0
        var saved = 0
        for var body in outside where sampled < sampleBytes {
            let (size, without, with) = body.withUTF8 { bytes in
                (bytes.count, plain.packedCount(bytes) ?? bytes.count, primed.frame(bytes).map { $0.count + headerBytes } ?? bytes.count)
            }
            sampled += size
            saved += without - min(with, without)
        }
        guard sampled > 0 else { return false }
        let expected = Double(saved) / Double(sampled) * Double(outsideBytes)
        return Double(stored) < expected
    }
}

extension ArticleStore {
    /// Packs the bodies of `values` at `indices` (`values` in reverse document order, as
    /// `prepare` keeps them): with the feed's newest dictionary, else with a new one made from
    /// this batch when that pays (`DictionaryPolicy`), else one body at a time as before.
    func packBodies(_ values: inout [ArticleValues], at indices: [Int], feed: FeedID?) -> PreparedDictionary? {
        guard !indices.isEmpty else { return nil }
        if let feed, let found = currentDictionary(feed: feed), let packer = BodyPacker(found.dictionary) {
            for i in indices { values[i].pack(with: packer) }
            return PreparedDictionary(id: found.id, dictionary: found.dictionary, stored: nil)
        }
        if feed != nil, let new = newDictionary(values, at: indices), let packer = BodyPacker(new.dictionary) {
            for i in indices { values[i].pack(with: packer) }
            return new
        }
        let packer = BodyPacker()
        for i in indices { values[i].pack(with: packer) }
        return nil
    }

    /// The feed's newest dictionary, from the store's cache when known (dictionaries never change).
    private func currentDictionary(feed: FeedID) -> (id: Int64, dictionary: BodyDictionary)? {
        guard let id = try? read({ db in try BodyDictionarySchema.newest(feed: feed, db) }) else { return nil }
        let found = try? dictionaries.dictionary(id) {
            try read { db in try BodyDictionarySchema.load(id, db) }
        }
        return found.map { (id, $0) }
    }

    /// A dictionary made from this batch, when it pays for itself in it.
    private func newDictionary(_ values: [ArticleValues], at indices: [Int]) -> PreparedDictionary? {
        // Document order: `values` runs from the last item of the document to the first.
        var bodies: [String] = []
        for i in indices.sorted(by: >) {
            for text in [values[i].content, values[i].summary] {
                guard let text, text.utf8.count >= BodyCodec.minimumPackedBytes else { continue }
                bodies.append(text)
            }
        }
        guard bodies.reduce(0, { $0 + $1.utf8.count }) >= DictionaryPolicy.minimumOutsideBytes,
              let (dictionary, covered) = BodyDictionary.build(fromDocumentOrder: bodies),
              let stored = dictionary.stored(),
              DictionaryPolicy.pays(dictionary, stored: stored.count, bodies: bodies, covered: covered)
        else { return nil }
        return PreparedDictionary(id: nil, dictionary: dictionary, stored: stored)
    }
}

/// The writer's side of a prepared dictionary, inside `apply`'s transaction: the id bodies are
/// written with. A new dictionary is inserted just before the first body that uses it, so it is
/// written only when one of its bodies is, and always in the same transaction. An existing one
/// is checked once (`prepare` read it outside this transaction; its feed may have gone since):
/// when missing, the bodies are packed without a dictionary instead.
struct DictionaryWrite {
    private let prepared: PreparedDictionary?
    private let feed: Int64
    private let db: Database
    private var resolved: Int64??
    /// The id of a dictionary inserted by this transaction.
    private(set) var inserted: Int64?

    init(_ prepared: PreparedDictionary?, feed: Int64, _ db: Database) {
        self.prepared = prepared
        self.feed = feed
        self.db = db
    }

    /// The dictionary id for `item`'s bodies; nil when they use none or it cannot be written.
    mutating func id(for item: ArticleValues) throws -> Int64? {
        guard let prepared, item.usesDictionary else { return nil }
        if let resolved { return resolved }
        let id: Int64?
        if let existing = prepared.id {
            id = try BodyDictionarySchema.exists(existing, feed: feed, db) ? existing : nil
        } else if let stored = prepared.stored {
            id = try BodyDictionarySchema.insert(stored, feed: feed, db)
            inserted = id
        } else {
            id = nil
        }
        resolved = .some(id)
        return id
    }
}
