/// Line-breaking rules of Japanese and Chinese typesetting (kinsoku shori, JIS X 4051), reduced
/// to what a terminal needs: which characters may not start a line and which may not end one.
enum Kinsoku {
    /// Closing brackets, commas, full stops, small kana, the long-vowel mark and iteration marks.
    static func forbidsBreakBefore(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return noStart.contains(scalar)
    }

    /// Opening brackets and quotation marks.
    static func forbidsBreakAfter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return noEnd.contains(scalar)
    }

    private static let noStart = Set("、。，．・：；？！゛゜ヽヾゝゞ々〻ー‐゠–〜～）〕］｝〉》」』】〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ.,:;!?)]}%".unicodeScalars)
    private static let noEnd = Set("（〔［｛〈《「『【〘〖〝‘“｟«".unicodeScalars)
}
