import Foundation
import Testing
@testable import PreviewServer

@Suite struct HostCheckTests {
    @Test func loopbackNamesAreLocal() {
        for host in ["localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:1", "[::1]:8080", "[::1]", "site.localhost:3000"] {
            #expect(HostCheck.isLocal(host), "\(host)")
        }
    }

    @Test func otherNamesAreNot() {
        for host in ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example", "128.0.0.1:8080",
                     "127.0.0.256", "127.0.0", "[::2]:8080", "[::1", "", "0.0.0.0:8080", "10.0.0.1"] {
            #expect(!HostCheck.isLocal(host), "\(host)")
        }
    }

    @Test func originMustBeThePagesOwn() {
        #expect(HostCheck.isSameOrigin("http://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(HostCheck.isSameOrigin("http://LOCALHOST:8080", host: "localhost:8080"))
        #expect(!HostCheck.isSameOrigin("http://127.0.0.1:8081", host: "127.0.0.1:8080"))
        #expect(!HostCheck.isSameOrigin("https://evil.example", host: "127.0.0.1:8080"))
        #expect(!HostCheck.isSameOrigin("null", host: "127.0.0.1:8080"))
    }

    @Test func aLoopbackPreviewRefusesForeignHostsAndOrigins() async throws {
        try await withPreview { preview in
            // A DNS-rebound request: the browser names the attacker's host.
            let raw = "GET /__sitegen/status HTTP/1.1\r\nHost: evil.example:\(preview.port)\r\nConnection: close\r\n\r\n"
            let reply = try RawHTTP.parse(try await RawHTTP.exchange(Array(raw.utf8), port: preview.port))
            #expect(reply.status == 403)
            #expect(!reply.text.contains("build"))

            let socket = "GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nOrigin: https://evil.example\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            let refused = try RawHTTP.parse(try await RawHTTP.exchange(Array(socket.utf8), port: preview.port, oneResponse: true))
            #expect(refused.status == 403)
            // The preview's own pages may listen.
            let own = try await WebSocketProbe.connect(port: preview.port, origin: "http://127.0.0.1:\(preview.port)")
            #expect(try await own.next() != nil)
        }
    }
}
