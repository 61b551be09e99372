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
