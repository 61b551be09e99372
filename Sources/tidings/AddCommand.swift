import ArgumentParser
import Foundation
import TidingsStore

/// `tidings add SOURCE`: subscribes to a URL, a local feed file, an article folder or `exec:COMMAND`.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Subscribe to a feed: an http(s) URL, a local feed file, a folder of Markdown/HTML articles, or exec:COMMAND.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The source.", valueName: "source"))
    var source: String

    @Option(name: .long, help: "A title of your own for the feed.")
    var title: String?

    @Option(name: .long, help: "A tag (repeat for several).")
    var tag: [String] = []

    @Flag(name: .long, help: "Do not read the source now.")
    var noRefresh = false

    func run() throws {
        let normalized = try Sources.normalize(source, relativeTo: FileManager.default.currentDirectoryPath)
        let store = try Headless.store(common)
        let existing = try Headless.attempt { try store.feeds() }.first { $0.source == normalized }
        let id = try Headless.attempt {
            try store.registerFeed(source: normalized, title: title ?? existing?.customTitle,
                                   tags: tag.isEmpty ? (existing?.tags ?? []) : tag, hidden: existing?.hidden ?? false,
                                   filter: existing?.filter)
        }
        guard let feed = try Headless.attempt({ try store.feeds() }).first(where: { $0.id == id }) else {
            throw CommandFailure("the feed was added but cannot be read back from \(common.cachePath)")
        }
        let verb = existing == nil ? "Added" : "Updated"
        if noRefresh {
            print("\(verb) feed \(feed.id): \(feed.source)")
            return
        }
        switch Refresher.refresh(feed, store: store) {
        case .updated(let report, _):
            let title = (try? store.feeds().first { $0.id == id }?.title) ?? feed.title
            print("\(verb) feed \(feed.id): \(title) (\(report.inserted) new articles)")
        case .unchanged:
            print("\(verb) feed \(feed.id): \(feed.title) (unchanged)")
        case .skipped(let why):
            print("\(verb) feed \(feed.id): \(feed.source) (not read now: \(why))")
        case .failed(let why):
            throw CommandFailure("added feed \(feed.id), but reading it failed: \(why)")
        }
    }
}

/// Source strings as the cache stores them.
enum Sources {
    /// URLs and `exec:` commands stay as written; local paths become absolute and must exist.
    static func normalize(_ source: String, relativeTo base: String) throws -> String {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: trimmed), url.host != nil else { throw CommandFailure("\(source) is not a valid URL") }
            return trimmed
        }
        if lower.hasPrefix("exec:") {
            guard !trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure("exec: needs a command, e.g. exec:~/bin/make-feed.sh")
            }
            return trimmed
        }
        let path = absolutePath(trimmed, relativeTo: base)
        guard FileManager.default.fileExists(atPath: path) else {
            if trimmed.contains("://") { throw CommandFailure("\(source): only http, https, file and exec: sources are supported") }
            throw CommandFailure("no such file or folder: \(path)")
        }
        return path
    }

    /// A local path as the cache stores it (absolute, `~/` and `file://` expanded, no trailing
    /// slash), whether or not the file still exists.
    static func absolutePath(_ source: String, relativeTo base: String) -> String {
        var path = source
        if source.lowercased().hasPrefix("file://") { path = URL(string: source)?.path ?? String(source.dropFirst(7)) }
        if path.hasPrefix("~/") { path = Paths.home.appendingPathComponent(String(path.dropFirst(2))).path }
        if !path.hasPrefix("/") { path = URL(fileURLWithPath: base).appendingPathComponent(path).path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
