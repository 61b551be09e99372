import Foundation
import Testing
@testable import TidingsFetch

/// Location resolution per RFC 3986 §5.2 (table of §5.4), and which targets may be followed.
@Suite struct RedirectRulesTests {
    static let base = URL(string: "http://a/b/c/d;p?q")!

    /// Resolution only: the start counts as private, so no host is looked up.
    private func resolve(_ location: String, from base: URL = RedirectRulesTests.base) throws -> String {
        try Redirects.next(from: base, location: location, status: 301, startedPrivate: true, classifier: HostClassifier())
            .absoluteString
    }

    /// RFC 3986 §5.4.1 "Normal Examples" (those with an http scheme; "g:h" is a scheme Tidings refuses).
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"),
    ])
    func normalExamples(_ location: String, _ expected: String) throws {
        #expect(try resolve(location) == expected)
    }

    /// RFC 3986 §5.4.2 "Abnormal Examples".
    @Test(arguments: [
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
    ])
    func abnormalExamples(_ location: String, _ expected: String) throws {
        #expect(try resolve(location) == expected)
    }

    /// The case the Linux URLSession gets wrong: a relative name keeps the directory.
    @Test func relativeNameKeepsTheDirectory() throws {
        #expect(try resolve("rss.xml", from: URL(string: "https://example.org/blog/feed")!) == "https://example.org/blog/rss.xml")
        #expect(try resolve("https://other.example/x", from: URL(string: "https://example.org/blog/feed")!) == "https://other.example/x")
        #expect(try resolve("  /feed.xml  ", from: URL(string: "https://example.org/a/b")!) == "https://example.org/feed.xml")
    }

    @Test func onlyHTTPAndHTTPSAreFollowed() {
        for (location, scheme) in [("file:///etc/passwd", "file"), ("ftp://example.org/feed", "ftp"), ("g:h", "g"),
                                   ("javascript:alert(1)", "javascript"), ("gopher://x/1", "gopher")] {
            #expect(throws: FetchError.redirectScheme(scheme), "\(location)") { try resolve(location) }
        }
        #expect(throws: FetchError.badRedirect(status: 301)) { try resolve("") }
        #expect(throws: FetchError.badRedirect(status: 302)) {
            try Redirects.next(from: Self.base, location: nil, status: 302, startedPrivate: true, classifier: HostClassifier())
        }
    }

    @Test func publicToPrivateIsRefusedPrivateToPrivateIsNot() throws {
        let classifier = HostClassifier(treatedAsPublic: ["203.0.113.7"])
        let start = URL(string: "http://203.0.113.7/feed")!
        for target in ["127.0.0.1", "10.0.0.1", "192.168.1.1", "169.254.169.254", "[::1]", "localhost"] {
            #expect(throws: FetchError.self, "\(target)") {
                try Redirects.next(from: start, location: "http://\(target)/x", status: 302, startedPrivate: false, classifier: classifier)
            }
        }
        #expect(throws: FetchError.redirectToPrivate(host: "127.0.0.1")) {
            try Redirects.next(from: start, location: "http://127.0.0.1/x", status: 302, startedPrivate: false, classifier: classifier)
        }
        // The user typed a private address: hops within the private network are followed.
        let target = try Redirects.next(from: URL(string: "http://127.0.0.1:8080/a")!, location: "http://10.0.0.1/b", status: 301,
                                        startedPrivate: true, classifier: classifier)
        #expect(target.absoluteString == "http://10.0.0.1/b")
    }

    @Test func redirectStatuses() {
        #expect([301, 302, 303, 307, 308].allSatisfy(Redirects.isRedirect))
        #expect(![200, 300, 304, 305, 306, 404].contains(where: Redirects.isRedirect))
        let url = URL(string: "http://a/")!
        func hop(_ status: Int) -> RedirectHop { RedirectHop(status: status, from: url, to: url) }
        #expect(HTTPResponse(status: 200, url: url, headers: [:], body: Data(), hops: [hop(301), hop(308)]).movedPermanently)
        #expect(!HTTPResponse(status: 200, url: url, headers: [:], body: Data(), hops: [hop(301), hop(302)]).movedPermanently)
        #expect(!HTTPResponse(status: 200, url: url, headers: [:], body: Data(), hops: [hop(307)]).movedPermanently)
        #expect(!HTTPResponse(status: 200, url: url, headers: [:], body: Data(), hops: []).movedPermanently)
    }
}

/// Loopback, private, link-local and mapped addresses against public ones (no name is looked up here).
@Suite struct HostClassifierTests {
    @Test(arguments: [
        "127.0.0.1", "127.255.255.254", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
        "169.254.169.254", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255",
        "::1", "[::1]", "::", "fe80::1", "FE80::abcd", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "[::ffff:7f00:1]",
        "localhost", "LOCALHOST", "feeds.localhost", "printer.local",
        // Numeric forms libcurl accepts and inet_pton does not (resolved without DNS).
        "127.1", "2130706433", "0x7f.0.0.1",
    ])
    func privateAddresses(_ host: String) {
        #expect(HostClassifier().isPrivate(host))
    }

    @Test(arguments: [
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.1.1", "2001:4860:4860::8888", "[2606:4700::1111]", "::ffff:8.8.8.8",
    ])
    func publicAddresses(_ host: String) {
        #expect(!HostClassifier().isPrivate(host))
    }

    @Test func treatedAsPublicIsATestHookForOneHost() {
        let classifier = HostClassifier(treatedAsPublic: ["127.0.0.9"])
        #expect(!classifier.isPrivate("127.0.0.9"))
        #expect(classifier.isPrivate("127.0.0.1"))
    }
}

/// `user:password@` in a feed URL: split into Basic auth for its own origin, never shown.
@Suite struct URLCredentialsTests {
    @Test func splitRemovesUserinfoAndKeepsTheRest() throws {
        let (url, credentials) = URLCredentials.split(URL(string: "https://reader:s3cr%40t@feeds.example:8443/private.xml?x=1")!)
        #expect(url.absoluteString == "https://feeds.example:8443/private.xml?x=1")
        let c = try #require(credentials)
        #expect(c.user == "reader" && c.password == "s3cr@t")
        #expect(c.origin == "https://feeds.example:8443")
        #expect(c.authorization == "Basic " + Data("reader:s3cr@t".utf8).base64EncodedString())
        let (plain, none) = URLCredentials.split(URL(string: "http://feeds.example/rss")!)
        #expect(plain.absoluteString == "http://feeds.example/rss" && none == nil)
        let (_, userOnly) = URLCredentials.split(URL(string: "http://token@feeds.example/rss")!)
        #expect(userOnly?.user == "token" && userOnly?.password == "")
    }

    @Test func originNamesSchemeHostAndPort() {
        #expect(URLCredentials.origin(of: URL(string: "http://Feeds.Example/x")!) == "http://feeds.example:80")
        #expect(URLCredentials.origin(of: URL(string: "https://feeds.example/x")!) == "https://feeds.example:443")
        #expect(URLCredentials.origin(of: URL(string: "http://feeds.example:80/x")!) == "http://feeds.example:80")
        #expect(URLCredentials.origin(of: URL(string: "https://feeds.example/x")!) != URLCredentials.origin(of: URL(string: "http://feeds.example/x")!))
    }

    @Test(arguments: [
        ("https://reader:s3cret@feeds.example/rss", "https://***@feeds.example/rss"),
        ("http://token@feeds.example:8080/a?b=c", "http://***@feeds.example:8080/a?b=c"),
        ("http://a:b@c@feeds.example/", "http://***@feeds.example/"),
        ("not a feed: https://u:p@h.example/x is a web page", "not a feed: https://***@h.example/x is a web page"),
        ("https://feeds.example/user@example.org/feed", "https://feeds.example/user@example.org/feed"),
        ("https://feeds.example/rss", "https://feeds.example/rss"),
        ("/home/me/feeds/local.xml", "/home/me/feeds/local.xml"),
    ])
    func censorHidesUserinfoOnly(_ text: String, _ expected: String) {
        #expect(URLCredentials.censor(text) == expected)
    }
}
