import ArgumentParser
import Foundation
import TidingsCore
import TidingsFetch
import TidingsRefresh
import TidingsStore
import TidingsText

/// `tidings show ID`: one article as the reader pane lays it out, or its raw body, or JSON.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article: laid out as in the reader, as its HTML, or as JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html, json
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The article id (see `tidings list`).", valueName: "id"))
    var id: ArticleID

    @Option(help: ArgumentHelp("Text width in columns (the reader caps it at \(ReaderLayout.maxTextWidth)).", valueName: "n"))
    var width = 80

    @Option(help: ArgumentHelp("text, html or json.", valueName: "format"))
    var format: Format = .text

    @Flag(name: .long, help: "The full article from the web page (kept from the reader's w, else fetched now and kept).")
    var full = false

    func validate() throws {
        if width < 10 { throw ValidationError("--width must be at least 10") }
    }

    func run() async throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        let store = try Headless.store(common)
        guard var article = try Headless.attempt({ try store.article(id) }) else {
            throw CommandFailure("no article with id \(id); `tidings list` shows ids")
        }
        var showing: String?
        if full {
            guard let link = article.link else { throw CommandFailure("article \(id) has no web link to fetch") }
            do {
                let kept = try await FullArticleService.fullArticle(for: id, link: link, store: store,
                                                                   client: HTTPClient(version: TidingsVersion.string),
                                                                   settings: RefreshSettings(config: config))
                article.body = kept.html
                article.contentType = .html
                article.link = kept.url
                showing = "Full article from \(kept.url)"
            } catch {
                throw CommandFailure("no full article for \(id): \(Userinfo.censor(error.description))")
            }
        }
        switch format {
        case .html:
            FileHandle.standardOutput.write(Data((article.body + (article.body.hasSuffix("\n") ? "" : "\n")).utf8))
        case .json:
            var object = Headless.json(article.headline)
            object["link"] = article.link ?? NSNull()
            object["contentType"] = article.contentType.rawValue
            object["body"] = article.body
            object["enclosures"] = article.enclosures.map { e -> [String: Any] in
                ["url": e.url, "type": e.type ?? NSNull(), "length": e.length.map { $0 as Any } ?? NSNull()]
            }
            try Headless.printJSON(object)
        case .text:
            // The same document and layout the reader pane builds (Reducer: .articleLoaded).
            let document = article.document
            let lines = ReaderLayout.lines(headline: article.headline, article: article, document: document,
                                           width: min(width, ReaderLayout.maxTextWidth), timeZone: .current, showing: showing)
            Headless.printLines(lines.map(\.plainText))
        }
    }
}
