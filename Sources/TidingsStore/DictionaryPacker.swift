import Foundation
internal import GRDB

/// A body as prepared off the write lock: its final stored form, or a zstd frame made with the
/// document's dictionary, whose header needs the dictionary's id, which only the writer knows
/// for a dictionary it has yet to insert.
enum PackedBody {
    case ready(DatabaseValue)
    case withDictionary([UInt8])

    /// The stored form. `dictionaryID` nil means the dictionary could not be written (its feed
    /// went meanwhile): the body is then packed without one, from its text.
    func stored(dictionaryID: Int64?, text: String?) -> DatabaseValue {
        switch self {
        case let .ready(value): return value
        case let .withDictionary(frame):
            guard let dictionaryID else { return BodyCodec.pack(text) }
            let blob = BodyDictionary.header(id: dictionaryID) + frame
            // The header made it no smaller than the text itself.
            guard let text, blob.count < text.utf8.count else { return text?.databaseValue ?? .null }
            return Data(blob).databaseValue
        }
    }
}

/// Packs a feed's bodies with its dictionary: zstd digests the dictionary once (`Zstd.Dictionary`)
/// and every body refers to it at no further cost, where deflate had to be primed again per body
/// (a copied stream measured 67 µs per bench body, zstd level 3 with a dictionary about 40 µs).
/// Not thread-safe: one packer per thread.
final class DictionaryPacker {
    private let packer: BodyPacker

    init?(_ dictionary: BodyDictionary) {
        guard let packer = BodyPacker(dictionary) else { return nil }
        self.packer = packer
    }

    /// The body packed with the dictionary, or as text when that does not make it smaller.
    func pack(_ text: String?) -> PackedBody {
        guard var text else { return .ready(.null) }
        let frame = text.withUTF8 { packer.frame($0) }
        return frame.map(PackedBody.withDictionary) ?? .ready(text.databaseValue)
    }

    /// The zstd frame of a body with the dictionary, or nil when it would not be smaller.
    func frame(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        packer.frame(input)
    }
}
