import ArgumentParser
import Foundation
import TidingsCore
import TidingsExtract
import TidingsFetch
import TidingsRefresh
import TidingsText

/// `tidings extract FILE|URL`: the article in a web page, as the reader lays it out or as JSON.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article from a web page (reader view) and print it as text or JSON.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("A saved HTML page, or an http(s) URL to fetch.", valueName: "file-or-url"))
    var source: String

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The page's own URL, for resolving relative links.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("The character encoding, as an HTTP Content-Type charset would give it.", valueName: "name"))
    var encoding: String?

    @Flag(name: .long, help: "Print {title, byline, excerpt, siteName, published, lang, text, html} as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Text width in columns.", valueName: "n"))
    var width = 80

    @Flag(name: .long, help: "Print the extraction's own time (decode, parse, extract, lay out) on stderr.")
    var timing = false

    /// Pages larger than this are refused before parsing.
    static let maxPageBytes = 16 << 20

    func validate() throws {
        if width < 10 { throw ValidationError("--width must be at least 10") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url must be an absolute URL such as https://example.com/story.html")
        }
    }

    func run() async throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let page = try await PageSource.load(source, baseURL: baseURL, charset: encoding, config: config)
        let article: ExtractedArticle
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.cpuSeconds()
        do {
            article = try ArticleExtractor.extract(page.body, url: page.url, httpCharset: page.charset)
        } catch let error as ExtractionError {
            throw CommandFailure("\(source): \(error.description)")
        }
        if timing {
            let elapsed = clock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let cpu = (Self.cpuSeconds() - cpuStart) * 1000
            FileHandle.standardError.write(Data(String(format: "extract: %.2f ms (cpu %.2f ms), %d bytes\n", ms, cpu, page.body.count).utf8))
        }
        if json {
            try Headless.printJSON(Self.json(article))
        } else {
            Headless.printLines(Self.lines(article, link: page.url, width: min(width, ReaderLayout.maxTextWidth)).map(\.plainText))
        }
    }

    /// CPU time of the process: on a loaded machine, what the extraction itself cost.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func json(_ a: ExtractedArticle) -> [String: Any] {
        func value(_ s: String?) -> Any { s ?? NSNull() }
        return ["title": value(a.title), "byline": value(a.byline), "excerpt": value(a.excerpt),
                "siteName": value(a.siteName), "published": value(a.published), "lang": value(a.lang),
                "text": a.text, "html": a.html]
    }

    /// The reader pane's layout: header (title, site, author, date, link), then the article.
    static func lines(_ a: ExtractedArticle, link: String?, width: Int) -> [StyledLine] {
        let headline = Headline(id: 0, feedID: 0, feedTitle: a.siteName ?? "", title: a.title ?? "",
                                author: a.byline, published: a.published.flatMap(parseDate), sortDate: 0, isRead: true)
        let article = Article(headline: headline, link: link, body: a.html, contentType: .html)
        return ReaderLayout.lines(headline: headline, article: article, document: a.document, width: width, timeZone: .current)
    }

    static func parseDate(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: s)
    }
}

/// Where `extract` gets a page: a file, or an http(s) URL through the fetcher.
enum PageSource {
    struct Page {
        var body: Data
        var url: String?
        var charset: String?
    }

    static func load(_ source: String, baseURL: String?, charset: String?, config: Config) async throws -> Page {
        let lower = source.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            var page = try await fetch(source, config: config)
            if let charset { page.charset = charset }
            return page
        }
        guard FileManager.default.fileExists(atPath: source) else {
            throw CommandFailure("\(source): no such file")
        }
        guard let handle = FileHandle(forReadingAtPath: source) else {
            throw CommandFailure("\(source): cannot be read")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: ExtractCommand.maxPageBytes + 1)) ?? Data()
        if data.count > ExtractCommand.maxPageBytes {
            throw CommandFailure("\(source): larger than \(ExtractCommand.maxPageBytes >> 20) MB")
        }
        let url = baseURL ?? URL(fileURLWithPath: source).absoluteString
        return Page(body: data, url: url, charset: charset)
    }

    /// One GET through the fetcher (its politeness, limits and errors), following redirects.
    static func fetch(_ url: String, config: Config) async throws -> Page {
        do {
            let page = try await PageFetcher.fetch(url, client: HTTPClient(version: TidingsVersion.string),
                                                   settings: RefreshSettings(config: config))
            return Page(body: page.body, url: page.url, charset: page.charset)
        } catch {
            throw CommandFailure("\(Userinfo.censor(url)): \(error.description)")
        }
    }
}
