import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP response as read off the socket.
struct HTTPReply: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A deliberately dumb HTTP/1.1 client on a raw socket: it sends the request target exactly as
/// given (no normalising of `..`, `%2e`, `//` or backslashes), which URLSession would not.
/// Socket calls block, so they run on a thread of their own, never on the cooperative pool the server uses.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func request(_ method: String, _ target: String, port: UInt16, headers: [String] = []) async throws -> HTTPReply {
        let head = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers
        let bytes = try await exchange(Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8), port: port)
        return try parse(bytes)
    }

    static func get(_ target: String, port: UInt16) async throws -> HTTPReply {
        try await request("GET", target, port: port)
    }

    /// Sends `bytes` and returns everything the server sends until it closes the connection, or
    /// with `oneResponse`, until one response with a `Content-Length` body has arrived (for
    /// requests that leave the connection open).
    static func exchange(_ bytes: [UInt8], port: UInt16, oneResponse: Bool = false) async throws -> [UInt8] {
        try await onOwnThread {
            let socket = try connect(port: port)
            defer { close(socket) }
            try writeAll(socket, bytes)
            var reply: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { break }
                guard count > 0 else { throw Failure(description: "recv failed: errno \(errno)") }
                reply += buffer[0..<count]
                if oneResponse, let parsed = try? parse(reply), let length = parsed.headers["content-length"].flatMap(Int.init),
                   parsed.body.count >= length { break }
            }
            return reply
        }
    }

    /// A blocking TCP connection to 127.0.0.1:`port` that gives up reading after 5 seconds.
    static func connect(port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port) failed: errno \(errno)")
        }
        return socket
    }

    static func writeAll(_ socket: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPReply {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - separator.count)).first(where: { Array(bytes[$0..<min(bytes.count, $0 + 4)]) == separator }) else {
            throw Failure(description: "no header end in \(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: headers, body: Array(bytes[(end + 4)...]))
    }
}
