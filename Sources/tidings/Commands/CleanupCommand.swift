import ArgumentParser
import Foundation
import TidingsStore

/// `tidings cleanup`: retention, then VACUUM.
struct CleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Delete old articles (never starred ones) and compact the cache.",
        discussion: "Read and unread articles alike are deleted; deleted articles do not come back on refresh.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Keep at most this many articles per feed (starred ones come on top); 0 means no limit.", valueName: "n"))
    var maxArticles: Int?

    @Option(help: ArgumentHelp("Delete articles dated more than this many days ago; 0 means no limit.", valueName: "days"))
    var keepDays: Int?

    func validate() throws {
        if let maxArticles, maxArticles < 0 { throw ValidationError("--max-articles must be 0 or more") }
        if let keepDays, keepDays < 0 { throw ValidationError("--keep-days must be 0 or more") }
    }

    func run() throws {
        let config = try ConfigLoader.load(path: common.configPath, explicit: common.configIsExplicit)
        var policy = config.retention
        if let maxArticles { policy.global.maxArticles = maxArticles }
        if let keepDays { policy.global.keepDays = keepDays }
        guard !policy.isUnlimited else {
            throw CommandFailure("no retention limit: give --max-articles N or --keep-days D (0 means no limit), or set them under [retention] in \(common.configPath)")
        }
        let store = try Headless.store(common)
        let report = try Headless.attempt { try store.cleanup(policy: policy) }
        for key in report.unmatchedFeeds {
            TextOutput.error("warning: [retention.\"\(key)\"] in \(common.configPath) names no feed")
        }
        let size = { (bytes: Int64) in ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file) }
        Headless.printLines(["deleted \(report.deleted) articles; cache \(size(report.bytesBefore)) → \(size(report.bytesAfter))"])
    }
}
