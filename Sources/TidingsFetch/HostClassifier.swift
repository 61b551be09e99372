import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells loopback, private and link-local addresses from public ones, so that a public feed
/// cannot redirect Tidings into the user's own network (a router page, a local service).
public struct HostClassifier: Sendable {
    /// Hosts to treat as public whatever their address: a hook for tests, which only have loopback.
    public var treatedAsPublic: Set<String>

    public init(treatedAsPublic: Set<String> = []) { self.treatedAsPublic = treatedAsPublic }

    /// True when the host is, or resolves only to... any non-public address. A name that does
    /// not resolve is not private (the request will fail with a DNS error of its own).
    public func isPrivate(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if treatedAsPublic.contains(host) { return false }
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") { return true }
        if let v4 = Self.ipv4(host) { return Self.isPrivate(v4: v4) }
        if let v6 = Self.ipv6(host) { return Self.isPrivate(v6: v6) }
        return Self.resolve(host).contains { address in
            switch address {
            case .v4(let a): return Self.isPrivate(v4: a)
            case .v6(let a): return Self.isPrivate(v6: a)
            }
        }
    }

    enum Address { case v4([UInt8]), v6([UInt8]) }

    static func isPrivate(v4 a: [UInt8]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true          // carrier-grade NAT
        case (169, 254): return true               // link-local
        case (172, 16...31), (192, 168): return true
        case (198, 18...19): return true           // benchmarking
        default: return a[0] >= 224                // multicast and reserved
        }
    }

    static func isPrivate(v6 a: [UInt8]) -> Bool {
        if a.dropLast().allSatisfy({ $0 == 0 }) && (a[15] == 1 || a[15] == 0) { return true }   // ::1, ::
        if a[0..<10].allSatisfy({ $0 == 0 }) && a[10] == 0xff && a[11] == 0xff {              // ::ffff:a.b.c.d
            return isPrivate(v4: Array(a[12..<16]))
        }
        if a[0] & 0xfe == 0xfc { return true }                   // unique local fc00::/7
        if a[0] == 0xfe && a[1] & 0xc0 == 0x80 { return true }   // link-local fe80::/10
        return a[0] == 0xff                                       // multicast
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var addr = in_addr()
        guard inet_pton(AF_INET, text, &addr) == 1 else { return nil }
        return withUnsafeBytes(of: addr) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var addr = in6_addr()
        guard inet_pton(AF_INET6, text, &addr) == 1 else { return nil }
        return withUnsafeBytes(of: addr) { Array($0) }
    }

    static func resolve(_ host: String) -> [Address] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var out: [Address] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            if let sa = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { out.append(.v4(withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) })) }
                } else if info.pointee.ai_family == AF_INET6 {
                    sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { out.append(.v6(withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) })) }
                }
            }
            node = info.pointee.ai_next
        }
        return out
    }
}
