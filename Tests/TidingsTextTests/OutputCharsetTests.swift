import Testing
@testable import TidingsText

/// The locale decision (the real setlocale calls are in TidingsTerminal) and the ASCII fallback.
@Suite struct OutputCharsetTests {
    /// A fake locale table: `available` locales exist; the current one starts as `start`.
    final class Locales {
        var current: String
        let codesets: [String: String]
        init(start: String, codesets: [String: String]) { current = start; self.codesets = codesets }
        func choose() -> OutputCharset {
            OutputCharset.choose(codeset: { self.codesets[self.current] }, select: { name in
                guard self.codesets[name] != nil else { return false }
                self.current = name
                return true
            })
        }
    }

    @Test func aUTF8LocaleIsKept() {
        let l = Locales(start: "en_GB.UTF-8", codesets: ["en_GB.UTF-8": "UTF-8", "C.UTF-8": "UTF-8", "C": "ANSI_X3.4-1968"])
        #expect(l.choose() == .utf8)
        #expect(l.current == "en_GB.UTF-8")
    }

    @Test(arguments: ["C", "POSIX", "de_DE.ISO-8859-1"])
    func aLocaleThatIsNotUTF8FallsBackToCUTF8(start: String) {
        let l = Locales(start: start, codesets: [start: start == "de_DE.ISO-8859-1" ? "ISO-8859-1" : "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"])
        #expect(l.choose() == .utf8Fallback("C.UTF-8"))
    }

    @Test func anOlderSystemSpellsItCutf8OrHasOnlyEnglish() {
        #expect(Locales(start: "C", codesets: ["C": "ANSI_X3.4-1968", "C.utf8": "UTF-8"]).choose() == .utf8Fallback("C.utf8"))
        #expect(Locales(start: "C", codesets: ["C": "ANSI_X3.4-1968", "en_US.UTF-8": "utf8"]).choose() == .utf8Fallback("en_US.UTF-8"))
    }

    @Test func withoutAnyUTF8LocaleOnlyASCIIIsWritten() {
        let charset = Locales(start: "C", codesets: ["C": "ANSI_X3.4-1968", "POSIX": "ANSI_X3.4-1968"]).choose()
        #expect(charset == .ascii)
        #expect(charset.printable("cafés") == "caf?s")
        #expect(OutputCharset.utf8Fallback("C.UTF-8").printable("cafés") == "cafés")
    }

    @Test func nonASCIIBecomesOneQuestionMarkPerColumn() {
        #expect(ASCIIFallback.text("plain ascii\tline") == "plain ascii\tline")
        #expect(ASCIIFallback.text("cafés “x”") == "caf?s ?x?")
        #expect(ASCIIFallback.text("東京") == "????")                 // two columns each
        #expect(ASCIIFallback.text("e\u{301}t\u{E9}") == "?t?")          // a combining mark stays one column
        #expect(ASCIIFallback.text("👩‍🍳 ok") == "?? ok")
        #expect(ASCIIFallback.text("أمسية") == "?????")
        for s in ["東京の天気 x", "cafés", "👩‍🍳 ok", "a\u{301}b"] {
            #expect(ASCIIFallback.text(s).count == TextWidth.of(s), "\(s)")
        }
    }

    @Test func codesetNames() {
        for name in ["UTF-8", "utf8", "UTF8", "utf-8"] { #expect(OutputCharset.isUTF8(name)) }
        for name in ["ANSI_X3.4-1968", "ISO-8859-1", "", "UTF-16"] { #expect(!OutputCharset.isUTF8(name)) }
        #expect(!OutputCharset.isUTF8(nil))
    }
}
