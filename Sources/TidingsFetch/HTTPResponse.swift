import Foundation

/// A final (non-redirect) answer, with the body already decompressed and within the cap.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Where the answer came from after redirects (without credentials).
    public var url: URL
    /// Header names in lower case; a repeated header keeps its values joined by ", ".
    public var headers: [String: String]
    public var body: Data
    /// Each redirect hop followed, in order, with its status.
    public var hops: [RedirectHop]

    public init(status: Int, url: URL, headers: [String: String], body: Data, hops: [RedirectHop] = []) {
        self.status = status; self.url = url; self.headers = headers; self.body = body; self.hops = hops
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// True when the request was redirected and every hop was permanent (301 or 308): only then
    /// may the stored URL be rewritten.
    public var movedPermanently: Bool { !hops.isEmpty && hops.allSatisfy { $0.status == 301 || $0.status == 308 } }

    /// The charset parameter of Content-Type, if any.
    public var charset: String? {
        guard let type = header("content-type") else { return nil }
        for part in type.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    /// The media type of Content-Type in lower case, without parameters.
    public var mediaType: String? {
        header("content-type").map { $0.split(separator: ";").first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}

public struct RedirectHop: Sendable, Equatable {
    public var status: Int
    public var from: URL
    public var to: URL
    public init(status: Int, from: URL, to: URL) { self.status = status; self.from = from; self.to = to }
}
