import Testing
@testable import TidingsText

@Suite struct TerminalSafeTests {
    static let sanitizeCases: [(String, String, String)] = [
        ("CSI colour sequence loses its ESC", "a\u{1B}[31mred", "a[31mred"),
        ("C1 CSI", "a\u{9B}31mb", "a31mb"),
        ("BEL", "ding\u{7}", "ding"),
        ("RLO override", "abc\u{202E}def", "abcdef"),
        ("isolates", "\u{2066}x\u{2069}", "x"),
        ("bidi marks", "a\u{200E}b\u{200F}c", "abc"),
        ("tab and newlines become spaces", "a\tb\nc\r\nd", "a b c  d"),
        ("DEL and NUL", "a\u{7F}b\u{0}c", "abc"),
        ("zero width space and BOM", "a\u{200B}b\u{FEFF}c", "abc"),
        ("soft hyphen", "hy\u{AD}phen", "hyphen"),
        ("NEL and line separator", "a\u{85}b\u{2028}c", "a b c"),
        ("ZWJ kept inside emoji", "👨‍👩‍👧", "👨‍👩‍👧"),
        ("combining marks kept", "e\u{301}", "e\u{301}"),
        ("CJK and RTL untouched", "漢字 שלום", "漢字 שלום"),
        ("nothing else collapsed", "a  b", "a  b"),
    ]

    @Test(arguments: sanitizeCases)
    func sanitize(_ name: String, _ input: String, _ expected: String) {
        #expect(TerminalSafe.sanitize(input) == expected, "\(name)")
    }

    @Test func sanitizedTextHasNoControlOrBidiScalars() {
        var all = ""
        for v in 0..<0x200 { if let u = Unicode.Scalar(v) { all.unicodeScalars.append(u) } }
        for v in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            all.unicodeScalars.append(Unicode.Scalar(v)!)
        }
        let clean = TerminalSafe.sanitize(all)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!clean.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    static let singleLineCases: [(String, String)] = [
        ("  Hello,\n\tworld  ", "Hello, world"),
        ("Breaking:\u{1B}[2J news", "Breaking:[2J news"),
        ("a\u{A0} \u{A0}b", "a b"),
        ("", ""),
    ]

    @Test(arguments: singleLineCases)
    func singleLine(_ input: String, _ expected: String) {
        #expect(TerminalSafe.singleLine(input) == expected)
    }

    static let truncateCases: [(String, Int, String)] = [
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello world", 5, "hell…"),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢…"),
        ("漢字", 1, "…"),
        ("abc", 0, ""),
        ("👨‍👩‍👧👨‍👩‍👧", 3, "👨‍👩‍👧…"),
    ]

    @Test(arguments: truncateCases)
    func truncate(_ input: String, _ width: Int, _ expected: String) {
        let result = TerminalSafe.truncate(input, toWidth: width)
        #expect(result == expected)
        #expect(TextWidth.of(result) <= max(0, width))
    }
}
