import Testing
@testable import TidingsText

@Suite struct TextWidthTests {
    static let cases: [(String, String, Int)] = [
        ("ASCII", "hello", 5),
        ("é composed", "\u{E9}", 1),
        ("é decomposed", "e\u{301}", 1),
        ("CJK ideographs", "漢字", 4),
        ("halfwidth katakana", "ｶ", 1),
        ("fullwidth letter", "Ａ", 2),
        ("Hangul", "한국어", 6),
        ("hiragana", "ひらがな", 8),
        ("CJK punctuation", "。、", 4),
        ("emoji", "🙂", 2),
        ("emoji with skin tone", "👍🏽", 2),
        ("ZWJ family", "👨‍👩‍👧", 2),
        ("flag", "🇫🇷", 2),
        ("heart with VS16", "❤️", 2),
        ("heart without VS16", "❤", 1),
        ("watch (BMP emoji presentation)", "⌚", 2),
        ("keycap", "1\u{FE0F}\u{20E3}", 2),
        ("Arabic", "سلام", 4),
        ("Hebrew", "שלום", 4),
        ("zero width space", "\u{200B}", 0),
        ("lone combining mark", "\u{301}", 0),
        ("ZWJ alone", "\u{200D}", 0),
        ("variation selector alone", "\u{FE0F}", 0),
        ("mixed", "a漢🙂b", 6),
        ("empty", "", 0),
        ("ellipsis (ambiguous = 1)", "…", 1),
        ("box drawing", "│─", 2),
        ("CJK extension B", "\u{20000}", 2),
    ]

    @Test(arguments: cases)
    func widthOfString(_ name: String, _ text: String, _ expected: Int) {
        #expect(TextWidth.of(text) == expected, "\(name)")
    }

    @Test func clustersAreMeasuredWhole() {
        let family: Character = "👨‍👩‍👧"
        #expect(TextWidth.of(family) == 2)
        #expect(TextWidth.of(Character("e\u{301}")) == 1)
        #expect(TextWidth.of(Character("\u{1F1EB}\u{1F1F7}")) == 2)
    }

    @Test func controlCharactersHaveNoWidth() {
        #expect(TextWidth.of(Character("\u{7}")) == 0)
        #expect(TextWidth.of(Character("\u{9B}")) == 0)
    }
}
