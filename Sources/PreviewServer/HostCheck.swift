/// Guards a loopback preview against other web sites in the same browser. DNS rebinding lets a
/// page at `evil.example` send requests to 127.0.0.1 under its own name, and any page may open a
/// WebSocket to localhost; with drafts and build errors (source lines) on the preview, both would
/// leak. So a loopback preview answers only requests addressed to a loopback name, and the event
/// socket only pages of its own origin.
public enum HostCheck {
    /// Whether a `Host` header names this machine: `localhost`, `*.localhost`, 127.0.0.0/8 or `[::1]`, any port.
    public static func isLocal(_ host: String) -> Bool {
        let name = hostname(host).lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part)! <= 255
        }
    }

    /// Whether an `Origin` header (`http://127.0.0.1:8080`) is the origin of `host` (`127.0.0.1:8080`).
    public static func isSameOrigin(_ origin: String, host: String) -> Bool {
        let lower = origin.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            return String(lower.dropFirst(scheme.count)) == host.lowercased()
        }
        return false
    }

    /// The host name of a `Host` header, without port or IPv6 brackets.
    static func hostname(_ host: String) -> Substring {
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return "" }
            return host[host.index(after: host.startIndex)..<close]
        }
        guard let colon = host.firstIndex(of: ":") else { return host[...] }
        return host[..<colon]
    }
}
