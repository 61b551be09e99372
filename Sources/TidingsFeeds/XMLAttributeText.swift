import Foundation

/// Works around how libxml2 (without entity substitution, which must stay off for safety) hands
/// over attribute values: `&amp;` arrives as the text `&#38;`. (An entity the driver supplies would
/// contribute only its first byte: `XMLReferenceRepair` makes named references numeric first.)
enum XMLAttributeText {
    /// The value as the author meant it. A literal `&` cannot appear in an attribute, so `&#38;` is always one.
    static func decode(_ raw: String) -> String {
        // A byte test first: Foundation's substring search costs more than most attribute values.
        guard raw.utf8.contains(UInt8(ascii: "&")), raw.contains("&#38;") else { return raw }
        return raw.replacingOccurrences(of: "&#38;", with: "&")
    }
}
