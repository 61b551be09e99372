import Foundation
import Testing
@testable import TidingsFetch

/// RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.
@Suite struct HTTPDateTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's own example.
    let example = Date(timeIntervalSince1970: 784_111_777)

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "  Sun, 06 Nov 1994 08:49:37 GMT  ",
    ])
    func threeFormsGiveTheSameInstant(_ text: String) {
        #expect(HTTPDate.parse(text) == example)
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(example) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse(HTTPDate.format(Date(timeIntervalSince1970: 1_700_000_000))) == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test(arguments: ["", "0", "-1", "yesterday", "Sun, 06 Nov 1994", "2023-11-14T22:13:20Z"])
    func rejectsWhatIsNotAnHTTPDate(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
