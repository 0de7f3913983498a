import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview's HTTP/1.1 front: it accepts the browser's connections, reads each request head
/// with `RequestHeadScanner` (bounded, linear time) and `RequestHead`, and has the site handler
/// answer it. Refused requests get their status (400, 413, 414, 431, 501) and the connection is
/// closed, after at most 64 KB were read. Only a WebSocket upgrade (the live reload, whose head
/// is short) goes to FlyingFox, which listens on a Unix socket in a private folder; bytes then
/// flow through unread both ways.
///
/// FlyingFox 0.27 reads request lines without a bound and re-examines the whole line for every
/// byte it adds (`CollectUntil` with `Sequence.suffix`): a 30,000-byte path took 40 s in a debug
/// build, 10,000 bytes 3 s. This wrapper keeps its handlers and WebSockets without forking it.
final class RequestGate: @unchecked Sendable {
    /// Connections served at once; more are closed at once.
    static let maximumConnections = 128
    /// The longest head of a request that upgrades the connection (handed to FlyingFox).
    static let maximumUpgradeHead = 4_096
    /// Seconds a client may take to send a request head (and may stay idle between requests).
    static let headTimeout: Int = 15

    let port: UInt16
    private let listener: Int32
    private let upstream: String
    private let handler: any HTTPHandler
    private let lock = NSLock()
    private var open = 0
    private var stopped = false

    /// Listens on `address`; nil with the errno when it cannot (`EADDRINUSE` for a taken port).
    init(address: ListenAddress, port: UInt16, upstream: String, handler: any HTTPHandler) throws(GateError) {
        self.upstream = upstream
        self.handler = handler
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw GateError(code: errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var bound: Int32
        if address.isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            inet_pton(AF_INET6, address.ip, &socketAddress.sin6_addr)
            bound = Self.bind(descriptor, &socketAddress)
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            inet_pton(AF_INET, address.ip, &socketAddress.sin_addr)
            bound = Self.bind(descriptor, &socketAddress)
        }
        if bound == 0 { bound = listen(descriptor, 128) }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw GateError(code: code)
        }
        listener = descriptor
        self.port = RequestGate.boundPort(descriptor) ?? port
    }

    /// `bind` with a concrete socket address type (`sockaddr_in`, `sockaddr_in6`).
    private static func bind<Address>(_ descriptor: Int32, _ address: inout Address) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                #if canImport(Glibc)
                Glibc.bind(descriptor, pointer, socklen_t(MemoryLayout<Address>.size))
                #else
                Darwin.bind(descriptor, pointer, socklen_t(MemoryLayout<Address>.size))
                #endif
            }
        }
    }

    /// Accepts connections on a thread of its own until `stop`.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "sitegen-serve-gate"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            lock.lock()
            let refuse = stopped || open >= Self.maximumConnections
            if !refuse { open += 1 }
            lock.unlock()
            if refuse {
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                lock.lock()
                open -= 1
                lock.unlock()
            }
            thread.start()
        }
    }

    /// One browser connection: each request head read and checked here, then answered by the
    /// site handler; a WebSocket upgrade is handed to FlyingFox, and bytes flow through unread
    /// both ways from then on.
    private func serve(_ client: Int32) {
        defer { close(client) }
        Self.setReceiveTimeout(client, seconds: Self.headTimeout)
        var scanner = RequestHeadScanner()
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            // The next head (and its body), from what is left over and what arrives.
            var verdict = scanner.scan(pending)
            while verdict == .needsMore {
                let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                pending += buffer[0..<count]
                verdict = scanner.scan(pending)
            }
            switch verdict {
            case .needsMore:
                return
            case .reject(let status, let reason):
                Self.writeAll(client, Self.response(status: status, reason: reason))
                return
            case .head(let length, let bodyLength, let upgrade):
                if upgrade {
                    // FlyingFox reads this head again, in time that grows with the square of a
                    // line's length: a browser's handshake is a few hundred bytes.
                    guard length <= Self.maximumUpgradeHead else {
                        Self.writeAll(client, Self.response(status: 431, reason: "Request Header Fields Too Large"))
                        return
                    }
                    handOver(client, bytes: pending)
                    return
                }
                while pending.count < length + bodyLength {
                    let count = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { return }
                    pending += buffer[0..<count]
                }
                let head = Array(pending[0..<length])
                let body = Data(pending[length..<(length + bodyLength)])
                pending.removeFirst(length + bodyLength)
                scanner.reset()
                guard let request = RequestHead.parse(head, body: body) else {
                    Self.writeAll(client, Self.response(status: 400, reason: "Bad Request"))
                    return
                }
                let keepAlive = RequestHead.keepsAlive(request)
                guard Self.writeAll(client, answer(request, keepAlive: keepAlive)), keepAlive else { return }
            }
        }
    }

    /// The handler's response to `request`, as bytes on the wire.
    private func answer(_ request: HTTPRequest, keepAlive: Bool) -> [UInt8] {
        let done = DispatchSemaphore(value: 0)
        let result = ResponseBox()
        let handler = self.handler
        Task {
            if let response = try? await handler.handleRequest(request) {
                result.bytes = await RequestHead.encode(response, keepAlive: keepAlive)
            }
            done.signal()
        }
        done.wait()
        return result.bytes ?? Self.response(status: 500, reason: "Internal Server Error")
    }

    /// Connects the browser to FlyingFox for a WebSocket: the upgrade request and whatever
    /// followed it go first, then both directions are copied until either side closes.
    private func handOver(_ client: Int32, bytes: [UInt8]) {
        Self.setReceiveTimeout(client, seconds: 0)
        guard let server = Self.connectUnix(upstream) else {
            Self.writeAll(client, Self.response(status: 503, reason: "Service Unavailable"))
            return
        }
        defer { close(server) }
        guard Self.writeAll(server, bytes) else { return }
        // Responses flow back on a thread of their own. When the server closes its side, the
        // browser's side is shut for reading too, which wakes the read below.
        let backDone = DispatchSemaphore(value: 0)
        Thread {
            Self.copy(from: server, to: client)
            shutdown(client, Int32(SHUT_RD))
            backDone.signal()
        }.start()
        Self.copy(from: client, to: server)
        shutdown(server, Int32(SHUT_WR))
        backDone.wait()
    }

    private static func copy(from source: Int32, to target: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            if !writeAll(target, Array(buffer[0..<count])) { return }
        }
    }

    static func response(status: Int, reason: String) -> [UInt8] {
        Array("HTTP/1.1 \(status) \(reason)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
    }

    @discardableResult
    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    private static func setReceiveTimeout(_ descriptor: Int32, seconds: Int) {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func connectUnix(_ path: String) -> Int32? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            return nil
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) } }
        case AF_INET6:
            return withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) } }
        default:
            return nil
        }
    }
}

/// A socket call that failed, with its errno.
struct GateError: Error {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}

/// Carries a response out of the task that made it.
private final class ResponseBox: @unchecked Sendable {
    var bytes: [UInt8]?
}
