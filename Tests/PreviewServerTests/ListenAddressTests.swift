import Testing
@testable import PreviewServer

@Suite struct ListenAddressTests {
    @Test func loopbackAddresses() throws {
        let v4 = try #require(ListenAddress(host: "127.0.0.1"))
        #expect(v4.isLoopback && !v4.isIPv6)
        #expect(v4.url(port: 8080) == "http://127.0.0.1:8080/")
        let local = try #require(ListenAddress(host: "localhost"))
        #expect(local.ip == "127.0.0.1" && local.isLoopback)
        let v6 = try #require(ListenAddress(host: "[::1]"))
        #expect(v6.isLoopback && v6.isIPv6)
        #expect(v6.url(port: 9000) == "http://[::1]:9000/")
    }

    @Test func otherAddressesAreNotLoopback() throws {
        let all = try #require(ListenAddress(host: "0.0.0.0"))
        #expect(!all.isLoopback && all.isWildcard)
        #expect(all.url(port: 8080) == "http://localhost:8080/")
        let lan = try #require(ListenAddress(host: "192.168.1.20"))
        #expect(!lan.isLoopback && !lan.isWildcard)
        #expect(ListenAddress(host: "::")?.isWildcard == true)
    }

    @Test func namesAndGarbageAreRejected() {
        #expect(ListenAddress(host: "example.com") == nil)
        #expect(ListenAddress(host: "300.1.1.1") == nil)
        #expect(ListenAddress(host: "") == nil)
    }
}
