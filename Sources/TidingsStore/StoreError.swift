import Foundation
import TidingsCore
internal import GRDB

/// Why the article cache could not be opened, read or written. Every message names the
/// cache file and says what the user can do about it.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file could not be opened or created for a reason not covered below.
    case cannotOpen(path: String, reason: String)
    /// A newer Tidings applied migrations this version does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file is not a readable SQLite database, or its pages are damaged.
    case corrupted(path: String, reason: String)
    /// The file is a SQLite database that Tidings did not create.
    case notACache(path: String)
    /// The file or its directory cannot be written (permissions or a read-only file system).
    case readOnly(path: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)
    /// Another process holds the database lock for longer than the busy timeout.
    case busy(path: String)
    /// A feed id that does not (or no longer) exist.
    case unknownFeed(FeedID)
    /// Any other SQLite failure; `reason` is SQLite's message.
    case database(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open cache at \(path): \(reason)"
        case let .newerSchema(path, unknown):
            return "cache \(path) was written by a newer Tidings (schema \(unknown.sorted().joined(separator: ", "))); upgrade Tidings"
        case let .corrupted(path, reason):
            return "cache \(path) is corrupted: \(reason); move it aside and refresh to rebuild it"
        case let .notACache(path):
            return "\(path) is not a Tidings cache; pass another path with --cache"
        case let .readOnly(path):
            return "cannot write cache \(path): the file or its directory is read-only; fix its permissions or pass another path with --cache"
        case let .diskFull(path):
            return "disk full while writing cache \(path); free some space and try again"
        case let .busy(path):
            return "cache \(path) is locked by another Tidings process; close it and try again"
        case let .unknownFeed(id):
            return "no feed with id \(id) in the cache"
        case let .database(path, reason):
            return "cache \(path) failed: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

extension StoreError {
    /// Maps whatever GRDB or the file system threw onto a user-facing case.
    static func wrap(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let dbError = error as? DatabaseError else {
            return .database(path: path, reason: String(describing: error))
        }
        let reason = dbError.message ?? "\(dbError.resultCode)"
        switch dbError.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupted(path: path, reason: reason)
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_CANTOPEN:
            return .cannotOpen(path: path, reason: reason)
        default:
            return .database(path: path, reason: reason)
        }
    }
}
