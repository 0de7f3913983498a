import Foundation
import Testing
@testable import PreviewServer

@Suite struct RequestHeadScannerTests {
    func verdict(_ text: String, in pieces: Int = 1) -> RequestHeadScanner.Verdict {
        var scanner = RequestHeadScanner()
        let bytes = Array(text.utf8)
        var pending: [UInt8] = []
        var last = RequestHeadScanner.Verdict.needsMore
        let step = max(1, bytes.count / pieces)
        var index = 0
        while index < bytes.count {
            pending += bytes[index..<min(index + step, bytes.count)]
            index += step
            last = scanner.scan(pending)
            if last != .needsMore { return last }
        }
        return last
    }

    @Test(arguments: [1, 3, 17, 1_000])
    func findsTheEndOfAHeadHoweverItArrives(pieces: Int) {
        let head = "GET /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n"
        #expect(verdict(head + "abcGET", in: pieces) == .head(length: head.utf8.count, bodyLength: 3, upgrade: false))
        #expect(verdict("\r\nGET / HTTP/1.1\nUpgrade: websocket\n\n", in: pieces) == .head(length: 37, bodyLength: 0, upgrade: true))
        #expect(verdict("GET / HTTP/1.1\r\nHost: x\r\n", in: pieces) == .needsMore)
    }

    @Test func refusesOversizedAndUnsupportedHeads() {
        let long = "GET /" + String(repeating: "a", count: RequestHeadScanner.maximumRequestLine) + " HTTP/1.1\r\n"
        #expect(verdict(long) == .reject(status: 414, reason: "URI Too Long"))
        // Refused as soon as the limit is passed, before the line ends.
        #expect(verdict(String(long.prefix(RequestHeadScanner.maximumRequestLine + 1))) == .reject(status: 414, reason: "URI Too Long"))
        let headers = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: " + String(repeating: "b", count: 1_000) + "\r\n", count: 70)
        #expect(verdict(headers) == .reject(status: 431, reason: "Request Header Fields Too Large"))
        #expect(verdict("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == .reject(status: 501, reason: "Not Implemented"))
        #expect(verdict("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n") == .reject(status: 413, reason: "Content Too Large"))
        #expect(verdict("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == .reject(status: 400, reason: "Bad Request"))
    }
}

/// The server in front of FlyingFox: long request lines and headers are refused with their status
/// after a bounded read, in time proportional to what was read.
@Suite struct RequestBoundsTests {
    func exchange(_ text: String, port: UInt16) async throws -> HTTPReply {
        try RawHTTP.parse(try await RawHTTP.exchange(Array(text.utf8), port: port, oneResponse: true))
    }

    @Test func longRequestLinesAndHeadsAreRefusedAtOnce() async throws {
        try await withPreview { preview in
            let started = ContinuousClock.now
            for length in [9_000, 100_000, 1_000_000] {
                let reply = try await exchange("GET /" + String(repeating: "a", count: length) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: preview.port)
                #expect(reply.status == 414, "\(length)")
            }
            let headers = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "b", count: 70_000) + "\r\n\r\n"
            #expect(try await exchange(headers, port: preview.port).status == 431)
            #expect(try await exchange("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n", port: preview.port).status == 501)
            let upgrade = "GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nX-Pad: " + String(repeating: "p", count: 5_000) + "\r\n\r\n"
            #expect(try await exchange(upgrade, port: preview.port).status == 431)
            // A hang check, not a benchmark: FlyingFox alone took 40 s for a 30,000-byte path.
            #expect(ContinuousClock.now - started < .seconds(10))
            // The server is still there, and long-but-allowed requests are answered in linear time.
            #expect(try await preview.get("/").status == 200)
            let allowed = try await exchange("GET /" + String(repeating: "a", count: 8_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: "
                                             + String(repeating: "c", count: 50_000) + "\r\n\r\n", port: preview.port)
            #expect(allowed.status == 404)
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }

    @Test func severalRequestsOnOneConnectionAreAnsweredInOrder() async throws {
        try await withPreview { preview in
            let raw = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nHEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            let bytes = try await RawHTTP.exchange(Array(raw.utf8), port: preview.port)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
            #expect(text.contains("Connection: close"))
        }
    }
}
