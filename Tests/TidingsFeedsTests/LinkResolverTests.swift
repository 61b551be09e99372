import Foundation
import Testing
@testable import TidingsFeeds

@Suite("Resolving links")
struct LinkResolverTests {
    private let base = URL(string: "https://news.example/feeds/main.xml")

    /// The shortcut for plain absolute links must answer what the general path answers.
    @Test(arguments: [
        "https://news.example/2025/01/river-story", "http://a.example/?q=1&r=2;s=(3)*+,!$'~_-.",
        "https://a.example/caf%C3%A9", "HTTPS://A.EXAMPLE/x", "https://a.example/x#frag",
        "https://a.example/x y", " https://a.example/x ", "https://a.example/%zz", "https://a.example/%4",
        "https://", "https:///path", "http://-a.example/", "https://user@a.example/", "https://a.example:8080/x",
        "https://[::1]/x", "https://a.example/ünïcode", "https://a.example/{curly}", "relative/path",
        "/root/relative", "mailto:someone@example.com", "https://a.example/x\t",
    ])
    func theShortcutAgreesWithTheGeneralPath(ref: String) {
        #expect(LinkResolver.resolve(ref, against: base) == LinkResolver.resolveGenerally(ref, against: base))
    }

    @Test func onlyPlainHTTPLinksTakeTheShortcut() {
        #expect(LinkResolver.isPlainAbsolute("https://news.example/2025/01/river-story?id=7"))
        #expect(!LinkResolver.isPlainAbsolute("https://a.example/x y"))
        #expect(!LinkResolver.isPlainAbsolute(" https://a.example/"))
        #expect(!LinkResolver.isPlainAbsolute("ftp://a.example/"))
        #expect(!LinkResolver.isPlainAbsolute("https://a.example/%zz"))
    }
}
