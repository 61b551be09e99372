import Testing
@testable import TidingsText

/// Numbers in tables line up on the right when the author asked for it.
@Suite struct TableAlignmentTests {
    static func render(_ html: String, width: Int = 40) -> [String] {
        ArticleDocument.html(html).lines(width: width).map(\.plainText).filter { !$0.isEmpty }
    }

    @Test func markdownStyleAlignAttributesRightAlignTheirColumn() {
        let lines = Self.render("""
            <table><thead><tr><th>Turbine</th><th align="right">kW</th></tr></thead>
            <tbody><tr><td>Selkie</td><td align="right">500</td></tr><tr><td>Guillemot</td><td align="right">12</td></tr></tbody></table>
            """)
        #expect(lines == ["Turbine   │  kW", "──────────┼────", "Selkie    │ 500", "Guillemot │  12"])
    }

    @Test func cssTextAlignCountsAndAMinorityOfCellsDoesNot() {
        let lines = Self.render("""
            <table><tr><td>a</td><td style="text-align: right">1</td></tr>
            <tr><td align="right">bbb</td><td style="TEXT-ALIGN:RIGHT">22</td></tr>
            <tr><td>cc</td><td style="text-align:right">333</td></tr></table>
            """)
        #expect(lines == ["a   │   1", "bbb │  22", "cc  │ 333"])
    }
}
