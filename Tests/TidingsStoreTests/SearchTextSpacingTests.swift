import Testing
@testable import TidingsStore

/// `spacingCJK` works on bytes for speed; here it is held to a plain scalar-by-scalar reading of
/// the same rules, on mixed and random text.
@Suite("Spacing unspaced scripts and symbols for the index")
struct SearchTextSpacingTests {
    /// The rules, one scalar at a time.
    private func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SearchText.isUnspaced(scalar) {
                out.append(" "); out.append(scalar); out.append(" ")
            } else if let token = SearchText.symbolToken(scalar.value) {
                out.append(" "); out.append(token); out.append(" ")
            } else if (0xFF01...0xFF5E).contains(scalar.value) {
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    @Test(arguments: [
        "", "plain English with “curly quotes” and café",
        "今日は良い日でした", "Rocket 🚀 launch", "👩‍💻 at work", "🇯🇵 flag", "Ｈｅｌｌｏ　ＷＯＲＬＤ！",
        "mixed 日本語 and 한국어 text ⭐ ❤ ⏰", "𠀋 extension B", "ends with emoji 📰",
        "Ω≈ç√∫ and € and ™ stay as they are",
    ])
    func spacingMatchesTheRules(text: String) {
        #expect(SearchText.spacingCJK(text) == reference(text))
    }

    @Test func randomTextMatchesTheRules() {
        // Scalars from every range the rules treat differently, and their neighbours.
        let pool: [UInt32] = [0x41, 0x20, 0xE9, 0x2019, 0x22FF, 0x2300, 0x2601, 0x27C0, 0x2B50, 0x3041, 0x30FF,
                              0x3100, 0x4E00, 0x9FFF, 0xAC00, 0xD7B0, 0xF900, 0xFF01, 0xFF5E, 0xFF5F, 0xFF70,
                              0x1F4F0, 0x1F680, 0x1FAFF, 0x1FB00, 0x20000, 0x2FFFF, 0x30000]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                scalars.append(Unicode.Scalar(pool.randomElement(using: &generator)!)!)
            }
            let text = String(scalars)
            #expect(SearchText.spacingCJK(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
