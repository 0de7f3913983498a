import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The address the preview listens on, parsed from `--host`: an IPv4 or IPv6 address, or `localhost`.
public struct ListenAddress: Sendable, Equatable {
    /// The IP address, without brackets.
    public var ip: String
    public var isIPv6: Bool

    /// Parses `--host`; nil for names other than `localhost` and for malformed addresses.
    public init?(host: String) {
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.lowercased() == "localhost" { text = "127.0.0.1" }
        isIPv6 = text.contains(":")
        ip = text
        guard (try? socketAddress(port: 0)) != nil else { return nil }
    }

    /// Only this machine can connect (127.0.0.0/8 or ::1).
    public var isLoopback: Bool {
        isIPv6 ? ip == "::1" : ip.hasPrefix("127.")
    }

    /// Every interface (`0.0.0.0` or `::`).
    public var isWildcard: Bool {
        isIPv6 ? ip == "::" : ip == "0.0.0.0"
    }

    /// The URL to open for `port`; `localhost` for a wildcard address.
    public func url(port: UInt16) -> String {
        if isWildcard { return "http://localhost:\(port)/" }
        return isIPv6 ? "http://[\(ip)]:\(port)/" : "http://\(ip):\(port)/"
    }

    func socketAddress(port: UInt16) throws -> any SocketAddress {
        isIPv6 ? try sockaddr_in6.inet6(ip6: ip, port: port) : try sockaddr_in.inet(ip4: ip, port: port)
    }
}
