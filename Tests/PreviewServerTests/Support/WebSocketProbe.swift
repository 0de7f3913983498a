import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal WebSocket client for `/__sitegen/events`, as the reload script uses it: handshake,
/// then text frames from the server. Blocking reads run on a thread of their own.
final class WebSocketProbe: @unchecked Sendable {
    private let socket: Int32
    /// Bytes read past the last frame; touched only inside `next()`, which callers do not overlap.
    private var pending: [UInt8] = []

    private init(socket: Int32) {
        self.socket = socket
    }

    deinit { close(socket) }

    /// Connects and completes the handshake; the 101 response must come back.
    static func connect(port: UInt16, path: String = "/__sitegen/events", origin: String? = nil) async throws -> WebSocketProbe {
        try await onOwnThread {
            let socket = try RawHTTP.connect(port: port)
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin.map { "Origin: \($0)\r\n" } ?? "") + "\r\n"
            try RawHTTP.writeAll(socket, Array(request.utf8))
            let probe = WebSocketProbe(socket: socket)
            let head = try probe.readUntilHeaderEnd()
            guard head.hasPrefix("HTTP/1.1 101") else { throw RawHTTP.Failure(description: "no upgrade: \(head)") }
            return probe
        }
    }

    /// The next text message, or nil when the server closed the socket (close frame or EOF).
    func next() async throws -> String? {
        try await onOwnThread { try self.readMessage() }
    }

    private func readUntilHeaderEnd() throws -> String {
        while true {
            if let end = find(Array("\r\n\r\n".utf8)) {
                let head = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 4)
                return head
            }
            guard try fill() else { throw RawHTTP.Failure(description: "closed during handshake") }
        }
    }

    private func readMessage() throws -> String? {
        var payload: [UInt8] = []
        while true {
            guard let header = try take(2) else { return nil }
            let opcode = header[0] & 0x0F
            var length = Int(header[1] & 0x7F)
            if length == 126 {
                guard let extended = try take(2) else { return nil }
                length = Int(extended[0]) << 8 | Int(extended[1])
            } else if length == 127 {
                guard let extended = try take(8) else { return nil }
                length = extended.reduce(0) { $0 << 8 | Int($1) }
            }
            guard let body = try take(length) else { return nil }
            if opcode == 0x8 { return nil }
            payload += body
            if header[0] & 0x80 != 0 && (opcode == 0x1 || opcode == 0x0) { return String(decoding: payload, as: UTF8.self) }
        }
    }

    private func take(_ count: Int) throws -> [UInt8]? {
        while pending.count < count {
            guard try fill() else { return nil }
        }
        let bytes = Array(pending[..<count])
        pending.removeFirst(count)
        return bytes
    }

    private func fill() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count == 0 { return false }
        guard count > 0 else { throw RawHTTP.Failure(description: "recv failed: errno \(errno)") }
        pending += buffer[0..<count]
        return true
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard pending.count >= needle.count else { return nil }
        return (0...(pending.count - needle.count)).first { Array(pending[$0..<($0 + needle.count)]) == needle }
    }
}
