import Testing
import TidingsCore
import TidingsRender

@Suite struct ScreenTests {
    @Test func putDropsControlCharactersAndEscapeSequences() {
        var s = Screen(width: 30, height: 1)
        s.put("A\u{1B}[31mB\u{7}C\u{9B}2JD\u{202E}E\u{0}F\r\nG", x: 0, y: 0, role: .listNormal)
        let row = s.rows[0]
        #expect(row.hasPrefix("A[31mBC2JDEF  G"))
        for cell in s.cells { #expect(cell.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }) }
    }

    @Test func wideGlyphsTakeTwoCellsAndAreNeverSplitAtTheEdge() {
        var s = Screen(width: 5, height: 1)
        let written = s.put("漢字漢", x: 0, y: 0, role: .listNormal)
        #expect(written == 4)
        #expect(s[0, 0].text == "漢")
        #expect(s[1, 0].isContinuation)
        #expect(s[4, 0].text == " ")
        #expect(s.rows[0] == "漢字 ")
    }

    @Test func emojiSequencesAreOneGlyph() {
        var s = Screen(width: 6, height: 1)
        s.put("👨‍👩‍👧x", x: 0, y: 0, role: .listNormal)
        #expect(s[0, 0].text == "👨‍👩‍👧")
        #expect(s[1, 0].isContinuation)
        #expect(s[2, 0].text == "x")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var s = Screen(width: 4, height: 1)
        s.put("漢字", x: 0, y: 0, role: .listNormal)
        s.put("a", x: 1, y: 0, role: .listNormal)
        #expect(s.rows[0] == " a字")
        s.put("b", x: 2, y: 0, role: .listNormal)
        #expect(s.rows[0] == " ab ")
    }

    @Test func maxWidthAndOffscreenWritesAreClipped() {
        var s = Screen(width: 4, height: 2)
        #expect(s.put("abcdef", x: 1, y: 0, role: .listNormal, maxWidth: 2) == 2)
        #expect(s.rows[0] == " ab ")
        #expect(s.put("x", x: 0, y: 5, role: .listNormal) == 0)
        #expect(s.put("x", x: 9, y: 1, role: .listNormal) == 0)
        #expect(s.put("xyz", x: -1, y: 1, role: .listNormal) == 3)
        #expect(s.rows[1] == "yz  ")
    }

    @Test func combiningMarksJoinTheirBase() {
        var s = Screen(width: 4, height: 1)
        s.put("e\u{301}x", x: 0, y: 0, role: .listNormal)
        #expect(s[0, 0].text == "e\u{301}")
        #expect(s[1, 0].text == "x")
    }
}
