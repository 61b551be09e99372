import Testing
@testable import TidingsText

/// Japanese text wraps between characters, but never puts closing punctuation at the start of a
/// line or an opening bracket at its end (kinsoku shori).
@Suite struct KinsokuTests {
    static let paragraph = "地元の漁師は「潮の音が変わらない」と話した。観測史上最も遅い結氷となった今年、霧見湾の海氷は、"
        + "二月の終わりになってようやく姿を見せた（気象台）。漁協の『記録』によれば、例年より三週間遅い。"

    /// From 6 columns, the widest unbreakable group here ("台）。") fits; narrower panes cut it.
    @Test(arguments: Array(6...40))
    func noLineStartsWithClosingPunctuationOrEndsWithAnOpeningBracket(width: Int) {
        let lines = ArticleDocument.html("<p>\(Self.paragraph)</p>").lines(width: width).map(\.plainText).filter { !$0.isEmpty }
        #expect(lines.joined() == Self.paragraph)
        for line in lines {
            #expect(TextWidth.of(line) <= width, "\(line)")
            #expect(!Kinsoku.forbidsBreakBefore(line.first!), "\(width): \(line)")
            #expect(!Kinsoku.forbidsBreakAfter(line.last!), "\(width): \(line)")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func tinyPanesStillKeepEveryCharacterWithinTheWidth(width: Int) {
        let lines = ArticleDocument.html("<p>\(Self.paragraph)</p>").lines(width: width).map(\.plainText).filter { !$0.isEmpty }
        #expect(lines.allSatisfy { TextWidth.of($0) <= max(width, 2) })
    }

    @Test func latinPunctuationAfterCJKStaysOnItsLine() {
        let lines = ArticleDocument.html("<p>東京です.</p>").lines(width: 8).map(\.plainText)
        #expect(lines == ["東京で", "す."])
    }
}
